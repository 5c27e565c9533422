//! Care policy: which advice the care plan gives, and when.
//!
//! The plan has two forms. At the emergency and urgent levels it leads with
//! getting seen and only protects the foot on the way ([`URGENT_PLAN`]); at
//! the other levels it is a self-care plan ([`ROUTINE_PLAN`]). Each row adds
//! one piece of advice (or the self-care of the likely conditions) when its
//! trigger holds; rows are read in order, and advice already given is not
//! repeated. "Likely" is the calibrated probability reaching the threshold of
//! the condition's care level (`levels.rs`); at most [`MAX_CONDITIONS`] likely
//! conditions bring their own advice. [`CONFLICTS`] lists advice that must not
//! appear together: the one serving the more likely condition stays.

use super::{Advice, Rule, Test};
use crate::condition::Condition;
use crate::item::Item;
use crate::vocab::TriageLevel;

/// How many likely conditions contribute their own advice.
pub const MAX_CONDITIONS: usize = 3;

/// When a care-plan row applies.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Trigger {
    /// Always.
    Always,
    /// Any of these triage rules fired.
    RuleFired(&'static [Rule]),
    /// Any of these conditions is likely.
    Likely(&'static [Condition]),
    /// The answers pass this test.
    Answers(Test),
    /// Every one of these holds.
    All(&'static [Trigger]),
    /// At least one of these holds.
    Any(&'static [Trigger]),
    /// This does not hold.
    Not(&'static Trigger),
}

/// What a care-plan row gives.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Gives {
    /// One piece of advice.
    Advice(Advice),
    /// The self-care of every likely condition whose care level is at least
    /// this one (most likely first).
    ConditionSelfCare(TriageLevel),
}

/// One row of the care policy.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CareRow {
    /// What the row gives.
    pub gives: Gives,
    /// When.
    pub when: Trigger,
}

const fn row(gives: Gives, when: Trigger) -> CareRow {
    CareRow { gives, when }
}

use Condition as C;
use Gives::{Advice as Give, ConditionSelfCare};
use Trigger::{Always, Answers, Any, Likely, Not, RuleFired};

const STRESS_FRACTURES: &[Condition] = &[
    C::CalcanealStressFracture,
    C::NavicularStressFracture,
    C::MedialMalleolusStressFracture,
];

/// The plan at the emergency and urgent levels: get seen; protect the foot.
pub static URGENT_PLAN: &[CareRow] = &[
    row(
        Give(Advice::ProtectRupture),
        Any(&[
            RuleFired(&[Rule::SuspectedAchillesRupture]),
            Likely(&[C::AchillesRupture]),
        ]),
    ),
    row(
        Give(Advice::ProtectFracture),
        Any(&[
            RuleFired(&[
                Rule::CannotBearWeightAfterInjury,
                Rule::OttawaPositive,
                Rule::DeformityAfterInjury,
            ]),
            Likely(&[C::AcuteCalcanealFracture]),
        ]),
    ),
    row(
        Give(Advice::InfectionNeedsCare),
        Any(&[
            RuleFired(&[
                Rule::InfectionWithSystemicSigns,
                Rule::HotRedSwollenHeel,
                Rule::FeverWithLocalSigns,
                Rule::ImmunosuppressedHotHeel,
                Rule::PunctureWound,
                Rule::ChildSwollenHeel,
                Rule::DiabeticFootChanges,
            ]),
            Likely(&[C::CalcanealOsteomyelitis]),
        ]),
    ),
    row(ConditionSelfCare(TriageLevel::Urgent), Always),
    row(Give(Advice::Rest), Always),
    row(Give(Advice::Elevation), Always),
];

/// The plan at the see-a-doctor and self-care levels: RICE with the seed
/// article's details, shoes, the likely conditions' own advice, pain relief
/// with its cautions, a gradual return for runners, and when to see someone.
pub static ROUTINE_PLAN: &[CareRow] = &[
    row(Give(Advice::Rest), Always),
    row(Give(Advice::Ice), Always),
    row(Give(Advice::Compression), Always),
    row(Give(Advice::Elevation), Always),
    row(Give(Advice::SupportiveShoes), Always),
    row(ConditionSelfCare(TriageLevel::SelfCare), Always),
    row(
        Give(Advice::StressFractureTreatment),
        Likely(STRESS_FRACTURES),
    ),
    row(Give(Advice::PainRelief), Always),
    row(
        Give(Advice::MedicationReview),
        RuleFired(&[Rule::FluoroquinoloneTendonPain]),
    ),
    row(
        Give(Advice::GradualReturn),
        Trigger::All(&[
            Any(&[
                Answers(Test::Present(Item::Runner)),
                Answers(Test::Above(Item::WeeklyDistanceKm, 0.0)),
            ]),
            Not(&Likely(STRESS_FRACTURES)),
        ]),
    ),
    row(Give(Advice::SeeIfNotBetter), Always),
];

/// Advice that contradicts other advice: never shown together.
pub static CONFLICTS: &[(Advice, Advice, &str)] = &[(
    Advice::TendonLoading,
    Advice::InsertionProtection,
    "Heel raises dropped over a step load a mid-portion tendon but squeeze an insertional one: only the advice for the more likely condition is kept.",
)];
