//! The conditions heel ranks, and what it knows about each.

use serde::Serialize;

use crate::ids::id_enum;
use crate::knowledge::{self, Advice, Source};
use crate::vocab::{Professional, TriageLevel};

id_enum! {
    /// A condition that can cause heel pain.
    ///
    /// The id (see [`Condition::as_str`]) is stable and used in every JSON document.
    /// Static facts about a condition (name, codes, features, advice) are in
    /// [`Condition::info`].
    ///
    /// ```
    /// use heel_core::Condition;
    /// let pf = Condition::PlantarFasciitis;
    /// assert_eq!(pf.as_str(), "plantar_fasciitis");
    /// assert_eq!(pf.info().icd10cm.code, "M72.2");
    /// assert_eq!("severs_disease".parse::<Condition>().unwrap(), Condition::SeversDisease);
    /// ```
    pub enum Condition ("condition") {
        /// Plantar fasciitis (plantar fasciopathy, plantar heel pain).
        PlantarFasciitis = "plantar_fasciitis",
        /// A painful plantar calcaneal (heel) spur.
        HeelSpur = "heel_spur",
        /// Insertional Achilles tendinopathy, where the tendon meets the heel bone.
        AchillesInsertional = "achilles_insertional",
        /// Mid-portion (non-insertional) Achilles tendinopathy, 2-6 cm above the heel.
        AchillesMidportion = "achilles_midportion",
        /// Achilles tendon rupture.
        AchillesRupture = "achilles_rupture",
        /// Posterior tibial tendinopathy (tendon dysfunction, collapsing foot).
        PosteriorTibialTendinopathy = "posterior_tibial_tendinopathy",
        /// Peroneal (fibularis) tendinopathy.
        PeronealTendinopathy = "peroneal_tendinopathy",
        /// Stress fracture of the heel bone (calcaneus).
        CalcanealStressFracture = "calcaneal_stress_fracture",
        /// Stress fracture of the navicular (a high-risk site).
        NavicularStressFracture = "navicular_stress_fracture",
        /// Stress fracture of the medial malleolus (a high-risk site).
        MedialMalleolusStressFracture = "medial_malleolus_stress_fracture",
        /// Tarsal tunnel syndrome (tibial nerve entrapment).
        TarsalTunnelSyndrome = "tarsal_tunnel_syndrome",
        /// Entrapment of Baxter's nerve (first branch of the lateral plantar nerve).
        BaxtersNerveEntrapment = "baxters_nerve_entrapment",
        /// Osteoarthritis of the ankle or hindfoot joints.
        Osteoarthritis = "osteoarthritis",
        /// Rheumatoid arthritis affecting the hindfoot.
        RheumatoidArthritis = "rheumatoid_arthritis",
        /// Enthesitis of the Achilles or plantar fascia in spondyloarthritis.
        SpondyloarthritisEnthesitis = "spondyloarthritis_enthesitis",
        /// Sever's disease (calcaneal apophysitis) in a growing child.
        SeversDisease = "severs_disease",
        /// Heel fat pad syndrome or atrophy.
        FatPadSyndrome = "fat_pad_syndrome",
        /// Retrocalcaneal bursitis, often with a Haglund deformity.
        RetrocalcanealBursitis = "retrocalcaneal_bursitis",
        /// Rupture of the plantar fascia.
        PlantarFasciaRupture = "plantar_fascia_rupture",
        /// Infection of the heel bone (calcaneal osteomyelitis).
        CalcanealOsteomyelitis = "calcaneal_osteomyelitis",
        /// Acute (traumatic) fracture of the heel bone.
        AcuteCalcanealFracture = "acute_calcaneal_fracture",
        /// Lateral ankle sprain (an inversion injury of the outer ankle ligaments).
        AnkleSprain = "ankle_sprain",
        /// A bruise of the heel bone or heel pad after a fall or hard landing.
        HeelBoneBruise = "heel_bone_bruise",
        /// S1 nerve root irritation (sciatica) felt in the heel or calf.
        S1Radiculopathy = "s1_radiculopathy",
        /// Flexor hallucis longus tendinopathy, deep behind the inner ankle.
        FhlTendinopathy = "fhl_tendinopathy",
        /// Gout affecting the ankle, hindfoot or Achilles.
        Gout = "gout",
        /// Something else: a cause heel does not cover, the remainder of the
        /// distribution.
        Other = "other",
    }
}

