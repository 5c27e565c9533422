//! Evidence groups: answers that describe one underlying fact, and so are not
//! independent evidence.
//!
//! A pop at onset implies a sudden onset; burning, tingling, numbness and
//! radiating pain are one neuropathic picture; three tendon tests examine the
//! same tendon. Multiplying their likelihood ratios as if independent
//! overstates the evidence (correlated tests can push a post-test
//! probability up by more than 25 points; with perfect correlation two
//! positives say no more than one: J Clin Epidemiol 2009;62:1301-5).
//!
//! **The rule.** Within a group, for each condition, the answers that point
//! towards it are ranked by the size of their log likelihood ratio: the
//! strongest counts in full, the next at [`GROUP_DECAY`] of its log ratio, the
//! third at `GROUP_DECAY²`, and so on. Answers that point away are ranked and
//! weighted the same way, separately. An answer in no group counts in full.
//! The decay is an expert choice: 1/2 halves each further correlated answer,
//! between independence (1) and perfect correlation (0). The calibration
//! command (`cargo run --release --example calibrate`) reports how the fit
//! changes with it.
//!
//! **Published clusters.** Where a source measured the combined accuracy of a
//! group's answers, that figure is used instead of the rule once every member
//! is answered (see [`CLUSTERS`]).

use super::{Grade, Source, Test};
use crate::condition::Condition;
use crate::ids::id_enum;
use crate::item::Item;

/// The most members an evidence group may have (a review check enforces it).
pub(crate) const MAX_GROUP: usize = 8;

/// The weight of each further answer in a group, relative to the one before.
pub const GROUP_DECAY: f64 = 0.5;

id_enum! {
    /// A group of correlated evidence items.
    pub enum EvidenceGroup ("evidence group") {
        /// How an acute injury started.
        AcuteInjury = "acute_injury",
        /// Weight bearing, walking and bone tenderness after an injury (the Ottawa rules).
        WeightBearing = "weight_bearing",
        /// Start-up pain and stiffness that ease with movement.
        StartUpPattern = "start_up_pattern",
        /// Pain that builds with load and time on the feet.
        LoadPattern = "load_pattern",
        /// Pain at rest and at night.
        RestAndNight = "rest_and_night",
        /// Nerve symptoms.
        NerveSymptoms = "nerve_symptoms",
        /// Visible signs at the painful place: swelling, redness, warmth, bruising, a changed shape.
        LocalSigns = "local_signs",
        /// Feeling ill.
        Systemic = "systemic",
        /// Features of spondyloarthritis elsewhere in the body.
        SpondyloarthritisFeatures = "spondyloarthritis_features",
        /// Achilles mid-portion examination.
        AchillesTendonTests = "achilles_tendon_tests",
        /// Achilles rupture examination.
        RuptureTests = "rupture_tests",
        /// Heel raise and hopping: loading the calf and tendon.
        CalfLoading = "calf_loading",
        /// Training load changes.
        TrainingLoad = "training_load",
        /// Bone health.
        BoneHealth = "bone_health",
        /// Sciatica.
        Sciatica = "sciatica",
    }
}

/// One evidence group.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct GroupInfo {
    /// The group.
    pub id: EvidenceGroup,
    /// Its members (an item belongs to at most one group).
    pub items: &'static [Item],
    /// Why these answers are correlated.
    pub note: &'static str,
}

impl EvidenceGroup {
    /// The group's members and why they are grouped.
    #[must_use]
    pub fn info(self) -> &'static GroupInfo {
        &GROUPS[self.index()]
    }
}

