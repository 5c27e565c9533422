//! The evidence items: question wording, answer type and group.
//!
//! One row per [`Item`], in the order the enum declares them. Questions are
//! written for a layperson; clinician-only rows describe the finding as a
//! clinician would record it ("positive" means the test reproduces pain or is
//! abnormal).

use crate::item::{AnswerKind, Band, Choice, Group, Item, ItemInfo};

const fn yes_no(id: Item, group: Group, question: &'static str) -> ItemInfo {
    ItemInfo {
        id,
        question,
        group,
        kind: AnswerKind::YesNo,
        clinician_only: false,
    }
}

const fn exam(id: Item, question: &'static str) -> ItemInfo {
    ItemInfo {
        id,
        question,
        group: Group::Examination,
        kind: AnswerKind::YesNo,
        clinician_only: true,
    }
}

const fn choice(
    id: Item,
    group: Group,
    question: &'static str,
    options: &'static [Choice],
) -> ItemInfo {
    ItemInfo {
        id,
        question,
        group,
        kind: AnswerKind::Choice { options },
        clinician_only: false,
    }
}

#[allow(clippy::too_many_arguments)] // a table row; every field is named at the call site's column
const fn number(
    id: Item,
    group: Group,
    question: &'static str,
    min: f64,
    max: f64,
    unit: &'static str,
    bands: &'static [Band],
) -> ItemInfo {
    ItemInfo {
        id,
        question,
        group,
        kind: AnswerKind::Number {
            min,
            max,
            unit,
            bands,
        },
        clinician_only: false,
    }
}

const fn band(id: &'static str, from: f64, label: &'static str) -> Band {
    Band { id, from, label }
}

/// Age bands. Sever's disease occurs in growing children (usually 8-15);
/// large plantar spurs are not seen before 40; plantar fasciitis peaks at 40-60.
pub(crate) const AGE_BANDS: &[Band] = &[
    band("child_under_8", 0.0, "under 8 years"),
    band("age_8_to_15", 8.0, "8 to 15 years"),
    band("age_16_to_39", 16.0, "16 to 39 years"),
    band("age_40_to_59", 40.0, "40 to 59 years"),
    band("age_60_plus", 60.0, "60 years or more"),
];

/// Duration bands, following the acute / subacute / chronic staging used for
/// plantar heel pain (ACFAS: acute up to 6 weeks, chronic beyond 3 months).
pub(crate) const DURATION_BANDS: &[Band] = &[
    band("under_2_weeks", 0.0, "less than 2 weeks"),
    band("weeks_2_to_6", 14.0, "2 to 6 weeks"),
    band("weeks_6_to_12", 42.0, "6 to 12 weeks"),
    band("over_12_weeks", 84.0, "more than 12 weeks"),
];

/// Severity bands on the 0-10 scale.
pub(crate) const SEVERITY_BANDS: &[Band] = &[
    band("mild", 0.0, "0 to 3"),
    band("moderate", 4.0, "4 to 6"),
    band("severe", 7.0, "7 to 10"),
];

/// BMI bands (WHO cut-offs; the plantar fasciitis studies use >27 and >30).
pub(crate) const BMI_BANDS: &[Band] = &[
    band("bmi_under_25", 0.0, "under 25"),
    band("bmi_25_to_30", 25.0, "25 to 30"),
    band("bmi_30_plus", 30.0, "30 or more"),
];

/// Weekly running distance bands (more than 64 km a week is a cited stress
/// fracture risk).
pub(crate) const DISTANCE_BANDS: &[Band] = &[
    band("under_20_km", 0.0, "under 20 km"),
    band("km_20_to_40", 20.0, "20 to 40 km"),
    band("km_40_to_64", 40.0, "40 to 64 km"),
    band("over_64_km", 64.0, "more than 64 km"),
];

use Group::{Activity, Location as Where, Medical, Profile, Story, Symptoms, Timing};