impl Condition {
    /// The conditions heel names: every cause except [`Condition::Other`].
    pub const NAMED: &'static [Condition] = Condition::ALL.split_at(Condition::COUNT - 1).0;

    /// The probability from which this condition counts as "likely" and
    /// starts to raise the triage: the lowest threshold among the levels that
    /// need a clinician up to its care level (see
    /// [`TriageLevel::likely_threshold`]); self-care conditions use the
    /// self-care threshold.
    #[must_use]
    pub fn likely_at(self) -> f64 {
        let level = self.info().care_level;
        TriageLevel::ALL
            .iter()
            .filter(|&&l| l > TriageLevel::SelfCare && l <= level)
            .map(|l| l.likely_threshold())
            .fold(level.likely_threshold(), f64::min)
    }

    /// Static facts about this condition from the knowledge base.
    #[must_use]
    pub fn info(self) -> &'static ConditionInfo {
        &knowledge::conditions::CONDITIONS[self.index()]
    }

    /// The display name, for example "Plantar fasciitis".
    #[must_use]
    pub fn name(self) -> &'static str {
        self.info().name
    }
}

id_enum! {
    /// The part of the foot and ankle a condition mainly affects.
    pub enum Region ("region") {
        /// The underside of the heel.
        PlantarHeel = "plantar_heel",
        /// The back of the heel and the Achilles tendon.
        PosteriorHeel = "posterior_heel",
        /// The inner side of the ankle and heel.
        MedialAnkle = "medial_ankle",
        /// The outer side of the ankle and heel.
        LateralAnkle = "lateral_ankle",
        /// The midfoot and arch.
        Midfoot = "midfoot",
        /// The whole heel bone.
        WholeHeel = "whole_heel",
    }
}

/// The ICD-10-CM codes for a condition.
///
/// `code` is the code to use when the side is not known; `right`, `left` and
/// `bilateral` are the laterality-specific codes where ICD-10-CM has them.
/// Codes for fractures carry the seventh character `A` (initial encounter).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Icd10Cm {
    /// The code when the side is unknown or the code has no laterality.
    pub code: &'static str,
    /// The right-side code, where one exists.
    pub right: Option<&'static str>,
    /// The left-side code, where one exists.
    pub left: Option<&'static str>,
    /// The bilateral code, where one exists.
    pub bilateral: Option<&'static str>,
    /// How the code was chosen, and how sure we are of it.
    pub note: &'static str,
}

impl Icd10Cm {
    /// The most specific code for the given side (`"left"`, `"right"` or `"both"`),
    /// falling back to [`Icd10Cm::code`].
    #[must_use]
    pub fn for_side(&self, side: Option<&str>) -> &'static str {
        let specific = match side {
            Some("left") => self.left,
            Some("right") => self.right,
            Some("both") => self.bilateral,
            _ => None,
        };
        specific.unwrap_or(self.code)
    }
}

/// Static facts about one condition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ConditionInfo {
    /// The condition these facts are about.
    pub id: Condition,
    /// Display name.
    pub name: &'static str,
    /// A plain-language summary for a layperson.
    pub summary: &'static str,
    /// The main body region.
    pub region: Region,
    /// ICD-10-CM codes (CMS tabular, April 2026, unless the note says otherwise).
    pub icd10cm: Icd10Cm,
    /// SNOMED CT concept id, only where it was verified.
    pub snomed_ct: Option<&'static str>,
    /// The features that typically point to this condition.
    pub typical_features: &'static [&'static str],
    /// First-line self-care for this condition (see [`Advice::info`] for the text).
    pub self_care: &'static [Advice],
    /// When to seek care, in plain words.
    pub seek_care: &'static str,
    /// The lowest triage level appropriate when this condition is likely.
    pub care_level: TriageLevel,
    /// Who is best placed to assess it first, most suitable first.
    pub who_to_see: &'static [Professional],
    /// Where the "who to see" advice comes from.
    pub who_source: Source,
    /// The publications these facts come from.
    pub sources: &'static [Source],
}
