//! Vocabulary: settings, triage levels and the professionals a report can
//! point to.
//!
//! These are plain identifiers; what each one means, its wording and its time
//! frame are data in [`crate::knowledge`] (`levels.rs`).

use crate::ids::id_enum;
use crate::knowledge;

id_enum! {
    /// How urgently to see a clinician, from least to most urgent
    /// (the enum's order is the urgency order). Each level has one meaning
    /// and one time frame, given by [`TriageLevel::time_frame`].
    pub enum TriageLevel ("triage level") {
        /// Manage at home with the advice given; see someone if not better in
        /// about two weeks.
        SelfCare = "self_care",
        /// Book an assessment within days.
        SeeDoctor = "see_doctor",
        /// Be seen today.
        Urgent = "urgent",
        /// Go now: emergency department or ambulance.
        Emergency = "emergency",
    }
}

impl TriageLevel {
    /// A short name for display, for example "Urgent: today".
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::levels::LEVELS[self.index()].label
    }

    /// What to do at this level, in plain words (always states the time frame).
    #[must_use]
    pub fn action(self) -> &'static str {
        knowledge::levels::LEVELS[self.index()].action
    }

    /// The time frame in a few words, for example "today".
    #[must_use]
    pub fn time_frame(self) -> &'static str {
        knowledge::levels::LEVELS[self.index()].time_frame
    }

    /// The probability from which a condition whose care needs this level
    /// counts as "likely" and raises the triage to it.
    #[must_use]
    pub fn likely_threshold(self) -> f64 {
        knowledge::levels::LEVELS[self.index()].likely_threshold
    }
}

id_enum! {
    /// A professional or service a report can recommend seeing.
    pub enum Professional ("professional") {
        /// A family doctor (general practitioner).
        FamilyDoctor = "family_doctor",
        /// A musculoskeletal physiotherapist (often by self-referral).
        Physiotherapist = "physiotherapist",
        /// A podiatrist.
        Podiatrist = "podiatrist",
        /// A sports-medicine doctor.
        SportsMedicine = "sports_medicine",
        /// An urgent care centre or minor injuries unit.
        UrgentCare = "urgent_care",
        /// An emergency department (or an ambulance).
        EmergencyDepartment = "emergency_department",
        /// A rheumatology clinic (through a doctor's referral).
        Rheumatology = "rheumatology",
        /// A diabetic foot team.
        DiabeticFootTeam = "diabetic_foot_team",
        /// A foot and ankle orthopaedic surgeon (through a referral).
        Orthopaedics = "orthopaedics",
    }
}

impl Professional {
    /// A plain-language name, for example "a physiotherapist".
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::levels::PROFESSIONAL_LABELS[self.index()]
    }
}

id_enum! {
    /// The population the person belongs to, which sets the pre-test
    /// probability of each condition.
    pub enum Setting ("setting") {
        /// Runners with heel pain (the default for adults).
        Runners = "runners",
        /// Adults consulting a family doctor with heel pain.
        GeneralPractice = "general_practice",
        /// Children and adolescents under 18 with heel pain.
        Children = "children",
    }
}

impl Setting {
    /// A plain-language name, for example "Runners with heel pain".
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::levels::SETTING_LABELS[self.index()]
    }
}