/// Every item, in [`Item::ALL`] order.
pub(crate) static ITEMS: [ItemInfo; Item::COUNT] = [
    ItemInfo {
        id: Item::PainLocation,
        question: "Where exactly does it hurt? Choose every place that hurts.",
        group: Where,
        kind: AnswerKind::Locations,
        clinician_only: false,
    },
    choice(
        Item::Side,
        Where,
        "Which foot hurts?",
        &[Choice::Left, Choice::Right, Choice::Both],
    ),
    choice(
        Item::Onset,
        Story,
        "Did the pain start suddenly, at a moment you can name, or build up gradually?",
        &[Choice::Sudden, Choice::Gradual],
    ),
    number(
        Item::DurationDays,
        Story,
        "How many days have you had this pain?",
        0.0,
        36_500.0,
        "days",
        DURATION_BANDS,
    ),
    yes_no(Item::Improving, Story, "Is the pain getting better?"),
    number(
        Item::Severity,
        Story,
        "How bad is the pain at its worst, from 0 (no pain) to 10 (the worst imaginable)?",
        0.0,
        10.0,
        "points",
        SEVERITY_BANDS,
    ),
    yes_no(
        Item::Trauma,
        Story,
        "Did it start with an injury, such as a fall, a jump from a height or a hard landing?",
    ),
    yes_no(
        Item::HighEnergyInjury,
        Story,
        "Was the injury a fall or jump from a height (more than about a metre), or a road accident?",
    ),
    yes_no(
        Item::RolledAnkle,
        Story,
        "Did you roll or twist the ankle, with the foot turning inward?",
    ),
    yes_no(
        Item::PopAtOnset,
        Story,
        "When it started, did you feel or hear a pop or snap, or feel as if someone had kicked the back of your leg?",
    ),
    yes_no(
        Item::PunctureWound,
        Story,
        "Is there a wound, cut or puncture on that foot (for example from stepping on a nail)?",
    ),
    yes_no(
        Item::UnfamiliarPain,
        Story,
        "Is this a kind of pain you have never had before?",
    ),
    yes_no(
        Item::FirstStepPain,
        Timing,
        "Is the pain worst with your first steps in the morning, or when you stand up after sitting for a while?",
    ),
    yes_no(
        Item::EasesAfterFewMinutes,
        Timing,
        "Does that pain ease after a few minutes of walking?",
    ),
    yes_no(
        Item::MorningStiffnessLong,
        Timing,
        "In the morning, does the heel or tendon stay stiff for more than 30 minutes?",
    ),
    yes_no(
        Item::WarmsUpWithActivity,
        Timing,
        "Does the pain ease once you have warmed up during exercise, then come back after you stop?",
    ),
    yes_no(
        Item::WorseWithActivity,
        Timing,
        "Does it hurt more during or after running or other activity?",
    ),
    yes_no(
        Item::WorseEndOfDay,
        Timing,
        "Is the pain worse at the end of the day?",
    ),
    yes_no(
        Item::PainAtRest,
        Timing,
        "Does it hurt even when you are resting with your feet up?",
    ),
    yes_no(Item::NightPain, Timing, "Does the pain wake you at night?"),
    yes_no(
        Item::WorseProlongedStanding,
        Timing,
        "Is it worse when you stand for a long time?",
    ),
    yes_no(
        Item::WorseBarefootHardFloor,
        Timing,
        "Is it worse when you walk barefoot on hard floors?",
    ),
    yes_no(
        Item::WorseStairsUphill,
        Timing,
        "Is it worse climbing stairs or running uphill?",
    ),
    yes_no(
        Item::WorseUnevenGround,
        Timing,
        "Is it worse walking on uneven ground?",
    ),
    yes_no(
        Item::WorseCoughSneeze,
        Timing,
        "Is the leg pain worse when you cough or sneeze?",
    ),
    yes_no(
        Item::SharpStabbing,
        Symptoms,
        "Is the pain sharp or stabbing?",
    ),
    yes_no(Item::Burning, Symptoms, "Does the pain burn?"),
    yes_no(
        Item::Tingling,
        Symptoms,
        "Do you feel tingling or pins and needles in the heel or sole?",
    ),
    yes_no(
        Item::Numbness,
        Symptoms,
        "Is any part of the heel, sole or toes numb?",
    ),
    yes_no(
        Item::ProgressiveNumbnessWeakness,
        Symptoms,
        "Is numbness or weakness in the foot spreading or getting worse?",
    ),
    yes_no(
        Item::RadiatingPain,
        Symptoms,
        "Does the pain shoot or spread into the arch or the toes?",
    ),
    yes_no(
        Item::BackPainRadiating,
        Symptoms,
        "Do you have back pain, or pain spreading from the back or buttock down the back of the leg?",
    ),
    yes_no(
        Item::SaddleNumbnessBladder,
        Symptoms,
        "Is there new numbness around the genitals or back passage, or new trouble controlling your bladder or bowel?",
    ),
    yes_no(Item::Swelling, Symptoms, "Is the painful area swollen?"),
    yes_no(
        Item::Redness,
        Symptoms,
        "Is the skin over the painful area red?",
    ),
    yes_no(
        Item::Warmth,
        Symptoms,
        "Does the painful area feel hot to the touch?",
    ),
    yes_no(
        Item::Fever,
        Symptoms,
        "Do you have a fever (38 °C / 100.4 °F or more), chills or shivers?",
    ),
    yes_no(
        Item::FeelingUnwell,
        Symptoms,
        "Do you feel generally unwell (for example tired, achy or off your food)?",
    ),
    yes_no(
        Item::Bruising,
        Symptoms,
        "Is there bruising around the heel or ankle?",
    ),
    yes_no(
        Item::VisibleDeformity,
        Symptoms,
        "Since the injury, has the foot or ankle changed shape, or does it point at an odd angle?",
    ),
    yes_no(
        Item::ColdPaleFoot,
        Symptoms,
        "Is the foot cold, pale, white or blue compared with the other one?",
    ),
    yes_no(
        Item::PosteriorHeelBump,
        Symptoms,
        "Is there a bony bump at the back of the heel that your shoe rubs on?",
    ),
    yes_no(
        Item::TendonThickening,
        Symptoms,
        "Does the Achilles tendon feel thicker or lumpier than on the other leg?",
    ),
    yes_no(
        Item::UnableToBearWeight,
        Symptoms,
        "Are you unable to put weight on the foot, or unable to take four steps, now?",
    ),
    yes_no(
        Item::UnableToBearWeightAtInjury,
        Symptoms,
        "Right after the injury, were you unable to take four steps?",
    ),
    yes_no(
        Item::MalleolarBoneTenderness,
        Symptoms,
        "Does pressing on the back edge or the tip of either ankle bone (the bony bumps on each side of the ankle) hurt?",
    ),
    yes_no(
        Item::MidfootBoneTenderness,
        Symptoms,
        "Does pressing on the bony bump on the inner side of the midfoot, or on the bone sticking out halfway along the outer edge of the foot, hurt?",
    ),
    yes_no(
        Item::DifficultyWalking,
        Symptoms,
        "Is walking difficult, or are you limping?",
    ),
    yes_no(
        Item::PainOnHopping,
        Symptoms,
        "Does hopping on the painful foot hurt, or can you not hop on it at all?",
    ),
    yes_no(
        Item::HeelRaisePainful,
        Symptoms,
        "Standing on the painful foot alone, does it hurt to rise up onto your toes?",
    ),
    yes_no(
        Item::HeelRaiseUnable,
        Symptoms,
        "Standing on the painful foot alone, are you unable to rise up onto your toes at all?",
    ),
    yes_no(
        Item::ArchCollapsing,
        Symptoms,
        "Has the arch of that foot been flattening or collapsing?",
    ),
    yes_no(
        Item::GivingWay,
        Symptoms,
        "Does the ankle give way or feel unstable?",
    ),
    yes_no(
        Item::JointStiffness,
        Symptoms,
        "Is the ankle (or the joint below it) stiff, moving less than it used to?",
    ),
    yes_no(
        Item::BigToePushPain,
        Symptoms,
        "Does it hurt deep behind the inner ankle when you push off from the big toe or go up on tiptoe?",
    ),
    yes_no(
        Item::BigToeClicking,
        Symptoms,
        "Does the big toe click, catch or lock when you bend it?",
    ),
    yes_no(
        Item::WeakLittleToe,
        Symptoms,
        "Is it hard to move the little toe away from the other toes on that foot?",
    ),
    yes_no(
        Item::OtherJointsPainful,
        Symptoms,
        "Do other joints hurt or swell, for example in the hands, knees or toes?",
    ),
    yes_no(
        Item::InflammatoryBackPain,
        Symptoms,
        "Have you had back pain for more than 3 months that is worst in the morning and gets better when you move?",
    ),
    yes_no(
        Item::PsoriasisIbdUveitis,
        Symptoms,
        "Have you ever had psoriasis, Crohn's disease or ulcerative colitis, or uveitis (a painful red eye)?",
    ),
    yes_no(
        Item::UnexplainedWeightLoss,
        Symptoms,
        "Have you lost weight recently without trying?",
    ),
    yes_no(
        Item::PalpableMass,
        Symptoms,
        "Can you feel a lump or mass in the heel (not the bony bump at the back)?",
    ),
    exam(
        Item::MedialTubercleTenderness,
        "Tenderness on palpation of the medial calcaneal tubercle (the proximal plantar fascia insertion).",
    ),
    exam(
        Item::AchillesInsertionTenderness,
        "Tenderness at the Achilles insertion on the calcaneus (the distal 2 cm).",
    ),
    exam(
        Item::AchillesMidportionTenderness,
        "Tenderness of the Achilles tendon 2-6 cm above its insertion.",
    ),
    exam(
        Item::CalcanealSqueeze,
        "Calcaneal squeeze test: medial-lateral compression of the calcaneal body reproduces pain.",
    ),
    exam(
        Item::WindlassTest,
        "Windlass test (weight-bearing): passive extension of the great toe reproduces heel pain.",
    ),
    exam(
        Item::TinelTarsalTunnel,
        "Tinel sign: tapping the tibial nerve behind the medial malleolus gives tingling into the foot.",
    ),
    exam(
        Item::DorsiflexionEversionTest,
        "Dorsiflexion-eversion test: maximal ankle dorsiflexion and eversion with the toes extended reproduces symptoms.",
    ),
    exam(
        Item::NSpotTenderness,
        "Tenderness at the N spot (dorsal proximal navicular).",
    ),
    exam(
        Item::MedialMalleolusTenderness,
        "Point tenderness over the medial malleolus.",
    ),
    exam(
        Item::ThompsonTest,
        "Thompson (Simmonds) test positive: squeezing the calf does not plantarflex the foot.",
    ),
    exam(Item::PalpableGap, "A palpable gap in the Achilles tendon."),
    exam(
        Item::MatlesTest,
        "Matles test positive: prone with knees flexed to 90 degrees, the affected foot falls into neutral or dorsiflexion.",
    ),
    exam(
        Item::RoyalLondonTest,
        "Royal London Hospital test positive: tenderness of the Achilles mid-portion that lessens with active dorsiflexion.",
    ),
    exam(
        Item::ArcSign,
        "Arc sign positive: a swelling of the Achilles tendon that moves with ankle plantarflexion and dorsiflexion.",
    ),
    exam(
        Item::CentralHeelPressurePain,
        "Firm pressure on the centre of the heel pad reproduces deep, bruise-like pain.",
    ),
    exam(
        Item::TooManyToes,
        "Too-many-toes sign: viewed from behind, more lateral toes are visible on the affected side.",
    ),
    exam(
        Item::LateralRetromalleolarTenderness,
        "Tenderness along the peroneal tendons behind or below the lateral malleolus.",
    ),
    exam(
        Item::RetrocalcanealSqueeze,
        "Two-finger squeeze just in front of the Achilles insertion (the retrocalcaneal bursa) reproduces pain.",
    ),
    exam(
        Item::BaxterPointTenderness,
        "Tenderness over the first branch of the lateral plantar nerve, deep to the abductor hallucis at the medial heel.",
    ),
    exam(
        Item::AnteriorDrawer,
        "Anterior drawer test of the ankle positive (increased anterior translation of the talus).",
    ),
    exam(
        Item::StraightLegRaise,
        "Straight-leg raise positive: raising the straight leg reproduces pain radiating below the knee.",
    ),
    exam(
        Item::ResistedHalluxFlexionPain,
        "Resisted flexion of the great toe reproduces posteromedial ankle pain.",
    ),
    number(
        Item::Age,
        Profile,
        "How old are you (or the person with the heel pain)?",
        0.0,
        120.0,
        "years",
        AGE_BANDS,
    ),
    choice(
        Item::Sex,
        Profile,
        "What was your sex at birth?",
        &[Choice::Female, Choice::Male],
    ),
    number(
        Item::Bmi,
        Profile,
        "What is your body mass index (BMI), if you know it?",
        10.0,
        80.0,
        "kg/m²",
        BMI_BANDS,
    ),
    number(
        Item::HeightCm,
        Profile,
        "How tall are you, in centimetres?",
        40.0,
        250.0,
        "cm",
        &[],
    ),
    number(
        Item::WeightKg,
        Profile,
        "How much do you weigh, in kilograms?",
        2.0,
        350.0,
        "kg",
        &[],
    ),
    yes_no(Item::Runner, Activity, "Do you run regularly?"),
    yes_no(
        Item::NewToRunning,
        Activity,
        "Did you start running within the last year?",
    ),
    number(
        Item::WeeklyDistanceKm,
        Activity,
        "About how many kilometres do you run in a typical week?",
        0.0,
        400.0,
        "km",
        DISTANCE_BANDS,
    ),
    yes_no(
        Item::TrainingIncrease,
        Activity,
        "In the weeks before the pain began, did you sharply increase how far, how often or how hard you train?",
    ),
    yes_no(
        Item::NewHardSurface,
        Activity,
        "Did you recently start training on a harder surface, such as roads, concrete or a track?",
    ),
    yes_no(
        Item::WornShoes,
        Activity,
        "Are your shoes worn out, or lacking cushioning or arch support?",
    ),
    yes_no(
        Item::MinimalistRunning,
        Activity,
        "Did you recently switch to minimalist shoes or barefoot running?",
    ),
    yes_no(
        Item::JumpingSport,
        Activity,
        "Do you play a sport with a lot of jumping, such as basketball, volleyball, gymnastics or dance?",
    ),
    yes_no(
        Item::StandingJob,
        Activity,
        "Does your work keep you on your feet for most of the day?",
    ),
    yes_no(
        Item::SeasonStartNewCleats,
        Activity,
        "Did the pain start at the beginning of a sports season, or with new studded boots or cleats?",
    ),
    yes_no(
        Item::FlatFeet,
        Medical,
        "Do you have flat feet (fallen arches)?",
    ),
    yes_no(Item::HighArches, Medical, "Do you have very high arches?"),
    yes_no(
        Item::TightCalves,
        Medical,
        "Are your calves tight, or can you barely bend your ankle upwards?",
    ),
    yes_no(
        Item::PreviousAnkleInjury,
        Medical,
        "Have you badly sprained or injured that ankle before?",
    ),
    yes_no(
        Item::PreviousFracture,
        Medical,
        "Have you broken that heel or ankle before?",
    ),
    yes_no(
        Item::LowVitaminDCalcium,
        Medical,
        "Have you been told your vitamin D or calcium is low, or do you get little of either?",
    ),
    yes_no(
        Item::LowEnergyAvailability,
        Medical,
        "Have your periods become irregular or stopped, or do you often eat too little for how much you train?",
    ),
    yes_no(
        Item::PreviousStressFracture,
        Medical,
        "Have you had a stress fracture before?",
    ),
    yes_no(
        Item::Osteoporosis,
        Medical,
        "Have you been told you have osteoporosis or thin bones?",
    ),
    yes_no(
        Item::HeelSteroidInjection,
        Medical,
        "Have you had a steroid (cortisone) injection into that heel?",
    ),
    yes_no(
        Item::RecentFluoroquinolone,
        Medical,
        "In the last 2 months, have you taken an antibiotic such as ciprofloxacin, levofloxacin or ofloxacin?",
    ),
    yes_no(
        Item::OralCorticosteroids,
        Medical,
        "Do you take steroid tablets, such as prednisolone?",
    ),
    yes_no(
        Item::Immunosuppressed,
        Medical,
        "Do you take medicines that weaken the immune system (chemotherapy, biologics, transplant medicines), or have a condition that does (HIV, dialysis, no spleen)?",
    ),
    yes_no(Item::CancerHistory, Medical, "Have you ever had cancer?"),
    yes_no(Item::Diabetes, Medical, "Do you have diabetes?"),
    yes_no(
        Item::KnownRheumatoidArthritis,
        Medical,
        "Have you been diagnosed with rheumatoid arthritis?",
    ),
    yes_no(
        Item::FamilyHistoryInflammatory,
        Medical,
        "Does a parent, brother or sister have ankylosing spondylitis, psoriasis or inflammatory bowel disease?",
    ),
    yes_no(
        Item::PreviousJointAttacks,
        Medical,
        "Have you had attacks before where a joint (often the big toe) became very painful, red and swollen within a day?",
    ),
    yes_no(
        Item::GrowthSpurt,
        Medical,
        "(For a child) Has there been a growth spurt in the last few months?",
    ),
    yes_no(
        Item::Hypertension,
        Medical,
        "Do you have high blood pressure?",
    ),
    yes_no(
        Item::PoorCirculation,
        Medical,
        "Have you been told you have poor circulation in the legs, or do your calves cramp when you walk and ease when you stop?",
    ),
];