/// A published combined accuracy of several answers of one group: a rule that
/// is positive or negative once all its members are answered.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Cluster {
    /// The group the members belong to.
    pub group: EvidenceGroup,
    /// The members the rule reads (all must be answered yes or no).
    pub members: &'static [Item],
    /// When the rule applies at all (for example, only after an injury).
    pub applies_when: Option<Test>,
    /// When the rule is positive.
    pub positive: Test,
    /// The condition the accuracy was measured for.
    pub condition: Condition,
    /// Likelihood ratio when the rule is positive.
    pub positive_lr: f64,
    /// Likelihood ratio when the rule is negative.
    pub negative_lr: f64,
    /// How the ratios were arrived at.
    pub grade: Grade,
    /// Where they come from.
    pub source: Source,
    /// What the source reports.
    pub note: &'static str,
}

use Item as I;

/// Every group, in [`EvidenceGroup::ALL`] order.
pub static GROUPS: [GroupInfo; EvidenceGroup::COUNT] = [
    GroupInfo {
        id: EvidenceGroup::AcuteInjury,
        items: &[
            I::Onset,
            I::Trauma,
            I::HighEnergyInjury,
            I::RolledAnkle,
            I::PopAtOnset,
        ],
        note: "An injury, a fall from a height, a rolled ankle and a pop each imply a sudden onset: they describe one event.",
    },
    GroupInfo {
        id: EvidenceGroup::WeightBearing,
        items: &[
            I::UnableToBearWeight,
            I::UnableToBearWeightAtInjury,
            I::DifficultyWalking,
            I::MalleolarBoneTenderness,
            I::MidfootBoneTenderness,
        ],
        note: "Being unable to bear weight then and now, limping and bone tenderness measure one injury; together they are the Ottawa rules.",
    },
    GroupInfo {
        id: EvidenceGroup::StartUpPattern,
        items: &[
            I::FirstStepPain,
            I::EasesAfterFewMinutes,
            I::MorningStiffnessLong,
            I::WarmsUpWithActivity,
        ],
        note: "First-step pain, easing after a few minutes, morning stiffness and warming up are one start-up pattern.",
    },
    GroupInfo {
        id: EvidenceGroup::LoadPattern,
        items: &[
            I::WorseWithActivity,
            I::WorseEndOfDay,
            I::WorseProlongedStanding,
            I::WorseBarefootHardFloor,
            I::WorseStairsUphill,
            I::WorseUnevenGround,
        ],
        note: "Pain that builds with activity, standing, hard floors, stairs and the day's load is one load-related pattern.",
    },
    GroupInfo {
        id: EvidenceGroup::RestAndNight,
        items: &[I::PainAtRest, I::NightPain],
        note: "Pain at rest and pain at night are usually the same non-mechanical pain.",
    },
    GroupInfo {
        id: EvidenceGroup::NerveSymptoms,
        items: &[
            I::Burning,
            I::Tingling,
            I::Numbness,
            I::RadiatingPain,
            I::ProgressiveNumbnessWeakness,
        ],
        note: "Burning, tingling, numbness and radiating pain cluster in nerve problems; counting each in full gave tarsal tunnel syndrome a 960-fold boost.",
    },
    GroupInfo {
        id: EvidenceGroup::LocalSigns,
        items: &[
            I::Swelling,
            I::Redness,
            I::Warmth,
            I::Bruising,
            I::VisibleDeformity,
        ],
        note: "Swelling, redness, warmth, bruising and a changed shape are the visible signs of one inflamed or injured area: after an injury, swelling and bruising come together.",
    },
    GroupInfo {
        id: EvidenceGroup::Systemic,
        items: &[I::Fever, I::FeelingUnwell],
        note: "A fever and feeling unwell are one systemic response.",
    },
    GroupInfo {
        id: EvidenceGroup::SpondyloarthritisFeatures,
        items: &[
            I::InflammatoryBackPain,
            I::PsoriasisIbdUveitis,
            I::FamilyHistoryInflammatory,
            I::OtherJointsPainful,
        ],
        note: "Inflammatory back pain, psoriasis, bowel disease, uveitis and the family history share one HLA-B27-linked disease.",
    },
    GroupInfo {
        id: EvidenceGroup::AchillesTendonTests,
        items: &[
            I::AchillesMidportionTenderness,
            I::RoyalLondonTest,
            I::ArcSign,
        ],
        note: "Palpation, the Royal London Hospital test and the arc sign examine the same tendon; their combined accuracy is published.",
    },
    GroupInfo {
        id: EvidenceGroup::RuptureTests,
        items: &[I::ThompsonTest, I::PalpableGap, I::MatlesTest],
        note: "The calf-squeeze test, a palpable gap and the Matles test examine the same torn tendon; at least two were positive in every rupture (Maffulli 1998).",
    },
    GroupInfo {
        id: EvidenceGroup::CalfLoading,
        items: &[I::HeelRaisePainful, I::HeelRaiseUnable, I::PainOnHopping],
        note: "Heel raises and hopping load the same calf, tendon and heel.",
    },
    GroupInfo {
        id: EvidenceGroup::TrainingLoad,
        items: &[
            I::TrainingIncrease,
            I::NewHardSurface,
            I::MinimalistRunning,
            I::NewToRunning,
        ],
        note: "A training increase, a harder surface, new shoes and being new to running are one change in load.",
    },
    GroupInfo {
        id: EvidenceGroup::BoneHealth,
        items: &[
            I::LowVitaminDCalcium,
            I::LowEnergyAvailability,
            I::PreviousStressFracture,
            I::Osteoporosis,
        ],
        note: "Low vitamin D, low energy availability, earlier stress fractures and osteoporosis mark the same weak bone.",
    },
    GroupInfo {
        id: EvidenceGroup::Sciatica,
        items: &[
            I::BackPainRadiating,
            I::WorseCoughSneeze,
            I::StraightLegRaise,
        ],
        note: "Back pain down the leg, pain on coughing and a positive straight-leg raise describe one irritated nerve root.",
    },
];

