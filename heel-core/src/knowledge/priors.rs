//! Pre-test probabilities: how likely each condition is before any answer,
//! among people with heel pain in a given setting.
//!
//! No study reports the share of each cause among runners (or general-practice
//! patients, or children) who have heel pain, so these are expert estimates
//! anchored on the frequencies the cited sources do report. They are shares
//! of one distribution over the main cause of the pain: each setting's column
//! sums to 1 (a test checks it), with [`Condition::Other`] taking what the
//! named conditions leave.
//!
//! The children setting already conditions on age (under 18), so the age rows
//! used there are rows of their own (see `likelihoods.rs`), not the all-ages
//! ones.
//!
//! Anchors from the sources:
//! - Runners: plantar fasciitis prevalence 5.2-17.5% and Achilles tendinopathy
//!   6.2-9.5% of runners (Lopes 2012); among injured novice runners AT 7% and
//!   PF 5% (Nielsen 2014); plantar heel pain is about 8% of running injuries
//!   (Morrissey 2021); ankle sprains 13.7% of running injuries (Hansoulle
//!   2024). Mid-portion is 55-60% and insertional 20-25% of Achilles
//!   tendinopathy (secondary sources). Stress fractures are 1-7% of athletic
//!   injuries (Mayer 2014).
//! - General practice: plantar heel pain is 39% of lower-limb tendinopathy
//!   consultations (Riel 2019) and 12.1% of foot and ankle consultations
//!   (Thomas 2019); mid-portion AT 1.85 per 1000 patients (de Jonge 2011).
//! - Children: Sever's is the most common cause of heel pain in children
//!   (Tu 2018), with a GP incidence of 3.7 per 1000 aged 6-17 (Wiegerinck 2014).

use super::{Grade, Prior, Source};
use crate::condition::Condition;

#[allow(clippy::too_many_arguments)] // a table row
const fn prior(
    condition: Condition,
    runners: f64,
    general_practice: f64,
    children: f64,
    grade: Grade,
    sources: &'static [Source],
    note: &'static str,
) -> Prior {
    Prior {
        condition,
        runners,
        general_practice,
        children,
        grade,
        sources,
        note,
    }
}

use Condition as C;
use Grade::ExpertEstimate as Expert;
use Source as S;

