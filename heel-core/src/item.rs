//! Evidence items: what a person or a clinician can tell heel.

use serde::Serialize;

use crate::ids::id_enum;
use crate::knowledge;

id_enum! {
    /// One piece of evidence heel can use: a question for the person, a fact
    /// from their profile or history, or a clinician's bedside test.
    ///
    /// The id is stable and is the key in the `answers` object of an
    /// assessment. Question text, answer type and group are in [`Item::info`].
    ///
    /// ```
    /// use heel_core::{Item, AnswerKind};
    /// let item = Item::FirstStepPain;
    /// assert_eq!(item.as_str(), "first_step_pain");
    /// assert!(matches!(item.info().kind, AnswerKind::YesNo));
    /// assert!(!item.info().clinician_only);
    /// ```
    pub enum Item ("evidence item") {
        // Where it hurts
        /// Where the pain is (one or more places).
        PainLocation = "pain_location",
        /// Which foot hurts.
        Side = "side",
        // Story
        /// Whether the pain started suddenly or gradually.
        Onset = "onset",
        /// How many days the pain has lasted.
        DurationDays = "duration_days",
        /// Whether the pain is getting better.
        Improving = "improving",
        /// Worst pain on a 0-10 scale.
        Severity = "severity",
        /// An injury such as a fall or a hard landing at the start.
        Trauma = "trauma",
        /// A fall or jump from a height, or a road accident.
        HighEnergyInjury = "high_energy_injury",
        /// The ankle rolled or twisted, the foot turning inward.
        RolledAnkle = "rolled_ankle",
        /// A pop or snap at onset.
        PopAtOnset = "pop_at_onset",
        /// A wound or puncture on the foot.
        PunctureWound = "puncture_wound",
        /// A kind of pain never felt before.
        UnfamiliarPain = "unfamiliar_pain",
        // Timing
        /// Pain with the first steps in the morning or after rest.
        FirstStepPain = "first_step_pain",
        /// That first-step pain eases after a few minutes of walking.
        EasesAfterFewMinutes = "eases_after_few_minutes",
        /// Morning stiffness lasting more than 30 minutes.
        MorningStiffnessLong = "morning_stiffness_long",
        /// Pain that eases once warmed up and returns after activity.
        WarmsUpWithActivity = "warms_up_with_activity",
        /// Pain worse during or after activity.
        WorseWithActivity = "worse_with_activity",
        /// Pain worse at the end of the day.
        WorseEndOfDay = "worse_end_of_day",
        /// Pain at rest, off the feet.
        PainAtRest = "pain_at_rest",
        /// Pain that wakes the person at night.
        NightPain = "night_pain",
        /// Pain worse with prolonged standing.
        WorseProlongedStanding = "worse_prolonged_standing",
        /// Pain worse barefoot on hard floors.
        WorseBarefootHardFloor = "worse_barefoot_hard_floor",
        /// Pain worse on stairs or uphill.
        WorseStairsUphill = "worse_stairs_uphill",
        /// Pain worse on uneven ground.
        WorseUnevenGround = "worse_uneven_ground",
        /// Leg pain worse when coughing or sneezing.
        WorseCoughSneeze = "worse_cough_sneeze",
        // Character and signs
        /// Sharp or stabbing pain.
        SharpStabbing = "sharp_stabbing",
        /// Burning pain.
        Burning = "burning",
        /// Tingling or pins and needles.
        Tingling = "tingling",
        /// Numbness.
        Numbness = "numbness",
        /// Numbness or weakness that is spreading or getting worse.
        ProgressiveNumbnessWeakness = "progressive_numbness_weakness",
        /// Pain radiating into the arch or toes.
        RadiatingPain = "radiating_pain",
        /// Back pain, or pain spreading from the back or buttock down the leg.
        BackPainRadiating = "back_pain_radiating",
        /// New numbness around the genitals or back passage, or new bladder or bowel trouble.
        SaddleNumbnessBladder = "saddle_numbness_bladder",
        /// Swelling.
        Swelling = "swelling",
        /// Red skin over the painful area.
        Redness = "redness",
        /// The painful area feels hot to the touch.
        Warmth = "warmth",
        /// A fever (38 °C or more), chills or shivers.
        Fever = "fever",
        /// Feeling generally unwell.
        FeelingUnwell = "feeling_unwell",
        /// Bruising.
        Bruising = "bruising",
        /// The foot or ankle changed shape after an injury.
        VisibleDeformity = "visible_deformity",
        /// A cold, pale, white or blue foot.
        ColdPaleFoot = "cold_pale_foot",
        /// A bony bump at the back of the heel.
        PosteriorHeelBump = "posterior_heel_bump",
        /// A thickened Achilles tendon.
        TendonThickening = "tendon_thickening",
        /// Unable to bear weight or take four steps.
        UnableToBearWeight = "unable_to_bear_weight",
        /// Unable to take four steps right after the injury.
        UnableToBearWeightAtInjury = "unable_to_bear_weight_at_injury",
        /// Bone tenderness at the back edge or tip of either malleolus (Ottawa ankle rule).
        MalleolarBoneTenderness = "malleolar_bone_tenderness",
        /// Bone tenderness at the navicular or the base of the fifth metatarsal (Ottawa foot rule).
        MidfootBoneTenderness = "midfoot_bone_tenderness",
        /// Difficulty walking or a limp.
        DifficultyWalking = "difficulty_walking",
        /// Pain on hopping, or unable to hop.
        PainOnHopping = "pain_on_hopping",
        /// A single-leg heel raise hurts.
        HeelRaisePainful = "heel_raise_painful",
        /// Unable to do a single-leg heel raise at all.
        HeelRaiseUnable = "heel_raise_unable",
        /// The arch flattening or collapsing.
        ArchCollapsing = "arch_collapsing",
        /// The ankle gives way or feels unstable.
        GivingWay = "giving_way",
        /// A stiff ankle or hindfoot joint that moves less than it used to.
        JointStiffness = "joint_stiffness",
        /// Pain behind the inner ankle on pushing off from the big toe.
        BigToePushPain = "big_toe_push_pain",
        /// The big toe clicks, catches or locks.
        BigToeClicking = "big_toe_clicking",
        /// Weakness moving the little toe away from the others.
        WeakLittleToe = "weak_little_toe",
        /// Other joints painful or swollen.
        OtherJointsPainful = "other_joints_painful",
        /// Inflammatory back pain.
        InflammatoryBackPain = "inflammatory_back_pain",
        /// Psoriasis, inflammatory bowel disease or uveitis.
        PsoriasisIbdUveitis = "psoriasis_ibd_uveitis",
        /// Weight loss without trying.
        UnexplainedWeightLoss = "unexplained_weight_loss",
        /// A lump or mass in the heel.
        PalpableMass = "palpable_mass",
        // Clinician tests
        /// Tenderness at the medial calcaneal tubercle.
        MedialTubercleTenderness = "medial_tubercle_tenderness",
        /// Tenderness at the Achilles insertion.
        AchillesInsertionTenderness = "achilles_insertion_tenderness",
        /// Tenderness of the Achilles mid-portion.
        AchillesMidportionTenderness = "achilles_midportion_tenderness",
        /// Pain on the calcaneal squeeze test.
        CalcanealSqueeze = "calcaneal_squeeze",
        /// Positive windlass test.
        WindlassTest = "windlass_test",
        /// Positive Tinel sign at the tarsal tunnel.
        TinelTarsalTunnel = "tinel_tarsal_tunnel",
        /// Positive dorsiflexion-eversion test.
        DorsiflexionEversionTest = "dorsiflexion_eversion_test",
        /// Tenderness at the navicular "N spot".
        NSpotTenderness = "n_spot_tenderness",
        /// Tenderness over the medial malleolus.
        MedialMalleolusTenderness = "medial_malleolus_tenderness",
        /// Positive Thompson (Simmonds) calf-squeeze test.
        ThompsonTest = "thompson_test",
        /// A palpable gap in the Achilles tendon.
        PalpableGap = "palpable_gap",
        /// Positive Matles test.
        MatlesTest = "matles_test",
        /// Positive Royal London Hospital test.
        RoyalLondonTest = "royal_london_test",
        /// Positive arc sign.
        ArcSign = "arc_sign",
        /// Pain on firm pressure in the centre of the heel pad.
        CentralHeelPressurePain = "central_heel_pressure_pain",
        /// Too-many-toes sign.
        TooManyToes = "too_many_toes",
        /// Tenderness behind the lateral malleolus.
        LateralRetromalleolarTenderness = "lateral_retromalleolar_tenderness",
        /// Pain on a two-finger squeeze in front of the Achilles insertion.
        RetrocalcanealSqueeze = "retrocalcaneal_squeeze",
        /// Tenderness over Baxter's nerve at the medial heel.
        BaxterPointTenderness = "baxter_point_tenderness",
        /// Positive anterior drawer test of the ankle.
        AnteriorDrawer = "anterior_drawer",
        /// Positive straight-leg raise.
        StraightLegRaise = "straight_leg_raise",
        /// Resisted flexion of the big toe reproduces posteromedial ankle pain.
        ResistedHalluxFlexionPain = "resisted_hallux_flexion_pain",
        // Profile
        /// Age in years.
        Age = "age",
        /// Sex.
        Sex = "sex",
        /// Body mass index.
        Bmi = "bmi",
        /// Height in centimetres.
        HeightCm = "height_cm",
        /// Weight in kilograms.
        WeightKg = "weight_kg",
        // Activity
        /// Runs regularly.
        Runner = "runner",
        /// Started running within the last year.
        NewToRunning = "new_to_running",
        /// Running distance per week in km.
        WeeklyDistanceKm = "weekly_distance_km",
        /// A recent sharp increase in training.
        TrainingIncrease = "training_increase",
        /// Recently started training on a harder surface.
        NewHardSurface = "new_hard_surface",
        /// Worn or inadequate shoes.
        WornShoes = "worn_shoes",
        /// Recently switched to minimalist shoes or barefoot running.
        MinimalistRunning = "minimalist_running",
        /// A sport with a lot of jumping.
        JumpingSport = "jumping_sport",
        /// A job spent mostly standing.
        StandingJob = "standing_job",
        /// Start of a sports season or new studded boots.
        SeasonStartNewCleats = "season_start_new_cleats",
        // Medical history and risk factors
        /// Flat feet.
        FlatFeet = "flat_feet",
        /// High arches.
        HighArches = "high_arches",
        /// Tight calves or limited ankle dorsiflexion.
        TightCalves = "tight_calves",
        /// A previous ankle injury.
        PreviousAnkleInjury = "previous_ankle_injury",
        /// A previous fracture of that heel or ankle.
        PreviousFracture = "previous_fracture",
        /// Low vitamin D or calcium.
        LowVitaminDCalcium = "low_vitamin_d_calcium",
        /// Menstrual irregularity or low energy availability.
        LowEnergyAvailability = "low_energy_availability",
        /// A previous stress fracture.
        PreviousStressFracture = "previous_stress_fracture",
        /// Osteoporosis.
        Osteoporosis = "osteoporosis",
        /// A steroid injection into the heel.
        HeelSteroidInjection = "heel_steroid_injection",
        /// A fluoroquinolone antibiotic in the last two months.
        RecentFluoroquinolone = "recent_fluoroquinolone",
        /// Oral corticosteroids.
        OralCorticosteroids = "oral_corticosteroids",
        /// Medicines or a condition that weaken the immune system.
        Immunosuppressed = "immunosuppressed",
        /// A history of cancer.
        CancerHistory = "cancer_history",
        /// Diabetes.
        Diabetes = "diabetes",
        /// Known rheumatoid arthritis.
        KnownRheumatoidArthritis = "known_rheumatoid_arthritis",
        /// Family history of inflammatory disease.
        FamilyHistoryInflammatory = "family_history_inflammatory",
        /// Earlier attacks of a joint becoming very painful, red and swollen within a day.
        PreviousJointAttacks = "previous_joint_attacks",
        /// A recent growth spurt.
        GrowthSpurt = "growth_spurt",
        /// High blood pressure.
        Hypertension = "hypertension",
        /// Poor circulation in the legs.
        PoorCirculation = "poor_circulation",
    }
}

