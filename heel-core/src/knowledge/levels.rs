//! What each triage level means, how it is worded, and when a condition counts
//! as "likely" enough to raise the triage to it.
//!
//! One meaning per level: emergency = now, urgent = today, see a doctor =
//! within days, self-care = at home with a stated safety net. Every reason and
//! care text of a level states the same time frame (a test checks the words).
//!
//! **Likely thresholds.** A condition whose care needs a clinician raises the
//! triage to its level once its calibrated probability reaches the threshold
//! of that level. The threshold is the probability at which sending the person
//! costs less than missing the condition: with `m` the harm of missing the
//! condition relative to one unnecessary visit, the threshold is `1 / (1 + m)`.
//! The ratios are expert judgements, not published figures:
//! - urgent: missing a rupture, an acute fracture, an infection or a high-risk
//!   stress fracture is judged about six times worse than an unnecessary
//!   same-day visit, so `1 / 7` ≈ 0.15;
//! - emergency: sending someone to an emergency department now costs about as
//!   much as a few hours' delay in seeing a likely rupture or fracture, so
//!   `1 / 2` = 0.5. Below it, an emergency condition from 0.15 still raises
//!   the triage to urgent (today): possible is "today", probable is "now";
//! - see a doctor: missing a condition that needs a diagnosis within days
//!   (stress fracture, nerve entrapment, inflammatory arthritis) is judged
//!   about twice as bad as an unnecessary appointment, so `1 / 3` ≈ 0.33;
//! - self-care: "likely" is only a word on the report, used from 0.5.

use crate::item::Item;
use crate::vocab::{Professional, Setting, TriageLevel};

/// The wording and threshold of one triage level.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct LevelInfo {
    /// The level.
    pub id: TriageLevel,
    /// A short name for display.
    pub label: &'static str,
    /// The time frame in a few words.
    pub time_frame: &'static str,
    /// What to do, in plain words; states the time frame.
    pub action: &'static str,
    /// Who to go to at this level, when no condition names someone more specific.
    pub who: &'static [Professional],
    /// From this probability a condition whose care needs this level counts as likely.
    pub likely_threshold: f64,
}

use Professional as P;

/// Every level, in [`TriageLevel::ALL`] order.
pub(crate) static LEVELS: [LevelInfo; TriageLevel::COUNT] = [
    LevelInfo {
        id: TriageLevel::SelfCare,
        label: "Self-care",
        time_frame: "at home; see someone if not better within two weeks",
        action: "Self-care at home is a reasonable start. See a clinician if it is not better within two weeks, or sooner if anything changes.",
        who: &[P::Physiotherapist, P::Podiatrist, P::FamilyDoctor],
        likely_threshold: 0.5,
    },
    LevelInfo {
        id: TriageLevel::SeeDoctor,
        label: "See a clinician within days",
        time_frame: "within days",
        action: "Book an appointment within the next few days, and start the self-care below meanwhile.",
        who: &[P::FamilyDoctor, P::Physiotherapist, P::Podiatrist],
        likely_threshold: 0.33,
    },
    LevelInfo {
        id: TriageLevel::Urgent,
        label: "Urgent: today",
        time_frame: "today",
        action: "Get seen today: a same-day appointment with your doctor, an urgent care centre or a minor injuries unit.",
        who: &[P::UrgentCare, P::FamilyDoctor],
        likely_threshold: 0.15,
    },
    LevelInfo {
        id: TriageLevel::Emergency,
        label: "Emergency: now",
        time_frame: "now",
        action: "Go to an emergency department now, or call an ambulance (your local emergency number).",
        who: &[P::EmergencyDepartment],
        likely_threshold: 0.5,
    },
];

/// Plain-language names of the professionals, in [`Professional::ALL`] order.
pub(crate) static PROFESSIONAL_LABELS: [&str; Professional::COUNT] = [
    "a family doctor (GP)",
    "a physiotherapist",
    "a podiatrist",
    "a sports-medicine doctor",
    "an urgent care centre or minor injuries unit",
    "an emergency department",
    "a rheumatologist (through your doctor)",
    "your diabetic foot team",
    "a foot and ankle orthopaedic surgeon (through a referral)",
];

/// **Enough information.** Without these, heel never advises self-care: each
/// entry is a list of alternatives, one of which must be answered (where it
/// hurts; how it started or how long it has lasted).
pub(crate) static ESSENTIAL: &[&[Item]] =
    &[&[Item::PainLocation], &[Item::Onset, Item::DurationDays]];

/// Fewer answers than this are not enough to advise self-care.
pub(crate) const MIN_ANSWERS: usize = 5;

/// A place answer with this many places or more is too diffuse to rely on.
pub(crate) const DIFFUSE_PLACES: usize = 4;

/// Plain-language names of the settings, in [`Setting::ALL`] order.
pub(crate) static SETTING_LABELS: [&str; Setting::COUNT] = [
    "Runners with heel pain",
    "Adults seeing a family doctor with heel pain",
    "Children and adolescents under 18 with heel pain",
];