/// One row per condition, in [`Condition::ALL`] order:
/// runners, general practice, children.
/// One row per cause, in [`Condition::ALL`] order: runners, general
/// practice, children.
#[rustfmt::skip]
pub static PRIORS: [Prior; Condition::COUNT] = [
    prior(C::PlantarFasciitis, 0.3, 0.38, 0.04, Expert, &[S::Lopes2012, S::Morrissey2021, S::Riel2019], "The most common cause of heel pain in runners (prevalence 5.2-17.5%) and in general practice (39% of lower-limb tendinopathy consultations)."),
    prior(C::HeelSpur, 0.03, 0.05, 0.001, Expert, &[S::Menz2008, S::McMillan2009], "Spurs are common but usually incidental; counted only as the main cause of pain."),
    prior(C::AchillesInsertional, 0.07, 0.05, 0.01, Expert, &[S::Lopes2012], "About a quarter of Achilles tendinopathy (secondary sources)."),
    prior(C::AchillesMidportion, 0.16, 0.06, 0.015, Expert, &[S::Lopes2012, S::Nielsen2014Recovery, S::DeJonge2011], "The second most common running heel problem (AT incidence 9.1-10.9% of runners); 1.85 per 1000 in general practice."),
    prior(C::AchillesRupture, 0.008, 0.008, 0.001, Expert, &[S::MissedRuptureReview], "About 4500 a year in the UK; a small share of heel and calf pain."),
    prior(C::PosteriorTibialTendinopathy, 0.02, 0.035, 0.005, Expert, &[S::Geideman2000], "Mainly middle-aged and older adults."),
    prior(C::PeronealTendinopathy, 0.025, 0.015, 0.01, Expert, &[S::Davda2017], "No frequency data found; under-appreciated."),
    prior(C::CalcanealStressFracture, 0.025, 0.008, 0.015, Expert, &[S::Mayer2014, S::Vasiliadis2017], "Stress fractures are 1-7% of athletic injuries; the calcaneus is a common foot site."),
    prior(C::NavicularStressFracture, 0.012, 0.002, 0.005, Expert, &[S::NavicularReview2017], "14-35% of stress fractures in some athletic series."),
    prior(C::MedialMalleolusStressFracture, 0.004, 0.001, 0.002, Expert, &[S::StressFracturesAnkle2015], "0.6-4.1% of stress fractures."),
    prior(C::TarsalTunnelSyndrome, 0.012, 0.015, 0.002, Expert, &[S::StanfordTarsalTunnel], "Rare and under-diagnosed."),
    prior(C::BaxtersNerveEntrapment, 0.015, 0.02, 0.002, Expert, &[S::Chundru2008], "The quoted 'up to 20% of heel pain' is expert opinion; MRI atrophy in 6.3% of hindfoot scans."),
    prior(C::Osteoarthritis, 0.008, 0.035, 0.001, Expert, &[S::ODonnellHindfootArthritis], "Exact incidence unknown; mainly older adults, and younger people after injury."),
    prior(C::RheumatoidArthritis, 0.003, 0.012, 0.002, Expert, &[S::Kaeley2019], "Hindfoot pain in 17-52% of people with RA, who are a small share of heel pain."),
    prior(C::SpondyloarthritisEnthesitis, 0.006, 0.012, 0.01, Expert, &[S::KoreanHeelEnthesitis], "A minority of heel pain; enthesitis-related arthritis in adolescents."),
    prior(C::SeversDisease, 0.004, 0.004, 0.55, Expert, &[S::Tu2018, S::Wiegerinck2014], "The most common cause of heel pain in children (GP incidence 3.7 per 1000 aged 6-17); absent in adults."),
    prior(C::FatPadSyndrome, 0.04, 0.06, 0.01, Expert, &[S::Tu2018], "'Second most common cause' and '15%' are unsourced claims; kept modest."),
    prior(C::RetrocalcanealBursitis, 0.035, 0.035, 0.02, Expert, &[S::Acfas2010], "Posterior heel is the second most common site of mechanical heel pain."),
    prior(C::PlantarFasciaRupture, 0.004, 0.004, 0.001, Expert, &[S::Lee2014], "35 ruptures among 286 treated plantar fasciitis patients, almost all after injection."),
    prior(C::CalcanealOsteomyelitis, 0.001, 0.002, 0.01, Expert, &[S::PaediatricOsteomyelitis2024], "Rare; more often in children (median age 8)."),
    prior(C::AcuteCalcanealFracture, 0.002, 0.004, 0.005, Expert, &[S::Walters2014], "1% of all fractures; needs a specific injury."),
    prior(C::AnkleSprain, 0.06, 0.05, 0.12, Expert, &[S::Hansoulle2024, S::Doherty2014], "Ankle sprains are 13.7% of running injuries and common in children and adolescents; only some present as heel or hindfoot pain."),
    prior(C::HeelBoneBruise, 0.025, 0.025, 0.05, Expert, &[S::RoseSinghInferiorHeel], "Listed among causes of inferior heel pain; no frequency data found."),
    prior(C::S1Radiculopathy, 0.02, 0.035, 0.001, Expert, &[S::RoseSinghInferiorHeel], "A referred cause of plantar heel pain; no share found."),
    prior(C::FhlTendinopathy, 0.01, 0.005, 0.005, Expert, &[S::FhlTenosynovitis1998], "More common than thought (656 cases in one division over ten years); no share of heel pain found."),
    prior(C::Gout, 0.005, 0.02, 0.0005, Expert, &[S::Kuo2015], "UK prevalence 2.49%; a quarter of flares spare the big toe; rare in children."),
    prior(C::Other, 0.096, 0.053, 0.1065, Expert, &[S::Acfas2010, S::Thomas2019], "The rest: causes heel does not name (tumours, vascular and other rare causes) and pictures no named cause explains; set so that each setting sums to 1."),
];