impl Item {
    /// Static facts about this item from the knowledge base.
    #[must_use]
    pub fn info(self) -> &'static ItemInfo {
        &knowledge::items::ITEMS[self.index()]
    }
}

id_enum! {
    /// How items are grouped in a questionnaire.
    pub enum Group ("group") {
        /// Where it hurts.
        Location = "location",
        /// How and when it started.
        Story = "story",
        /// When it hurts.
        Timing = "timing",
        /// What it feels like, and what can be seen.
        Symptoms = "symptoms",
        /// A clinician's bedside tests.
        Examination = "examination",
        /// Age, sex and body size.
        Profile = "profile",
        /// Running and other activity.
        Activity = "activity",
        /// Medical history and risk factors.
        Medical = "medical",
    }
}

id_enum! {
    /// An option of a single-choice item (sex, onset, side).
    pub enum Choice ("option") {
        /// Female.
        Female = "female",
        /// Male.
        Male = "male",
        /// Started suddenly.
        Sudden = "sudden",
        /// Built up gradually.
        Gradual = "gradual",
        /// Left foot.
        Left = "left",
        /// Right foot.
        Right = "right",
        /// Both feet.
        Both = "both",
    }
}

id_enum! {
    /// A place where the pain can be, for the `pain_location` item.
    pub enum Location ("pain location") {
        /// Underside of the heel, towards the inner side.
        PlantarMedialHeel = "plantar_medial_heel",
        /// Centre of the heel pad.
        HeelPadCentre = "heel_pad_centre",
        /// Back of the heel, where the Achilles tendon attaches.
        AchillesInsertion = "achilles_insertion",
        /// The Achilles tendon 2-6 cm above the heel.
        AchillesMidportion = "achilles_midportion",
        /// Behind or below the inner ankle bone.
        MedialAnkle = "medial_ankle",
        /// Deep at the back of the ankle on the inner side, in front of the Achilles.
        PosteromedialAnkle = "posteromedial_ankle",
        /// On the inner ankle bone itself.
        MedialMalleolus = "medial_malleolus",
        /// Top of the foot, inner side of the midfoot.
        DorsalMedialMidfoot = "dorsal_medial_midfoot",
        /// Front of the ankle, along the joint line.
        AnteriorAnkle = "anterior_ankle",
        /// Outer side, below the outer ankle bone.
        LateralAnkle = "lateral_ankle",
        /// Outer side of the midfoot, just in front of the outer ankle bone (sinus tarsi).
        SinusTarsi = "sinus_tarsi",
        /// Outer edge of the sole of the heel.
        LateralHeel = "lateral_heel",
        /// The arch.
        Arch = "arch",
        /// The whole heel.
        WholeHeel = "whole_heel",
        /// The sole and toes.
        SoleAndToes = "sole_and_toes",
        /// The calf.
        Calf = "calf",
    }
}

