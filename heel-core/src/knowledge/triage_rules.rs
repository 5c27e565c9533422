//! Triage rules: answers that set a minimum level of care on their own,
//! whatever the condition scores say.
//!
//! Rules only ever raise the level. A rule marked `red_flag` comes from the
//! red-flag list of the evidence base (infection, fracture, rupture,
//! neurological and diabetic foot warnings, suspected high-risk stress
//! fracture); the others come from the seed article's advice on when to see a
//! doctor. Separately, a condition that is likely and needs a clinician
//! raises the level to that condition's `care_level` (see `conditions.rs`).

use serde::Serialize;

use super::Source;
use crate::ids::id_enum;
use crate::item::{Choice, Item, Location};
use crate::vocab::TriageLevel;

/// A test on the answers. Unknown answers never satisfy a test, except
/// [`Test::NotPresent`], which is true when the item is absent *or* unknown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "test", content = "of", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Test {
    /// A yes/no item answered "present".
    Present(Item),
    /// A yes/no item not answered "present" (absent or unknown).
    NotPresent(Item),
    /// A choice item answered with this option.
    Is(Item, Choice),
    /// A number item answered with a value strictly above this one.
    Above(Item, f64),
    /// A number item answered with a value strictly below this one.
    Below(Item, f64),
    /// `pain_location` includes at least one of these places.
    PainAt(&'static [Location]),
    /// All of these tests hold.
    All(&'static [Test]),
    /// At least one of these tests holds.
    Any(&'static [Test]),
    /// The test does not hold (an unknown answer counts as not holding, so
    /// `Not(Below(age, 16))` holds when the age is unknown).
    Not(&'static Test),
}

id_enum! {
    /// A triage rule. [`Rule::info`] gives its level, reason and source.
    pub enum Rule ("triage rule") {
        /// A cold, pale or blue foot.
        ColdPaleFoot = "cold_pale_foot",
        /// Numbness around the genitals or back passage, or bladder or bowel trouble.
        CaudaEquina = "cauda_equina",
        /// Fever with a hot or swollen heel, and systemic illness, immunosuppression or inability to bear weight.
        InfectionWithSystemicSigns = "infection_with_systemic_signs",
        /// The foot or ankle changed shape after an injury.
        DeformityAfterInjury = "deformity_after_injury",
        /// Unable to bear weight after an injury.
        CannotBearWeightAfterInjury = "cannot_bear_weight_after_injury",
        /// A pop or snap with calf weakness, or clinician signs of Achilles rupture.
        SuspectedAchillesRupture = "suspected_achilles_rupture",
        /// A hot, red, swollen heel.
        HotRedSwollenHeel = "hot_red_swollen_heel",
        /// A fever with heel swelling, warmth, redness or inability to bear weight.
        FeverWithLocalSigns = "fever_with_local_signs",
        /// A hot, red or swollen heel in someone whose immune system is weakened.
        ImmunosuppressedHotHeel = "immunosuppressed_hot_heel",
        /// A wound or puncture on the foot.
        PunctureWound = "puncture_wound",
        /// A child with one hot or swollen heel who limps, cannot bear weight or has a fever.
        ChildSwollenHeel = "child_swollen_heel",
        /// Diabetes with new redness, warmth, swelling or a wound.
        DiabeticFootChanges = "diabetic_foot_changes",
        /// Numbness or weakness that is spreading or getting worse.
        ProgressiveNumbnessWeakness = "progressive_numbness_weakness",
        /// Clinician findings of a high-risk stress fracture.
        HighRiskStressFractureSigns = "high_risk_stress_fracture_signs",
        /// Activity pain at a high-risk stress fracture site in a young or active person.
        HighRiskStressFractureSuspected = "high_risk_stress_fracture_suspected",
        /// Ottawa rules positive after an injury: bone tenderness at the named points.
        OttawaPositive = "ottawa_positive",
        /// Unable to bear weight without an injury.
        CannotBearWeight = "cannot_bear_weight",
        /// A pop or snap at onset.
        PopAtOnset = "pop_at_onset",
        /// Bone pain with a history of cancer.
        CancerHistoryBonePain = "cancer_history_bone_pain",
        /// Pain at rest or at night.
        RestOrNightPain = "rest_or_night_pain",
        /// Weight loss without trying, or a lump in the heel.
        WeightLossOrMass = "weight_loss_or_mass",
        /// Features of a calcaneal stress fracture.
        StressFracturePattern = "stress_fracture_pattern",
        /// Heel pain with inflammatory features.
        InflammatoryPattern = "inflammatory_pattern",
        /// A recent fluoroquinolone antibiotic with Achilles or heel pain.
        FluoroquinoloneTendonPain = "fluoroquinolone_tendon_pain",
        /// Diabetes and heel pain.
        Diabetes = "diabetes",
        /// Sharp pain that came on suddenly.
        SharpAndSudden = "sharp_and_sudden",
        /// A kind of pain never felt before.
        UnfamiliarPain = "unfamiliar_pain",
        /// More than 14 days without improvement.
        NotImprovingAfterTwoWeeks = "not_improving_after_two_weeks",
        /// Difficulty walking.
        DifficultyWalking = "difficulty_walking",
        /// Severe pain.
        SeverePain = "severe_pain",
    }
}

/// A triage rule: when its test holds, the level is at least `level`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// The rule.
    pub id: Rule,
    /// The level the rule sets as a minimum.
    pub level: TriageLevel,
    /// Whether this is a red flag from the evidence base's red-flag list.
    pub red_flag: bool,
    /// When the rule fires.
    pub test: Test,
    /// The reason shown to the person, in plain words.
    pub reason: &'static str,
    /// Where the rule comes from.
    pub source: Source,
}

impl Rule {
    /// The rule's level, test, reason and source.
    #[must_use]
    pub fn info(self) -> &'static RuleInfo {
        &TRIAGE_RULES[self.index()]
    }
}

use Item as I;
use Test::{Above, All, Any, Below, Is, Not, NotPresent, PainAt, Present};
use TriageLevel::{Emergency, SeeDoctor, Urgent};

/// Places at the back of the heel and leg, where the Achilles tendon runs.
const ACHILLES: &[Location] = &[
    Location::AchillesMidportion,
    Location::AchillesInsertion,
    Location::Calf,
];
/// Places a calcaneal stress fracture is felt (not the plantar-medial heel of plantar fasciitis).
const CALCANEAL_BODY: &[Location] = &[
    Location::WholeHeel,
    Location::HeelPadCentre,
    Location::LateralHeel,
];
/// The malleolar zone of the Ottawa ankle rule.
const OTTAWA_ANKLE: &[Location] = &[
    Location::LateralAnkle,
    Location::MedialAnkle,
    Location::MedialMalleolus,
    Location::AnteriorAnkle,
    Location::PosteromedialAnkle,
];
/// The midfoot zone of the Ottawa foot rule.
const OTTAWA_MIDFOOT: &[Location] = &[
    Location::DorsalMedialMidfoot,
    Location::SinusTarsi,
    Location::Arch,
];
/// Signs of an inflamed area.
const LOCAL_SIGNS: &[Test] = &[
    Present(I::Swelling),
    Present(I::Warmth),
    Present(I::Redness),
];

/// Every rule, in [`Rule::ALL`] order (most urgent first).
pub static TRIAGE_RULES: [RuleInfo; Rule::COUNT] = [
    RuleInfo {
        id: Rule::ColdPaleFoot,
        level: Emergency,
        red_flag: true,
        test: Present(I::ColdPaleFoot),
        reason: "A cold, pale, white or blue foot can mean its blood supply is blocked (acute limb ischaemia). Go to an emergency department now or call an ambulance: the limb may not be saveable after about six hours.",
        source: Source::EsvsAli2020,
    },
    RuleInfo {
        id: Rule::CaudaEquina,
        level: Emergency,
        red_flag: true,
        test: Present(I::SaddleNumbnessBladder),
        reason: "New numbness around the genitals or back passage, or trouble controlling the bladder or bowel, can mean the nerves at the bottom of the spine are being squeezed (cauda equina syndrome). Go to an emergency department now.",
        source: Source::GirftCes,
    },
    RuleInfo {
        id: Rule::InfectionWithSystemicSigns,
        level: Emergency,
        red_flag: true,
        test: All(&[
            Present(I::Fever),
            Any(LOCAL_SIGNS),
            Any(&[
                Present(I::Immunosuppressed),
                Present(I::Diabetes),
                All(&[Below(I::Age, 18.0), Present(I::UnableToBearWeight)]),
            ]),
        ]),
        reason: "A fever with a hot or swollen heel in someone with diabetes or a weakened immune system, or in a child who cannot stand on it, can be a bone or joint infection or sepsis that threatens the limb. Go to an emergency department now.",
        source: Source::NiceSepsis,
    },
    RuleInfo {
        id: Rule::DeformityAfterInjury,
        level: Emergency,
        red_flag: true,
        test: Present(I::VisibleDeformity),
        reason: "A foot or ankle that has changed shape or points at an odd angle after an injury may be broken or dislocated. Keep it still and go to an emergency department now.",
        source: Source::NhsSprains,
    },
    RuleInfo {
        id: Rule::CannotBearWeightAfterInjury,
        level: Urgent,
        red_flag: true,
        test: All(&[Present(I::Trauma), Present(I::UnableToBearWeight)]),
        reason: "Being unable to put weight on the foot or take four steps after an injury can mean a fracture. Get an X-ray today at a minor injuries unit, urgent care centre or emergency department.",
        source: Source::Stiell1992,
    },
    RuleInfo {
        id: Rule::SuspectedAchillesRupture,
        level: Emergency,
        red_flag: true,
        test: Any(&[
            All(&[
                Present(I::PopAtOnset),
                Any(&[
                    Present(I::HeelRaiseUnable),
                    Present(I::DifficultyWalking),
                    Present(I::UnableToBearWeight),
                ]),
                PainAt(ACHILLES),
            ]),
            Present(I::ThompsonTest),
            Present(I::PalpableGap),
        ]),
        reason: "A pop or snap at the back of the leg with weakness pushing off, or a positive calf-squeeze test or a gap in the tendon, suggests an Achilles tendon rupture. Keep weight off the leg and go to an emergency department or minor injuries unit now.",
        source: Source::NhsHeelPain,
    },
    RuleInfo {
        id: Rule::HotRedSwollenHeel,
        level: Urgent,
        red_flag: true,
        test: All(LOCAL_SIGNS),
        reason: "A heel that is hot, red and swollen needs to be seen today to rule out infection.",
        source: Source::NhsGlosRedFlags,
    },
    RuleInfo {
        id: Rule::FeverWithLocalSigns,
        level: Urgent,
        red_flag: true,
        test: All(&[
            Present(I::Fever),
            Any(&[
                Present(I::Swelling),
                Present(I::Warmth),
                Present(I::Redness),
                Present(I::UnableToBearWeight),
            ]),
        ]),
        reason: "Heel pain with a fever and a swollen, hot or red heel, or a heel you cannot stand on, needs to be seen today to rule out infection.",
        source: Source::NhsGlosRedFlags,
    },
    RuleInfo {
        id: Rule::ImmunosuppressedHotHeel,
        level: Urgent,
        red_flag: true,
        test: All(&[Present(I::Immunosuppressed), Any(LOCAL_SIGNS)]),
        reason: "With a weakened immune system, a hot, red or swollen heel can be an infection even without a fever. Have it seen today.",
        source: Source::NiceSepsis,
    },
    RuleInfo {
        id: Rule::PunctureWound,
        level: Urgent,
        red_flag: true,
        test: Present(I::PunctureWound),
        reason: "A wound or puncture on a painful foot can let infection reach the bone. Have it checked today.",
        source: Source::PaediatricOsteomyelitis2024,
    },
    RuleInfo {
        id: Rule::ChildSwollenHeel,
        level: Urgent,
        red_flag: true,
        test: All(&[
            Below(I::Age, 18.0),
            Any(&[
                All(&[
                    Not(&Is(I::Side, Choice::Both)),
                    Any(&[Present(I::Swelling), Present(I::Warmth)]),
                    Any(&[
                        Present(I::UnableToBearWeight),
                        Present(I::DifficultyWalking),
                        Present(I::Fever),
                    ]),
                ]),
                All(&[
                    Present(I::Fever),
                    Any(&[
                        Present(I::UnableToBearWeight),
                        Present(I::DifficultyWalking),
                    ]),
                ]),
            ]),
        ]),
        reason: "In a child, one swollen or hot heel with a limp, inability to bear weight or a fever, or a fever with a limp, can be a bone infection rather than Sever's disease (which is usually in both heels, without swelling). Have it seen today.",
        source: Source::OsteomyelitisCase2015,
    },
    RuleInfo {
        id: Rule::DiabeticFootChanges,
        level: Urgent,
        red_flag: true,
        test: All(&[
            Present(I::Diabetes),
            Any(&[
                Present(I::Redness),
                Present(I::Warmth),
                Present(I::Swelling),
                Present(I::PunctureWound),
            ]),
        ]),
        reason: "With diabetes, new redness, warmth, swelling or a wound on the foot is a foot emergency. Contact your diabetic foot team or doctor today.",
        source: Source::DiabetesUk,
    },
    RuleInfo {
        id: Rule::ProgressiveNumbnessWeakness,
        level: Urgent,
        red_flag: true,
        test: Present(I::ProgressiveNumbnessWeakness),
        reason: "Numbness or weakness that is spreading or getting worse needs an assessment of the nerves today.",
        source: Source::NhsGlosRedFlags,
    },
    RuleInfo {
        id: Rule::HighRiskStressFractureSigns,
        level: Urgent,
        red_flag: true,
        test: Any(&[
            Present(I::NSpotTenderness),
            Present(I::MedialMalleolusTenderness),
        ]),
        reason: "Tenderness over the navicular or the inner ankle bone can be a stress fracture at a high-risk site, which heals poorly if loaded. Stop running and have it assessed today, usually with an MRI or CT scan.",
        source: Source::StressFracturesHindfoot2020,
    },
    RuleInfo {
        id: Rule::HighRiskStressFractureSuspected,
        level: Urgent,
        red_flag: true,
        test: All(&[
            PainAt(&[Location::DorsalMedialMidfoot, Location::MedialMalleolus]),
            Present(I::WorseWithActivity),
            NotPresent(I::Trauma),
            Any(&[
                Below(I::Age, 40.0),
                Present(I::Runner),
                Present(I::JumpingSport),
                Present(I::TrainingIncrease),
            ]),
        ]),
        reason: "Pain on the top-inner midfoot or over the inner ankle bone that builds with activity, without an injury, can be a stress fracture of the navicular or the medial malleolus. These heal poorly if loaded: stop running and have it assessed today, usually with an MRI or CT scan.",
        source: Source::AaosNavicular,
    },
    RuleInfo {
        id: Rule::OttawaPositive,
        level: Urgent,
        red_flag: true,
        test: All(&[
            Present(I::Trauma),
            Any(&[
                Present(I::MalleolarBoneTenderness),
                Present(I::MidfootBoneTenderness),
                All(&[
                    Present(I::UnableToBearWeightAtInjury),
                    Present(I::UnableToBearWeight),
                ]),
            ]),
        ]),
        reason: "After an injury, tenderness on the back edge or tip of an ankle bone, over the navicular or at the base of the fifth metatarsal means an X-ray is needed (Ottawa ankle and foot rules). Have it seen today.",
        source: Source::Beckenkamp2017,
    },
    RuleInfo {
        id: Rule::CannotBearWeight,
        level: Urgent,
        red_flag: true,
        test: Present(I::UnableToBearWeight),
        reason: "Being unable to put weight on the foot or take four steps needs to be assessed today.",
        source: Source::NhsGlosRedFlags,
    },
    RuleInfo {
        id: Rule::PopAtOnset,
        level: Urgent,
        red_flag: true,
        test: Present(I::PopAtOnset),
        reason: "A pop or snap when the pain began can mean a torn tendon or plantar fascia. Have it checked today.",
        source: Source::NhsGlosRedFlags,
    },
    RuleInfo {
        id: Rule::CancerHistoryBonePain,
        level: Urgent,
        red_flag: true,
        test: All(&[
            Present(I::CancerHistory),
            Any(&[
                Present(I::NightPain),
                Present(I::PainAtRest),
                Present(I::PalpableMass),
                Present(I::UnexplainedWeightLoss),
            ]),
        ]),
        reason: "Bone pain at rest or at night after cancer can be a spread to the bone, which needs urgent investigation. Ask for an urgent appointment with your doctor today and mention the cancer, so an X-ray can be arranged.",
        source: Source::NiceNg12,
    },
    RuleInfo {
        id: Rule::RestOrNightPain,
        level: SeeDoctor,
        red_flag: true,
        test: Any(&[Present(I::NightPain), Present(I::PainAtRest)]),
        reason: "Pain at rest or at night is not typical of simple overuse: see a clinician within the next few days, who may arrange an X-ray.",
        source: Source::Yan2018,
    },
    RuleInfo {
        id: Rule::WeightLossOrMass,
        level: SeeDoctor,
        red_flag: true,
        test: Any(&[Present(I::UnexplainedWeightLoss), Present(I::PalpableMass)]),
        reason: "Weight loss without trying, or a lump in the heel, should be checked by a clinician within the next few days.",
        source: Source::Yan2018,
    },
    RuleInfo {
        id: Rule::StressFracturePattern,
        level: SeeDoctor,
        red_flag: true,
        test: Any(&[
            // In children a painful squeeze is the usual sign of Sever's disease.
            All(&[Present(I::CalcanealSqueeze), Not(&Below(I::Age, 16.0))]),
            All(&[
                PainAt(CALCANEAL_BODY),
                Present(I::PainOnHopping),
                Present(I::WorseWithActivity),
                Any(&[Present(I::TrainingIncrease), Present(I::NewHardSurface)]),
                NotPresent(I::WarmsUpWithActivity),
                NotPresent(I::EasesAfterFewMinutes),
            ]),
        ]),
        reason: "Heel pain over the heel bone that builds with activity and hurts on hopping after a change in training can be a stress fracture, which needs prompt medical attention: see a doctor within the next few days and stop running until then.",
        source: Source::SeedArticle,
    },
    RuleInfo {
        id: Rule::InflammatoryPattern,
        level: SeeDoctor,
        red_flag: true,
        test: Any(&[
            Present(I::InflammatoryBackPain),
            Present(I::PsoriasisIbdUveitis),
            All(&[
                Present(I::MorningStiffnessLong),
                Present(I::OtherJointsPainful),
            ]),
            All(&[Is(I::Side, Choice::Both), Present(I::MorningStiffnessLong)]),
        ]),
        reason: "Heel pain with inflammatory back pain, psoriasis, bowel inflammation or uveitis, or long morning stiffness in both heels or with other painful joints, can be an inflammatory arthritis. See a doctor within the next few days, who can arrange tests and a rheumatology referral.",
        source: Source::NiceNg65,
    },
    RuleInfo {
        id: Rule::FluoroquinoloneTendonPain,
        level: SeeDoctor,
        red_flag: true,
        test: All(&[
            Present(I::RecentFluoroquinolone),
            PainAt(&[
                Location::AchillesMidportion,
                Location::AchillesInsertion,
                Location::Calf,
                Location::WholeHeel,
            ]),
        ]),
        reason: "Achilles or heel pain after a fluoroquinolone antibiotic (ciprofloxacin, levofloxacin and similar) raises the risk of tendon rupture. Talk to a doctor about the medicine within the next few days, before another dose, and avoid hard exercise until then.",
        source: Source::Morales2019,
    },
    RuleInfo {
        id: Rule::Diabetes,
        level: SeeDoctor,
        red_flag: true,
        test: Present(I::Diabetes),
        reason: "With diabetes, new foot pain should be checked by your foot team or doctor within the next few days.",
        source: Source::DiabetesUk,
    },
    RuleInfo {
        id: Rule::SharpAndSudden,
        level: SeeDoctor,
        red_flag: false,
        test: All(&[Present(I::SharpStabbing), Is(I::Onset, Choice::Sudden)]),
        reason: "The pain is sharp and came on suddenly: you can't go wrong making a doctor's appointment within the next few days.",
        source: Source::SeedArticle,
    },
    RuleInfo {
        id: Rule::UnfamiliarPain,
        level: SeeDoctor,
        red_flag: false,
        test: Present(I::UnfamiliarPain),
        reason: "This is a pain you haven't had before: you can't go wrong making a doctor's appointment within the next few days.",
        source: Source::SeedArticle,
    },
    RuleInfo {
        id: Rule::NotImprovingAfterTwoWeeks,
        level: SeeDoctor,
        red_flag: false,
        test: All(&[Above(I::DurationDays, 14.0), NotPresent(I::Improving)]),
        reason: "The pain has lasted more than two weeks without getting better: see a doctor, physiotherapist or podiatrist within the next few days.",
        source: Source::HsePlantarFasciitis,
    },
    RuleInfo {
        id: Rule::DifficultyWalking,
        level: SeeDoctor,
        red_flag: false,
        test: Present(I::DifficultyWalking),
        reason: "Difficulty walking is a reason to see a clinician within the next few days rather than manage at home alone.",
        source: Source::SeedArticle,
    },
    RuleInfo {
        id: Rule::SeverePain,
        level: SeeDoctor,
        red_flag: false,
        test: Above(I::Severity, 7.0),
        reason: "The pain is severe (8 or more out of 10): what to do depends on how severe it is, and this is worth a doctor's appointment within the next few days.",
        source: Source::SeedArticle,
    },
];

/// A red-flag screening question: asked before any other question (when its
/// `when` test holds, or always if `when` is `None`) until it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Screen {
    /// The item to ask.
    pub item: Item,
    /// Ask it only when this holds (for example, ask about weakness only after a pop).
    pub when: Option<Test>,
    /// The rule it screens for.
    pub rule: Rule,
    /// What it screens for, in a few plain words.
    pub screens_for: &'static str,
}

