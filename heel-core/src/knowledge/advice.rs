//! Self-care advice the care plan is built from.
//!
//! RICE and the footwear advice follow the seed article; condition advice
//! follows the guidelines and reviews cited. Advice is general: the care plan
//! leads with "get seen" whenever triage says so.

use serde::Serialize;

use super::Source;
use crate::ids::id_enum;

id_enum! {
    /// A piece of self-care advice. [`Advice::info`] gives its text.
    pub enum Advice ("advice") {
        /// Rest from the activities that bring the pain on.
        Rest = "rest",
        /// Ice, wrapped, 20-30 minutes several times a day.
        Ice = "ice",
        /// A firm but not tight compression bandage or brace.
        Compression = "compression",
        /// Raise the foot above the heart.
        Elevation = "elevation",
        /// Supportive shoes rather than barefoot.
        SupportiveShoes = "supportive_shoes",
        /// Pain relief and the usual cautions with anti-inflammatories.
        PainRelief = "pain_relief",
        /// A gradual return to running.
        GradualReturn = "gradual_return",
        /// When to see a clinician if self-care does not help.
        SeeIfNotBetter = "see_if_not_better",
        /// Calf and plantar fascia stretching.
        CalfAndFasciaStretching = "calf_and_fascia_stretching",
        /// Heel cushioning and arch support.
        HeelCushioning = "heel_cushioning",
        /// Weight management.
        WeightManagement = "weight_management",
        /// Achilles load management and a loading programme.
        TendonLoading = "tendon_loading",
        /// Protecting an insertional tendon or bursa from compression.
        InsertionProtection = "insertion_protection",
        /// Stop running and offload a suspected stress fracture.
        OffloadStressFracture = "offload_stress_fracture",
        /// Calcium, vitamin D and enough energy for training.
        BoneHealth = "bone_health",
        /// Activity changes for Sever's disease.
        SeversActivity = "severs_activity",
        /// Cushioning for a thin or painful heel pad.
        FatPadCushioning = "fat_pad_cushioning",
        /// Care while a nerve problem is assessed.
        NerveCare = "nerve_care",
        /// Support for a failing posterior tibial tendon.
        ArchSupport = "arch_support",
        /// Care for a peroneal tendon problem.
        AnkleStability = "ankle_stability",
        /// Keeping active with arthritis.
        ArthritisCare = "arthritis_care",
        /// Seeing a doctor about possible inflammatory arthritis.
        RheumatologyReview = "rheumatology_review",
        /// Keep weight off a suspected Achilles rupture.
        ProtectRupture = "protect_rupture",
        /// Do not self-treat a possible infection.
        InfectionNeedsCare = "infection_needs_care",
        /// Protect a possible fracture on the way to care.
        ProtectFracture = "protect_fracture",
        /// Support after a plantar fascia rupture.
        FasciaRuptureSupport = "fascia_rupture_support",
        /// Review a fluoroquinolone antibiotic with a doctor.
        MedicationReview = "medication_review",
        /// Functional support and exercise for an ankle sprain.
        SprainCare = "sprain_care",
        /// Offloading and cushioning a bruised heel bone.
        HeelBruiseCare = "heel_bruise_care",
        /// Keeping active with sciatica.
        SciaticaCare = "sciatica_care",
        /// Activity changes for a flexor hallucis longus tendon problem.
        FhlCare = "fhl_care",
        /// Managing a gout flare.
        GoutFlareCare = "gout_flare_care",
        /// Stress fracture treatment a clinician may use.
        StressFractureTreatment = "stress_fracture_treatment",
    }
}

/// The text of a piece of advice.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AdviceInfo {
    /// The advice.
    pub id: Advice,
    /// A short title.
    pub title: &'static str,
    /// What to do, in plain words.
    pub text: &'static str,
    /// Where the advice comes from (`None`: general clinical practice).
    pub source: Option<Source>,
}

impl Advice {
    /// The title, text and source of this advice.
    #[must_use]
    pub fn info(self) -> &'static AdviceInfo {
        &ADVICE[self.index()]
    }
}

const fn a(
    id: Advice,
    title: &'static str,
    text: &'static str,
    source: Option<Source>,
) -> AdviceInfo {
    AdviceInfo {
        id,
        title,
        text,
        source,
    }
}

use Source as S;