impl Group {
    /// The group's title, for display, for example "When it hurts".
    ///
    /// ```
    /// assert_eq!(heel_core::Group::Timing.label(), "When it hurts");
    /// ```
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::items::GROUP_LABELS[self.index()]
    }
}

impl Choice {
    /// A plain-language label, for display.
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::items::CHOICE_LABELS[self.index()]
    }
}

impl Location {
    /// A plain-language label, for display.
    #[must_use]
    pub fn label(self) -> &'static str {
        knowledge::items::LOCATION_LABELS[self.index()]
    }
}

/// A set of [`Location`]s (the answer to `pain_location`), stored as a bit set.
///
/// ```
/// use heel_core::{Location, Locations};
/// let set: Locations = [Location::Arch, Location::PlantarMedialHeel].into_iter().collect();
/// assert!(set.contains(Location::Arch));
/// assert_eq!(set.len(), 2);
/// // Iteration follows the declaration order of `Location`.
/// assert_eq!(set.iter().next(), Some(Location::PlantarMedialHeel));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Locations(u32);

impl Locations {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Locations(0)
    }

    /// Adds a location; returns `false` if it was already present.
    pub fn insert(&mut self, loc: Location) -> bool {
        let bit = 1u32 << loc.index();
        let fresh = self.0 & bit == 0;
        self.0 |= bit;
        fresh
    }

    /// Whether the set holds `loc`.
    #[must_use]
    pub const fn contains(self, loc: Location) -> bool {
        self.0 & (1u32 << loc.index()) != 0
    }

    /// How many locations the set holds.
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The locations in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Location> {
        Location::ALL
            .iter()
            .copied()
            .filter(move |&l| self.contains(l))
    }
}