const fn screen(item: Item, when: Option<Test>, rule: Rule, screens_for: &'static str) -> Screen {
    Screen {
        item,
        when,
        rule,
        screens_for,
    }
}

/// The red-flag screening questions, in the order they are asked.
///
/// Five are always asked first (fever, swelling, weight bearing, how it
/// started, and how long the pain has lasted); the rest are asked
/// only when an earlier answer makes what they screen for possible (an
/// injury or a pop unless the onset was gradual), which keeps interviews
/// short. Every red-flag rule has at least one screen (a test checks it).
#[rustfmt::skip]
pub static SCREENING: &[Screen] = &[
    screen(I::Fever, None, Rule::FeverWithLocalSigns, "infection"),
    screen(I::Swelling, None, Rule::HotRedSwollenHeel, "infection or fracture"),
    screen(I::Warmth, Some(Any(&[Present(I::Swelling), Present(I::Fever), Present(I::Diabetes)])), Rule::HotRedSwollenHeel, "infection"),
    screen(I::Redness, Some(Any(&[Present(I::Swelling), Present(I::Warmth), Present(I::Fever), Present(I::Diabetes)])), Rule::HotRedSwollenHeel, "infection"),
    screen(I::FeelingUnwell, Some(Present(I::Fever)), Rule::InfectionWithSystemicSigns, "sepsis"),
    screen(I::Immunosuppressed, Some(Any(&[Present(I::Fever), Present(I::Swelling), Present(I::Warmth), Present(I::Redness)])), Rule::ImmunosuppressedHotHeel, "an infection in a weakened immune system"),
    screen(I::UnableToBearWeight, None, Rule::CannotBearWeight, "a fracture or infection"),
    screen(I::Onset, None, Rule::PopAtOnset, "an injury or a tear"),
    // An injury or a pop comes on suddenly: skipped only when the onset was gradual.
    screen(I::Trauma, Some(Any(&[Not(&Is(I::Onset, Choice::Gradual)), Present(I::UnableToBearWeight), Present(I::Swelling)])), Rule::CannotBearWeightAfterInjury, "a fracture"),
    screen(I::VisibleDeformity, Some(Present(I::Trauma)), Rule::DeformityAfterInjury, "a broken or dislocated bone"),
    // The Ottawa rules apply to pain in the malleolar and midfoot zones after an injury.
    screen(I::MalleolarBoneTenderness, Some(All(&[Present(I::Trauma), PainAt(OTTAWA_ANKLE)])), Rule::OttawaPositive, "a fracture (Ottawa ankle rule)"),
    screen(I::MidfootBoneTenderness, Some(All(&[Present(I::Trauma), PainAt(OTTAWA_MIDFOOT)])), Rule::OttawaPositive, "a fracture (Ottawa foot rule)"),
    screen(I::UnableToBearWeightAtInjury, Some(All(&[Present(I::Trauma), Present(I::UnableToBearWeight)])), Rule::OttawaPositive, "a fracture (Ottawa rules)"),
    screen(I::PopAtOnset, Some(Not(&Is(I::Onset, Choice::Gradual))), Rule::PopAtOnset, "a torn tendon or fascia"),
    screen(I::HeelRaiseUnable, Some(Any(&[Present(I::PopAtOnset), All(&[Not(&Is(I::Onset, Choice::Gradual)), Any(&[PainAt(ACHILLES), PainAt(&[Location::WholeHeel]), Present(I::Swelling), Present(I::DifficultyWalking)])])])), Rule::SuspectedAchillesRupture, "an Achilles rupture"),
    screen(I::ThompsonTest, Some(Any(&[Present(I::PopAtOnset), Present(I::HeelRaiseUnable), PainAt(&[Location::AchillesMidportion, Location::Calf])])), Rule::SuspectedAchillesRupture, "an Achilles rupture"),
    screen(I::ColdPaleFoot, Some(Any(&[All(&[Is(I::Onset, Choice::Sudden), Not(&Present(I::Trauma))]), Present(I::PoorCirculation), Present(I::Diabetes)])), Rule::ColdPaleFoot, "a blocked blood supply"),
    // A wound lets infection in; its signs (swelling, heat, redness, fever) are screened first.
    screen(I::PunctureWound, Some(Any(&[Present(I::Swelling), Present(I::Warmth), Present(I::Redness), Present(I::Fever), Present(I::Diabetes), Present(I::Immunosuppressed), Below(I::Age, 18.0)])), Rule::PunctureWound, "a bone infection"),
    screen(I::Diabetes, Some(Any(&[Present(I::Redness), Present(I::Warmth), Present(I::Swelling), Present(I::PunctureWound)])), Rule::DiabeticFootChanges, "a diabetic foot emergency"),
    screen(I::ProgressiveNumbnessWeakness, Some(Any(&[Present(I::Numbness), Present(I::Tingling), Present(I::Burning), Present(I::WeakLittleToe), Present(I::BackPainRadiating)])), Rule::ProgressiveNumbnessWeakness, "a worsening nerve problem"),
    screen(I::SaddleNumbnessBladder, Some(Present(I::BackPainRadiating)), Rule::CaudaEquina, "compression of the nerves at the base of the spine"),
    screen(I::WorseWithActivity, Some(PainAt(&[Location::DorsalMedialMidfoot, Location::MedialMalleolus])), Rule::HighRiskStressFractureSuspected, "a high-risk stress fracture"),
    screen(I::NSpotTenderness, Some(PainAt(&[Location::DorsalMedialMidfoot])), Rule::HighRiskStressFractureSigns, "a navicular stress fracture"),
    screen(I::MedialMalleolusTenderness, Some(PainAt(&[Location::MedialMalleolus])), Rule::HighRiskStressFractureSigns, "a medial malleolus stress fracture"),
    screen(I::CancerHistory, Some(Any(&[Present(I::NightPain), Present(I::PainAtRest), Present(I::PalpableMass), Present(I::UnexplainedWeightLoss)])), Rule::CancerHistoryBonePain, "a spread of cancer to the bone"),
    screen(I::PainAtRest, Some(Any(&[All(&[Not(&Below(I::Age, 50.0)), Above(I::DurationDays, 42.0)]), Present(I::CancerHistory)])), Rule::RestOrNightPain, "a cause other than overuse"),
    screen(I::NightPain, Some(Any(&[Present(I::PainAtRest), Present(I::CancerHistory)])), Rule::RestOrNightPain, "a cause other than overuse"),
    screen(I::UnexplainedWeightLoss, Some(Any(&[Present(I::NightPain), Present(I::PainAtRest), Present(I::CancerHistory)])), Rule::WeightLossOrMass, "a tumour"),
    screen(I::InflammatoryBackPain, Some(Any(&[Is(I::Side, Choice::Both), Present(I::MorningStiffnessLong), Present(I::OtherJointsPainful)])), Rule::InflammatoryPattern, "an inflammatory arthritis"),
    screen(I::RecentFluoroquinolone, Some(All(&[PainAt(&[Location::AchillesMidportion, Location::AchillesInsertion, Location::Calf]), Not(&Below(I::Age, 40.0))])), Rule::FluoroquinoloneTendonPain, "a tendon harmed by an antibiotic"),
    // The seed article's rule: pain lasting many days without improving.
    screen(I::DurationDays, None, Rule::NotImprovingAfterTwoWeeks, "pain that has lasted too long"),
    screen(I::Improving, Some(Above(I::DurationDays, 14.0)), Rule::NotImprovingAfterTwoWeeks, "pain that is not getting better"),
];