/// Plain-language labels of the single-choice options, in [`Choice::ALL`] order.
pub(crate) static CHOICE_LABELS: [&str; Choice::COUNT] = [
    "Female",
    "Male",
    "Suddenly",
    "Gradually",
    "Left foot",
    "Right foot",
    "Both feet",
];

/// Titles of the questionnaire groups, in [`crate::item::Group::ALL`] order.
pub(crate) static GROUP_LABELS: [&str; crate::item::Group::COUNT] = [
    "Where it hurts",
    "How and when it started",
    "When it hurts",
    "What it feels like, and what can be seen",
    "A clinician's bedside tests",
    "About you",
    "Running and other activity",
    "Medical history and risk factors",
];

/// Plain-language labels of the pain locations, in [`Location::ALL`] order.
pub(crate) static LOCATION_LABELS: [&str; crate::item::Location::COUNT] = [
    "Under the heel, towards the inner side",
    "Centre of the heel pad",
    "Back of the heel, where the Achilles tendon attaches",
    "The Achilles tendon, 2-6 cm above the heel",
    "Behind or below the inner ankle bone",
    "Deep at the back of the ankle on the inner side, in front of the Achilles tendon",
    "On the inner ankle bone",
    "Top of the foot, inner side of the midfoot",
    "Front of the ankle, along the joint",
    "Outer side, below the outer ankle bone",
    "Outer side of the midfoot, just in front of the outer ankle bone",
    "Outer edge of the sole of the heel",
    "The arch",
    "The whole heel",
    "The sole and toes",
    "The calf",
];

/// An item id that is no longer used, and what became of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RetiredItem {
    /// The old id.
    pub id: &'static str,
    /// The item an answer to it is read as, if one item took its meaning.
    pub now: Option<Item>,
    /// The items that replace it.
    pub replaced_by: &'static [Item],
    /// What happened to it.
    pub note: &'static str,
}

/// Retired item ids. One that became a single item is read as that item; one
/// that was split is rejected with an error naming its replacements.
pub(crate) static RETIRED_ITEMS: &[RetiredItem] = &[
    RetiredItem {
        id: "heel_raise_difficulty",
        now: Some(Item::HeelRaisePainful),
        replaced_by: &[Item::HeelRaisePainful, Item::HeelRaiseUnable],
        note: "asked whether a single-leg heel raise was \"painful or hard\"; it is read as heel_raise_painful, and heel_raise_unable now asks whether it cannot be done at all",
    },
    RetiredItem {
        id: "redness_warmth",
        now: None,
        replaced_by: &[Item::Redness, Item::Warmth],
        note: "redness_warmth was split into \"redness\" and \"warmth\"; answer each",
    },
];