impl FromIterator<Location> for Locations {
    fn from_iter<I: IntoIterator<Item = Location>>(iter: I) -> Self {
        let mut set = Locations::new();
        for loc in iter {
            set.insert(loc);
        }
        set
    }
}

/// One band of a numeric item: values from `from` (inclusive) up to the next
/// band's `from` (exclusive) fall in it. Likelihood ratios attach to bands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Band {
    /// Stable id of the band, used as the answer key in the knowledge base.
    pub id: &'static str,
    /// Lower bound, inclusive.
    pub from: f64,
    /// Plain-language label.
    pub label: &'static str,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnswerKind {
    /// `"present"`, `"absent"` or `"unknown"` (JSON `true`, `false` and `null`
    /// are accepted as the same).
    YesNo,
    /// One of the listed options.
    Choice {
        /// The allowed options.
        options: &'static [Choice],
    },
    /// Any number of [`Location`]s (a JSON array of ids).
    Locations,
    /// A finite number within `min..=max`.
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Unit, for display.
        unit: &'static str,
        /// The bands the value is sorted into for scoring; empty if the value
        /// is only used by triage rules or to derive another item.
        bands: &'static [Band],
    },
}

/// Static facts about one evidence item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ItemInfo {
    /// The item these facts are about.
    pub id: Item,
    /// The question as a layperson would be asked it (for clinician-only
    /// items, the finding as a clinician would record it).
    pub question: &'static str,
    /// The questionnaire group.
    pub group: Group,
    /// The type of answer.
    pub kind: AnswerKind,
    /// Whether only a clinician can answer it (a bedside test).
    pub clinician_only: bool,
}

impl ItemInfo {
    /// The band a numeric answer falls in, or `None` for other kinds or
    /// items without bands.
    #[must_use]
    pub fn band_of(&self, value: f64) -> Option<(usize, &'static Band)> {
        match self.kind {
            AnswerKind::Number { bands, .. } => bands
                .iter()
                .enumerate()
                .rev()
                .find(|(_, b)| value >= b.from),
            _ => None,
        }
    }
}