/// Published combined accuracies.
pub static CLUSTERS: &[Cluster] = &[
    Cluster {
        group: EvidenceGroup::AchillesTendonTests,
        members: &[
            I::AchillesMidportionTenderness,
            I::RoyalLondonTest,
            I::ArcSign,
        ],
        applies_when: None,
        positive: Test::All(&[
            Test::Present(I::AchillesMidportionTenderness),
            Test::Present(I::RoyalLondonTest),
            Test::Present(I::ArcSign),
        ]),
        condition: Condition::AchillesMidportion,
        positive_lr: 3.5,
        negative_lr: 0.5,
        grade: Grade::DerivedFromSensSpec,
        source: Source::Hutchison2013,
        note: "Palpation, arc sign and Royal London Hospital test all positive: sensitivity 58.6%, specificity 83.3% (LR+ 3.5, LR- 0.50).",
    },
    Cluster {
        group: EvidenceGroup::WeightBearing,
        members: &[
            I::MalleolarBoneTenderness,
            I::MidfootBoneTenderness,
            I::UnableToBearWeightAtInjury,
            I::UnableToBearWeight,
        ],
        applies_when: Some(Test::Present(I::Trauma)),
        positive: Test::Any(&[
            Test::Present(I::MalleolarBoneTenderness),
            Test::Present(I::MidfootBoneTenderness),
            Test::All(&[
                Test::Present(I::UnableToBearWeightAtInjury),
                Test::Present(I::UnableToBearWeight),
            ]),
        ]),
        condition: Condition::AcuteCalcanealFracture,
        positive_lr: 1.5,
        negative_lr: 0.08,
        grade: Grade::PublishedLr,
        source: Source::Bachmann2003,
        note: "Ottawa ankle and foot rules after an injury: pooled LR- 0.08 for ankle and midfoot fractures (Bachmann 2003); sensitivity 99.4%, specificity 35.3% (LR+ 1.5, Beckenkamp 2017). The rules do not palpate the calcaneus, so using them for a heel fracture extrapolates their spectrum.",
    },
];