/// Every piece of advice, in [`Advice::ALL`] order.
pub static ADVICE: [AdviceInfo; Advice::COUNT] = [
    a(
        Advice::Rest,
        "Rest",
        "Take a break from running, jumping and anything else that brings the pain on, so the injured tissue can heal. Keep weight and pressure off the heel where you can.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::Ice,
        "Ice",
        "Hold an ice pack on the painful area for 20 to 30 minutes at a time, several times a day. Wrap it in a towel or cloth so it never touches the skin directly.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::Compression,
        "Compression",
        "A compression bandage or brace can limit swelling and support the area. Make it firm but not too tight, and loosen it if your toes tingle, go pale or throb, so blood keeps flowing.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::Elevation,
        "Elevation",
        "When you sit or lie down, raise the foot above the level of your heart, propped on pillows or cushions, to help swelling drain.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::SupportiveShoes,
        "Shoes, not bare feet",
        "You will still have to move about while you rest: wear supportive, cushioned shoes, because going barefoot can make heel pain worse. Avoid flip-flops and worn-out shoes.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::PainRelief,
        "Pain relief, with care",
        "Paracetamol, or an anti-inflammatory such as ibuprofen or aspirin, can ease the pain for a few days. Check with a pharmacist or doctor first if you have had a stomach ulcer or bleeding, have kidney, liver or heart disease or asthma, take blood thinners, are pregnant, or are over 65. Never give aspirin to anyone under 16.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::GradualReturn,
        "Return to running gradually",
        "Go back to running only when walking no longer hurts. Start with short, easy runs on soft, even ground and build up by small steps. Avoid any single run much longer than your longest run of the past month: big jumps in distance raise the injury risk.",
        Some(S::Frandsen2025),
    ),
    a(
        Advice::SeeIfNotBetter,
        "When to see someone",
        "See a doctor, physiotherapist or podiatrist if the pain has not improved after two weeks of self-care, if it gets worse, if walking becomes difficult, or if anything new appears such as swelling, redness, numbness or fever.",
        Some(S::HsePlantarFasciitis),
    ),
    a(
        Advice::CalfAndFasciaStretching,
        "Stretch the calf and sole",
        "Stretch the calf muscles and the sole of the foot several times a day, especially before the first steps in the morning and after sitting (for example, pull the toes back towards the shin for 30 seconds).",
        Some(S::Morrissey2021),
    ),
    a(
        Advice::HeelCushioning,
        "Cushion and support the heel",
        "Wear shoes with cushioned heels and good arch support, or add heel pads or insoles. Avoid standing for long periods, high heels and walking barefoot on hard floors.",
        Some(S::HsePlantarFasciitis),
    ),
    a(
        Advice::WeightManagement,
        "Ease the load",
        "If you are overweight, losing weight gradually takes load off the heel. Low-impact exercise such as swimming or cycling keeps you fit meanwhile.",
        Some(S::HsePlantarFasciitis),
    ),
    a(
        Advice::TendonLoading,
        "Manage the tendon's load",
        "Keep moving, but cut back the running, hills and jumping that provoke the tendon rather than stopping everything; complete rest is not advised. A progressive tendon-loading programme, such as slow heel raises, is the main treatment, ideally guided by a physiotherapist.",
        Some(S::DeVos2021),
    ),
    a(
        Advice::InsertionProtection,
        "Protect the back of the heel",
        "Use a small heel lift, and shoes with a soft or open back that do not press on the bump. Avoid stretching the calf with the heel dropped over the edge of a step, which squeezes the tendon's attachment.",
        None,
    ),
    a(
        Advice::OffloadStressFracture,
        "Stop running until assessed",
        "A stress fracture needs prompt medical attention: stop running and jumping now and keep weight off the foot as far as you can. A clinician may arrange imaging, and treatment often means a walking boot or crutches for 6 to 8 weeks, then a gradual return.",
        Some(S::FpnotebookCalcanealStressFracture),
    ),
    a(
        Advice::BoneHealth,
        "Look after your bones",
        "Get enough calcium and vitamin D, and eat enough for the training you do. Periods that have become irregular or stopped during heavy training are a reason to talk to a doctor about low energy availability.",
        Some(S::Mountjoy2023),
    ),
    a(
        Advice::SeversActivity,
        "Adjust sport while it settles",
        "Cut down running and jumping to a level that does not hurt for a few weeks (stopping all sport is rarely needed), use heel cushions or small heel raises, stretch the calves and ice after activity. It settles for good once the growth plate closes.",
        Some(S::James2013),
    ),
    a(
        Advice::FatPadCushioning,
        "Cushion the heel pad",
        "Use heel cups or cushioned insoles in well-padded shoes, avoid bare feet on hard floors, and reduce long standing and high-impact activity while it settles.",
        Some(S::ClevelandFatPad),
    ),
    a(
        Advice::NerveCare,
        "Give the nerve room",
        "Avoid tight shoes, straps or laces over the inner ankle and heel. Nerve symptoms need a clinician's assessment, which may include nerve tests or imaging.",
        None,
    ),
    a(
        Advice::ArchSupport,
        "Support the arch",
        "Wear supportive shoes with a firm heel and good arch support, and avoid long walks on uneven ground until a clinician has assessed the tendon; an orthosis or brace may help.",
        Some(S::Geideman2000),
    ),
    a(
        Advice::AnkleStability,
        "Steady the ankle",
        "Wear supportive shoes and avoid uneven ground for a while. Once the pain settles, balance and ankle-strengthening exercises help, especially after a sprain.",
        None,
    ),
    a(
        Advice::ArthritisCare,
        "Keep the joints moving",
        "Stay active with low-impact exercise such as cycling or swimming, and wear well-cushioned supportive shoes. A doctor can advise on medicines and physiotherapy; surgery is for severe cases only.",
        Some(S::SeedArticle),
    ),
    a(
        Advice::RheumatologyReview,
        "Ask about inflammatory arthritis",
        "Heel pain with long morning stiffness, other painful joints, back pain or a family history of inflammatory disease needs a doctor's review: blood tests and a rheumatology referral may be needed.",
        Some(S::BmjBestPracticePf),
    ),
    a(
        Advice::ProtectRupture,
        "Keep weight off the leg",
        "Do not try to walk or stretch it off. Keep weight off the leg, with the toes pointing down, and get to an emergency department or minor injuries unit.",
        Some(S::NhsGlosRedFlags),
    ),
    a(
        Advice::InfectionNeedsCare,
        "Do not treat a hot, swollen heel at home",
        "A hot, red, swollen heel, a fever or a wound can mean infection. Ice and rest do not treat it: get seen today.",
        Some(S::NhsGlosRedFlags),
    ),
    a(
        Advice::ProtectFracture,
        "Protect the foot on the way",
        "Keep weight off the foot, raise it, and get someone to take you for an assessment. Do not drive.",
        Some(S::NhsGlosRedFlags),
    ),
    a(
        Advice::FasciaRuptureSupport,
        "Support the torn fascia",
        "Wear supportive shoes and avoid running and jumping. A clinician may confirm the tear with an ultrasound or MRI and suggest a walking boot for a while.",
        Some(S::FasciaRupture1994),
    ),
    a(
        Advice::MedicationReview,
        "Review the antibiotic",
        "Fluoroquinolone antibiotics raise the risk of tendon problems for about two months, more so with steroid tablets and after 60. Talk to the prescriber before taking another dose, and avoid hard exercise until the tendon has been checked.",
        Some(S::Morales2019),
    ),
    a(
        Advice::SprainCare,
        "Support the ankle and keep it moving",
        "For the first two to three days protect the ankle, rest it, use ice wrapped in a cloth and raise it; avoid heat, alcohol and massage. Then move it as pain allows: tape or a brace and a graded exercise programme work better than keeping it still. Avoid running until walking is comfortable, often several weeks.",
        Some(S::Vuurberg2018),
    ),
    a(
        Advice::HeelBruiseCare,
        "Cushion and offload the heel",
        "Use a cushioned heel cup or pad, and crutches for a few days if standing is very painful. Return to impact gradually: a bruised heel bone can take weeks to months to settle.",
        Some(S::FootEducationHeelBruise),
    ),
    a(
        Advice::SciaticaCare,
        "Keep active with sciatica",
        "Keep moving and start gentle exercise and stretches early; avoid sitting or lying down for long periods. A pharmacist can advise on pain relief. Go to an emergency department at once for numbness around the genitals or back passage, or new bladder or bowel trouble.",
        Some(S::NhsSciatica),
    ),
    a(
        Advice::FhlCare,
        "Rest the big-toe tendon",
        "Cut back on push-off, tiptoe and jumping work (in dance, reduce pointe and demi-pointe), wear firm supportive shoes and avoid hard floors. A physiotherapist can guide a stretching and strengthening programme.",
        Some(S::AmssmFhl),
    ),
    a(
        Advice::GoutFlareCare,
        "Ease a gout flare",
        "Rest and raise the foot, hold an ice pack wrapped in a cloth on it for up to 20 minutes, drink plenty of water and keep bedclothes off it. Anti-inflammatory painkillers help if they are safe for you; a doctor can prescribe other treatment.",
        Some(S::NhsGout),
    ),
    a(
        Advice::StressFractureTreatment,
        "What stress fracture treatment involves",
        "Treatment depends on how severe it is: usually RICE plus crutches, night splints or a walking boot to keep weight off the heel and foot, pain relief and physical therapy. Some need a cast or, rarely, surgery. Prevent the next one by building up training gradually, with good shoes, enough calcium and vitamin D.",
        Some(S::SeedArticle),
    ),
];
