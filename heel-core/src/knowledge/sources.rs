//! The reference list: every publication a number or a rule in the knowledge
//! base points to.
//!
//! `quality` says how the source was read when the knowledge base was built:
//! a primary study or systematic review seen directly, a guideline, or a
//! secondary source (a reference site or a summary) that is weaker evidence.

use serde::Serialize;

use crate::ids::id_enum;

id_enum! {
    /// A publication cited by the knowledge base. [`Source::info`] gives the citation.
    pub enum Source ("source") {
        /// Tu 2018, heel pain review (AAFP).
        Tu2018 = "tu_2018",
        /// Aldridge 2004, diagnosing heel pain in adults (AAFP).
        Aldridge2004 = "aldridge_2004",
        /// ACFAS heel pain guideline, revision 2010.
        Acfas2010 = "acfas_2010",
        /// JOSPT plantar fasciitis guideline, revision 2014.
        Martin2014 = "martin_2014",
        /// Morrissey 2021, plantar heel pain best-practice guide.
        Morrissey2021 = "morrissey_2021",
        /// HSE Ireland patient page on plantar fasciitis.
        HsePlantarFasciitis = "hse_plantar_fasciitis",
        /// BMJ Best Practice topic on plantar fasciitis.
        BmjBestPracticePf = "bmj_best_practice_pf",
        /// De Garceau 2003, windlass test accuracy.
        DeGarceau2003 = "de_garceau_2003",
        /// Alshami 2007, biomechanics of windlass and dorsiflexion-eversion tests.
        Alshami2007 = "alshami_2007",
        /// Riddle 2003, plantar fasciitis risk factors.
        Riddle2003 = "riddle_2003",
        /// Irving 2007, obesity and foot posture in plantar heel pain.
        Irving2007 = "irving_2007",
        /// van Leeuwen 2016, BMI and plantar fasciopathy.
        VanLeeuwen2016 = "van_leeuwen_2016",
        /// Menz 2008, plantar calcaneal spurs in older people.
        Menz2008 = "menz_2008",
        /// Toumi 2014, spur prevalence by age and sex.
        Toumi2014 = "toumi_2014",
        /// McMillan 2009, imaging in chronic plantar heel pain.
        McMillan2009 = "mcmillan_2009",
        /// Matthews 2021, clinical diagnosis of Achilles tendinopathy.
        Matthews2021 = "matthews_2021",
        /// Hutchison 2013, best clinical test for Achilles tendinopathy.
        Hutchison2013 = "hutchison_2013",
        /// Reiman 2014, clinical measures for Achilles tendon injuries.
        Reiman2014 = "reiman_2014",
        /// Maffulli 1998, clinical diagnosis of Achilles tendon tear.
        Maffulli1998 = "maffulli_1998",
        /// UK review of missed Achilles tendon ruptures (PMC4655731).
        MissedRuptureReview = "missed_rupture_review",
        /// de Jonge 2011, incidence of mid-portion Achilles tendinopathy.
        DeJonge2011 = "de_jonge_2011",
        /// Dutch multidisciplinary Achilles tendinopathy guideline, 2021.
        DeVos2021 = "de_vos_2021",
        /// van der Vlist 2019, risk factors for Achilles tendinopathy.
        VanDerVlist2019 = "van_der_vlist_2019",
        /// Alves 2019, fluoroquinolones and tendon injury (meta-analysis).
        Alves2019 = "alves_2019",
        /// Morales 2019, tendon rupture with fluoroquinolones and corticosteroids.
        Morales2019 = "morales_2019",
        /// Jayaseelan 2019, Achilles tendinopathy management review.
        Jayaseelan2019 = "jayaseelan_2019",
        /// Geideman and Johnson 2000, posterior tibial tendon dysfunction.
        Geideman2000 = "geideman_2000",
        /// StatPearls, posterior tibial tendon dysfunction.
        StatPearlsPttd = "statpearls_pttd",
        /// Davda 2017, peroneal tendon disorders (EFORT Open Reviews).
        Davda2017 = "davda_2017",
        /// Kinoshita 2001, dorsiflexion-eversion test for tarsal tunnel syndrome.
        Kinoshita2001 = "kinoshita_2001",
        /// Ahmad 2012, tarsal tunnel syndrome review.
        Ahmad2012 = "ahmad_2012",
        /// Stanford Medicine 25, tarsal tunnel syndrome.
        StanfordTarsalTunnel = "stanford_tarsal_tunnel",
        /// Chundru 2008, abductor digiti minimi atrophy (Baxter's neuropathy).
        Chundru2008 = "chundru_2008",
        /// fpnotebook, calcaneal stress fracture.
        FpnotebookCalcanealStressFracture = "fpnotebook_calcaneal_stress_fracture",
        /// fpnotebook, tarsal navicular stress fracture.
        FpnotebookNavicular = "fpnotebook_navicular",
        /// fpnotebook, calcaneal apophysitis.
        FpnotebookSevers = "fpnotebook_severs",
        /// AAOS educational item on navicular stress fracture.
        AaosNavicular = "aaos_navicular",
        /// Review of tarsal navicular stress fractures (PMC5344863).
        NavicularReview2017 = "navicular_review_2017",
        /// Springer 2020 chapter, stress fractures of the ankle and hindfoot.
        StressFracturesHindfoot2020 = "stress_fractures_hindfoot_2020",
        /// Springer 2015 chapter, stress fractures of the ankle.
        StressFracturesAnkle2015 = "stress_fractures_ankle_2015",
        /// Mayer 2014, foot and ankle stress fractures in athletes.
        Mayer2014 = "mayer_2014",
        /// Vasiliadis 2017, common stress fractures in runners.
        Vasiliadis2017 = "vasiliadis_2017",
        /// Knechtle 2021, vitamin D and stress fractures.
        Knechtle2021 = "knechtle_2021",
        /// 2023 IOC consensus on relative energy deficiency in sport.
        Mountjoy2023 = "mountjoy_2023",
        /// O'Donnell and Bluman, hindfoot arthritis chapter.
        ODonnellHindfootArthritis = "odonnell_hindfoot_arthritis",
        /// Kaeley 2019, the subtalar joint in rheumatoid arthritis.
        Kaeley2019 = "kaeley_2019",
        /// Korean comparison of inflammatory and mechanical heel pain.
        KoreanHeelEnthesitis = "korean_heel_enthesitis",
        /// enthesis.info, enthesitis in spondyloarthritis.
        EnthesisInfo = "enthesis_info",
        /// James 2013, interventions for calcaneal apophysitis (systematic review).
        James2013 = "james_2013",
        /// Wiegerinck 2014, incidence of calcaneal apophysitis.
        Wiegerinck2014 = "wiegerinck_2014",
        /// Rodríguez-Sanz 2018, Sever's disease case-control study.
        RodriguezSanz2018 = "rodriguez_sanz_2018",
        /// Volpe 2004, Sever's disease (Podiatry Today).
        Volpe2004 = "volpe_2004",
        /// Cleveland Clinic patient page on heel fat pad syndrome.
        ClevelandFatPad = "cleveland_fat_pad",
        /// Lee 2014, risk factors for plantar fascia rupture.
        Lee2014 = "lee_2014",
        /// Foot Ankle Int 1994, plantar fascia rupture after corticosteroid injection.
        FasciaRupture1994 = "fascia_rupture_1994",
        /// J Med Case Rep 2015, delayed recognition of paediatric calcaneal osteomyelitis.
        OsteomyelitisCase2015 = "osteomyelitis_case_2015",
        /// BMC Infect Dis 2024, paediatric calcaneal osteomyelitis in 128 cases.
        PaediatricOsteomyelitis2024 = "paediatric_osteomyelitis_2024",
        /// Walters 2014, calcaneal and spinal fractures.
        Walters2014 = "walters_2014",
        /// Bachmann 2003, Ottawa ankle rules (systematic review).
        Bachmann2003 = "bachmann_2003",
        /// Yan 2018, primary tumours of the calcaneus.
        Yan2018 = "yan_2018",
        /// NHS Gloucestershire red flags for foot and ankle conditions.
        NhsGlosRedFlags = "nhs_glos_red_flags",
        /// Diabetes UK, serious foot problems.
        DiabetesUk = "diabetes_uk",
        /// Lopes 2012, running-related musculoskeletal injuries (systematic review).
        Lopes2012 = "lopes_2012",
        /// Nielsen 2014, recovery in 254 injured novice runners.
        Nielsen2014Recovery = "nielsen_2014_recovery",
        /// Riel 2019, lower-extremity tendinopathies in Danish general practice.
        Riel2019 = "riel_2019",
        /// Thomas 2019, plantar heel pain in middle-aged and older adults.
        Thomas2019 = "thomas_2019",
        /// Frandsen 2025, running distance spikes and injury.
        Frandsen2025 = "frandsen_2025",
        /// The project's seed article, "Heel pain after running".
        SeedArticle = "seed_article",
        /// NHS heel pain patient page (NHS factsheet copies: axahealth, nidirect).
        NhsHeelPain = "nhs_heel_pain",
        /// Southern Health NHS Foundation Trust.
        SouthernHealthAchilles = "southern_health_achilles",
        /// NHS Borders RefHelp.
        NhsBordersPttd = "nhs_borders_pttd",
        /// NICE NG226.
        NiceNg226 = "nice_ng226",
        /// NICE QS33 / CG79.
        NiceQs33 = "nice_qs33",
        /// NICE NG65 / QS170.
        NiceNg65 = "nice_ng65",
        /// Sheffield Children's NHS Foundation Trust.
        SheffieldSevers = "sheffield_severs",
        /// NHS.
        NhsOsteomyelitis = "nhs_osteomyelitis",
        /// Stiell IG, et al.
        Stiell1992 = "stiell_1992",
        /// Beckenkamp PR, et al.
        Beckenkamp2017 = "beckenkamp_2017",
        /// Vuurberg G, et al.
        Vuurberg2018 = "vuurberg_2018",
        /// Netterström-Wedin F, Matthews M, Bleakley C.
        NetterstromWedin2021 = "netterstrom_wedin_2021",
        /// Doherty C, et al.
        Doherty2014 = "doherty_2014",
        /// Hansoulle T, et al.
        Hansoulle2024 = "hansoulle_2024",
        /// NHS.
        NhsSprains = "nhs_sprains",
        /// FootEducation.
        FootEducationHeelBruise = "foot_education_heel_bruise",
        /// Rose B, Singh D.
        RoseSinghInferiorHeel = "rose_singh_inferior_heel",
        /// van der Windt DAWM, et al.
        VanDerWindt2010 = "van_der_windt_2010",
        /// NHS.
        NhsSciatica = "nhs_sciatica",
        /// GIRFT.
        GirftCes = "girft_ces",
        /// AMSSM (sportsmedtoday.
        AmssmFhl = "amssm_fhl",
        /// Flexor hallucis longus dysfunction: 19 operated cases of stenosing tenosynovitis.
        FhlTenosynovitis1998 = "fhl_tenosynovitis_1998",
        /// Janssens HJ, et al.
        Janssens2010 = "janssens_2010",
        /// Kuo C-F, et al.
        Kuo2015 = "kuo_2015",
        /// NHS.
        NhsGout = "nhs_gout",
        /// Margaretten ME, et al.
        Margaretten2007 = "margaretten_2007",
        /// Björck M, et al.
        EsvsAli2020 = "esvs_ali_2020",
        /// NICE NG12.
        NiceNg12 = "nice_ng12",
        /// NICE NG51 / NG254.
        NiceSepsis = "nice_sepsis",
        /// Hindfoot and ankle arthritis after trauma (AAOS OKU chapter, O'Donnell SW, Bluman EM), post-traumatic causes.
        ODonnellPostTraumatic = "odonnell_post_traumatic",
    }
}

id_enum! {
    /// How directly a source was read.
    pub enum SourceQuality ("source quality") {
        /// A primary study or systematic review, read directly (abstract or full text).
        Primary = "primary",
        /// A clinical practice guideline or guideline summary, read directly.
        Guideline = "guideline",
        /// A patient-information page from a health service.
        PatientInformation = "patient_information",
        /// A secondary source (reference site, summary, chapter copy): it gives
        /// a number or a description but is not the original study.
        Secondary = "secondary",
    }
}

/// A citation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceInfo {
    /// The source this citation is for.
    pub id: Source,
    /// The citation, in a conventional short form.
    pub citation: &'static str,
    /// A DOI, PMID/PMC id or URL where it can be found, if known.
    pub locator: Option<&'static str>,
    /// How directly it was read.
    pub quality: SourceQuality,
}

impl Source {
    /// The citation for this source.
    #[must_use]
    pub fn info(self) -> &'static SourceInfo {
        &SOURCES[self.index()]
    }
}

const fn s(
    id: Source,
    citation: &'static str,
    locator: Option<&'static str>,
    quality: SourceQuality,
) -> SourceInfo {
    SourceInfo {
        id,
        citation,
        locator,
        quality,
    }
}

use SourceQuality::{Guideline, PatientInformation, Primary, Secondary};

/// Every source, in [`Source::ALL`] order.
pub static SOURCES: [SourceInfo; Source::COUNT] = [
    s(
        Source::Tu2018,
        "Tu P. Heel pain: diagnosis and management. Am Fam Physician 2018;97(2):86-93.",
        Some("https://www.aafp.org/afp/2018/0115/p86.html"),
        Guideline,
    ),
    s(
        Source::Aldridge2004,
        "Aldridge T. Diagnosing heel pain in adults. Am Fam Physician 2004;70(2):332-8.",
        None,
        Secondary,
    ),
    s(
        Source::Acfas2010,
        "Thomas JL, Christensen JC, Kravitz SR, et al. The diagnosis and treatment of heel pain: a clinical practice guideline-revision 2010. J Foot Ankle Surg 2010;49(3 Suppl):S1-S19.",
        Some("doi:10.1053/j.jfas.2010.01.001"),
        Guideline,
    ),
    s(
        Source::Martin2014,
        "Martin RL, Davenport TE, Reischl SF, et al. Heel pain-plantar fasciitis: revision 2014. J Orthop Sports Phys Ther 2014;44(11):A1-A33.",
        Some("doi:10.2519/jospt.2014.0303"),
        Guideline,
    ),
    s(
        Source::Morrissey2021,
        "Morrissey D, Cotchett M, J'Bari AS, et al. Management of plantar heel pain: a best practice guide informed by a systematic review, expert clinical reasoning and patient values. Br J Sports Med 2021;55(19):1106-18.",
        Some("doi:10.1136/bjsports-2019-101970"),
        Primary,
    ),
    s(
        Source::HsePlantarFasciitis,
        "Health Service Executive (Ireland). Plantar fasciitis.",
        Some("https://www2.hse.ie/conditions/plantar-fasciitis"),
        PatientInformation,
    ),
    s(
        Source::BmjBestPracticePf,
        "BMJ Best Practice. Plantar fasciitis (topic), citing Buchbinder R. N Engl J Med 2004;350:2159-66.",
        None,
        Secondary,
    ),
    s(
        Source::DeGarceau2003,
        "De Garceau D, Dean D, Requejo SM, Thordarson DB. The association between diagnosis of plantar fasciitis and Windlass test results. Foot Ankle Int 2003;24(3):251-5.",
        Some("PMID:12793489"),
        Secondary,
    ),
    s(
        Source::Alshami2007,
        "Alshami AM, Babri AS, Souvlis T, Coppieters MW. Biomechanical evaluation of two clinical tests for plantar heel pain. Foot Ankle Int 2007;28(4):499-505.",
        None,
        Primary,
    ),
    s(
        Source::Riddle2003,
        "Riddle DL, Pulisic M, Pidcoe P, Johnson RE. Risk factors for plantar fasciitis: a matched case-control study. J Bone Joint Surg Am 2003;85(5):872-7.",
        None,
        Primary,
    ),
    s(
        Source::Irving2007,
        "Irving DB, Cook JL, Young MA, Menz HB. Obesity and pronated foot type may increase the risk of chronic plantar heel pain. BMC Musculoskelet Disord 2007;8:41.",
        None,
        Primary,
    ),
    s(
        Source::VanLeeuwen2016,
        "van Leeuwen KDB, Rogers J, Winzenberg T, van Middelkoop M. Higher body mass index is associated with plantar fasciopathy/'plantar fasciitis'. Br J Sports Med 2016;50:972-81.",
        Some("doi:10.1136/bjsports-2015-094695"),
        Primary,
    ),
    s(
        Source::Menz2008,
        "Menz HB, Zammit GV, Landorf KB, Munteanu SE. Plantar calcaneal spurs in older people: longitudinal traction or vertical compression? J Foot Ankle Res 2008;1:7.",
        None,
        Primary,
    ),
    s(
        Source::Toumi2014,
        "Toumi H, Davies R, Mazor M, et al. Changes in prevalence of calcaneal spurs in men & women: a random population from a trauma clinic. BMC Musculoskelet Disord 2014.",
        None,
        Primary,
    ),
    s(
        Source::McMillan2009,
        "McMillan AM, Landorf KB, Barrett JT, Menz HB, Bird AR. Diagnostic imaging for chronic plantar heel pain: a systematic review and meta-analysis. J Foot Ankle Res 2009;2:32.",
        Some("PMC2784446"),
        Primary,
    ),
    s(
        Source::Matthews2021,
        "Matthews W, Ellis R, Furness J, Hing WA. The clinical diagnosis of Achilles tendinopathy: a scoping review. PeerJ 2021;9:e12166.",
        None,
        Primary,
    ),
    s(
        Source::Hutchison2013,
        "Hutchison AM, Evans R, Bodger O, et al. What is the best clinical test for Achilles tendinopathy? Foot Ankle Surg 2013;19:112-7.",
        None,
        Secondary,
    ),
    s(
        Source::Reiman2014,
        "Reiman M, Burgi C, Strube E, et al. The utility of clinical measures for the diagnosis of Achilles tendon injuries: a systematic review with meta-analysis. J Athl Train 2014;49(6):820-9.",
        None,
        Primary,
    ),
    s(
        Source::Maffulli1998,
        "Maffulli N. The clinical diagnosis of subcutaneous tear of the Achilles tendon: a prospective study in 174 patients. Am J Sports Med 1998;26(2):266-70.",
        Some("PMID:9548122"),
        Primary,
    ),
    s(
        Source::MissedRuptureReview,
        "Review of missed Achilles tendon ruptures (United Kingdom).",
        Some("PMC4655731"),
        Primary,
    ),
    s(
        Source::DeJonge2011,
        "de Jonge S, van den Berg C, de Vos RJ, et al. Incidence of midportion Achilles tendinopathy in the general population. Br J Sports Med 2011;45:1026-8.",
        None,
        Primary,
    ),
    s(
        Source::DeVos2021,
        "de Vos R-J, van der Vlist AC, Zwerver J, et al. Dutch multidisciplinary guideline on Achilles tendinopathy. Br J Sports Med 2021;55:1125-34.",
        Some("doi:10.1136/bjsports-2020-103867"),
        Guideline,
    ),
    s(
        Source::VanDerVlist2019,
        "van der Vlist AC, Breda SJ, Oei EHG, Verhaar JAN, de Vos R-J. Clinical risk factors for Achilles tendinopathy: a systematic review. Br J Sports Med 2019;53(21):1352-61.",
        Some("doi:10.1136/bjsports-2018-099991"),
        Primary,
    ),
    s(
        Source::Alves2019,
        "Alves C, Mendes D, Batel Marques F. Fluoroquinolones and the risk of tendon injury: a systematic review and meta-analysis. Eur J Clin Pharmacol 2019;75:1431-43.",
        None,
        Primary,
    ),
    s(
        Source::Morales2019,
        "Morales DR, Slattery J, Pacurariu A, et al. Relative and absolute risk of tendon rupture with fluoroquinolone and concomitant fluoroquinolone/corticosteroid therapy. Clin Drug Investig 2019;39(2):205-13.",
        Some("PMC6394638"),
        Primary,
    ),
    s(
        Source::Jayaseelan2019,
        "Jayaseelan DJ, Mischke JJ, Strazzulla RL. Eccentric exercise for Achilles tendinopathy: a narrative review and clinical decision-making considerations. J Funct Morphol Kinesiol 2019.",
        None,
        Primary,
    ),
    s(
        Source::Geideman2000,
        "Geideman WM, Johnson JE. Posterior tibial tendon dysfunction. J Orthop Sports Phys Ther 2000;30(2):68-77.",
        None,
        Primary,
    ),
    s(
        Source::StatPearlsPttd,
        "StatPearls. Posterior tibial tendon dysfunction (2024).",
        None,
        Secondary,
    ),
    s(
        Source::Davda2017,
        "Davda K, Malhotra K, O'Donnell P, Singh D, Cullen N. Peroneal tendon disorders. EFORT Open Rev 2017;2:281-292.",
        Some("doi:10.1302/2058-5241.2.160047"),
        Primary,
    ),
    s(
        Source::Kinoshita2001,
        "Kinoshita M, Okuda R, Morikawa J, Jotoku T, Abe M. The dorsiflexion-eversion test for diagnosis of tarsal tunnel syndrome. J Bone Joint Surg Am 2001;83(12):1835-9.",
        None,
        Primary,
    ),
    s(
        Source::Ahmad2012,
        "Ahmad M, Tsang K, Mackenney PJ, Adedapo AO. Tarsal tunnel syndrome: a literature review. Foot Ankle Surg 2012;18:149-52.",
        None,
        Primary,
    ),
    s(
        Source::StanfordTarsalTunnel,
        "Stanford Medicine 25. Tarsal tunnel syndrome.",
        Some("https://stanfordmedicine25.stanford.edu/the25/tarsaltunnel.html"),
        Secondary,
    ),
    s(
        Source::Chundru2008,
        "Chundru U, Liebeskind A, Seidelmann F, et al. Plantar fasciitis and calcaneal spur formation are associated with abductor digiti minimi atrophy on MRI of the foot. Skeletal Radiol 2008.",
        Some("doi:10.1007/s00256-008-0455-2"),
        Primary,
    ),
    s(
        Source::FpnotebookCalcanealStressFracture,
        "fpnotebook. Calcaneal stress fracture.",
        Some("https://fpnotebook.com/Ortho/Foot/ClcnsStrsFrctr.htm"),
        Secondary,
    ),
    s(
        Source::FpnotebookNavicular,
        "fpnotebook. Tarsal navicular stress fracture.",
        Some("https://fpnotebook.com/Ortho/Foot/TrslNvclrStrsFrctr.htm"),
        Secondary,
    ),
    s(
        Source::FpnotebookSevers,
        "fpnotebook. Calcaneal apophysitis.",
        Some("https://fpnotebook.com/Ortho/Ankle/ClcnlAphysts.htm"),
        Secondary,
    ),
    s(
        Source::AaosNavicular,
        "American Academy of Orthopaedic Surgeons. Navicular stress fracture (educational item 2118930).",
        Some("https://learn.aaos.org"),
        Guideline,
    ),
    s(
        Source::NavicularReview2017,
        "Tarsal navicular stress fractures. Curr Rev Musculoskelet Med 2017.",
        Some("PMC5344863"),
        Primary,
    ),
    s(
        Source::StressFracturesHindfoot2020,
        "Stress fractures of the ankle and hindfoot. In: Stress Fractures in Athletes. Springer, 2020.",
        Some("doi:10.1007/978-3-030-46919-1_18"),
        Primary,
    ),
    s(
        Source::StressFracturesAnkle2015,
        "Stress fractures of the ankle. In: Stress Fractures in Athletes. Springer, 2015:161-169.",
        None,
        Primary,
    ),
    s(
        Source::Mayer2014,
        "Mayer SW, Joyner PW, Almekinders LC, Parekh SG. Stress fractures of the foot and ankle in athletes. Sports Health 2014;6(6):481-91.",
        Some("PMC4212349"),
        Primary,
    ),
    s(
        Source::Vasiliadis2017,
        "Vasiliadis AV. Common stress fractures in runners: an analysis. Saudi J Sports Med 2017;17(1):1-6.",
        None,
        Primary,
    ),
    s(
        Source::Knechtle2021,
        "Knechtle B, Jastrzębski Z, Hill L, Nikolaidis PT. Vitamin D and stress fractures in sport: preventive and therapeutic measures. Medicina 2021;57(3):223.",
        None,
        Primary,
    ),
    s(
        Source::Mountjoy2023,
        "Mountjoy M, Ackerman KE, Bailey DM, et al. 2023 International Olympic Committee's consensus statement on relative energy deficiency in sport (REDs). Br J Sports Med 2023;57(17):1073-98.",
        None,
        Guideline,
    ),
    s(
        Source::ODonnellHindfootArthritis,
        "O'Donnell SW, Bluman EM. Hindfoot arthritis. In: AAOS Orthopaedic Knowledge Update: Foot and Ankle.",
        None,
        Secondary,
    ),
    s(
        Source::Kaeley2019,
        "Kaeley GS, Ranganath VK, Roth J. The elusive but painful subtalar joint in rheumatoid arthritis. J Rheumatol 2019;46(4):333-6.",
        None,
        Primary,
    ),
    s(
        Source::KoreanHeelEnthesitis,
        "Comparison of heel pain in spondyloarthritis and mechanical heel pain (41 patients). Korean journal article.",
        Some("https://synapse.koreamed.org/articles/1103417"),
        Primary,
    ),
    s(
        Source::EnthesisInfo,
        "enthesis.info. Enthesitis in spondyloarthritis.",
        None,
        Secondary,
    ),
    s(
        Source::James2013,
        "James AM, Williams CM, Haines TP. Effectiveness of interventions in reducing pain and maintaining physical activity in children and adolescents with calcaneal apophysitis (Sever's disease): a systematic review. J Foot Ankle Res 2013;6:16.",
        None,
        Primary,
    ),
    s(
        Source::Wiegerinck2014,
        "Wiegerinck JI, Yntema C, Brouwer HJ, Struijs PA. Incidence of calcaneal apophysitis in the general population. Eur J Pediatr 2014;173(5):677-9.",
        None,
        Primary,
    ),
    s(
        Source::RodriguezSanz2018,
        "Rodríguez-Sanz D, Becerro-de-Bengoa-Vallejo R, López-López D, et al. Slow velocity of the center of pressure and high heel pressures may increase the risk of Sever's disease: a case-control study. BMC Pediatr 2018;18:357.",
        None,
        Primary,
    ),
    s(
        Source::Volpe2004,
        "Volpe RG. Sever's disease. Podiatry Today 2004.",
        None,
        Secondary,
    ),
    s(
        Source::ClevelandFatPad,
        "Cleveland Clinic. Heel fat pad syndrome.",
        Some("https://my.clevelandclinic.org/health/diseases/23275-heel-fat-pad-syndrome"),
        PatientInformation,
    ),
    s(
        Source::Lee2014,
        "Lee HS, Choi YR, Kim SW, et al. Risk factors affecting chronic rupture of the plantar fascia. Foot Ankle Int 2014;35(3):258-63.",
        None,
        Primary,
    ),
    s(
        Source::FasciaRupture1994,
        "Plantar fascia rupture associated with corticosteroid injection. Foot Ankle Int 1994;15(7):376-81.",
        Some("PMID:7951973"),
        Primary,
    ),
    s(
        Source::OsteomyelitisCase2015,
        "Delayed recognition of pediatric calcaneal osteomyelitis: a case report. J Med Case Rep 2015;9:185.",
        Some("doi:10.1186/s13256-015-0657-x"),
        Primary,
    ),
    s(
        Source::PaediatricOsteomyelitis2024,
        "Pediatric calcaneal osteomyelitis: 128 cases. BMC Infect Dis 2024;24:998.",
        None,
        Primary,
    ),
    s(
        Source::Walters2014,
        "Walters JL, Gangopadhyay P, Malay DS. Association of calcaneal and spinal fractures. J Foot Ankle Surg 2014;53(3):279-81.",
        None,
        Primary,
    ),
    s(
        Source::Bachmann2003,
        "Bachmann LM, Kolb E, Koller MT, Steurer J, ter Riet G. Accuracy of Ottawa ankle rules to exclude fractures of the ankle and mid-foot: systematic review. BMJ 2003;326:417.",
        Some("doi:10.1136/bmj.326.7386.417"),
        Primary,
    ),
    s(
        Source::Yan2018,
        "Yan L, Zong J, Chu J, et al. Primary tumours of the calcaneus. Oncol Lett 2018;15(6):8901-14.",
        None,
        Primary,
    ),
    s(
        Source::NhsGlosRedFlags,
        "NHS Gloucestershire. Red flags for foot and ankle conditions.",
        Some("https://g-care.glos.nhs.uk/pathway/68/resource/3"),
        Guideline,
    ),
    s(
        Source::DiabetesUk,
        "Diabetes UK. Serious foot problems.",
        Some(
            "https://www.diabetes.org.uk/guide-to-diabetes/complications/feet/serious-foot-problem",
        ),
        PatientInformation,
    ),
    s(
        Source::Lopes2012,
        "Lopes AD, Hespanhol LC Jr, Yeung SS, Costa LO. What are the main running-related musculoskeletal injuries? A systematic review. Sports Med 2012;42(10):891-905.",
        Some("PMC4269925"),
        Primary,
    ),
    s(
        Source::Nielsen2014Recovery,
        "Nielsen RO, Rønnow L, Rasmussen S, Lind M. A prospective study on time to recovery in 254 injured novice runners. PLoS ONE 2014;9(6):e99877.",
        None,
        Primary,
    ),
    s(
        Source::Riel2019,
        "Riel H, Lindstrøm CF, Rathleff MS, Jensen MB, Olesen JL. Prevalence and incidence rate of lower-extremity tendinopathies in a Danish general practice. BMC Musculoskelet Disord 2019.",
        Some("doi:10.1186/s12891-019-2629-6"),
        Primary,
    ),
    s(
        Source::Thomas2019,
        "Thomas MJ, Whittle R, Menz HB, et al. Plantar heel pain in middle-aged and older adults: population prevalence, associations with health status and lifestyle factors, and frequency of healthcare use. BMC Musculoskelet Disord 2019.",
        Some("doi:10.1186/s12891-019-2718-6"),
        Primary,
    ),
    s(
        Source::Frandsen2025,
        "Frandsen JSB, Hulme A, Parner ET, et al. How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study. Br J Sports Med 2025.",
        None,
        Primary,
    ),
    s(
        Source::SeedArticle,
        "Heel pain after running (a footwear retailer's patient-education article; the project's seed document).",
        Some("shared/seed/heel-pain-after-running.txt"),
        Secondary,
    ),
    s(
        Source::NhsHeelPain,
        "NHS heel pain patient page (NHS factsheet copies: axahealth, nidirect).",
        None,
        PatientInformation,
    ),
    s(
        Source::SouthernHealthAchilles,
        "Southern Health NHS Foundation Trust. Achilles tendinopathy patient leaflet.",
        None,
        PatientInformation,
    ),
    s(
        Source::NhsBordersPttd,
        "NHS Borders RefHelp. Flat foot / posterior tibial tendon dysfunction referral guidance.",
        None,
        Guideline,
    ),
    s(
        Source::NiceNg226,
        "NICE NG226. Osteoarthritis in over 16s: diagnosis and management. 2022.",
        None,
        Guideline,
    ),
    s(
        Source::NiceQs33,
        "NICE QS33 / CG79. Rheumatoid arthritis in over 16s.",
        None,
        Guideline,
    ),
    s(
        Source::NiceNg65,
        "NICE NG65 / QS170. Spondyloarthritis in over 16s: diagnosis and management.",
        None,
        Guideline,
    ),
    s(
        Source::SheffieldSevers,
        "Sheffield Children's NHS Foundation Trust. Sever's disease patient leaflet; Keeping Me Well (NHS children's podiatry).",
        None,
        PatientInformation,
    ),
    s(
        Source::NhsOsteomyelitis,
        "NHS. Osteomyelitis patient page (mirrors).",
        None,
        PatientInformation,
    ),
    s(
        Source::Stiell1992,
        "Stiell IG, et al. A study to develop clinical decision rules for the use of radiography in acute ankle injuries. Ann Emerg Med 1992;21(4):384-90.",
        Some("PMID 1554175"),
        Primary,
    ),
    s(
        Source::Beckenkamp2017,
        "Beckenkamp PR, et al. Diagnostic accuracy of the Ottawa Ankle and Midfoot Rules: a systematic review with meta-analysis. Br J Sports Med 2017;51(6):504-10.",
        None,
        Primary,
    ),
    s(
        Source::Vuurberg2018,
        "Vuurberg G, et al. Diagnosis, treatment and prevention of ankle sprains: update of an evidence-based clinical guideline. Br J Sports Med 2018;52:956.",
        Some("doi:10.1136/bjsports-2017-098106"),
        Guideline,
    ),
    s(
        Source::NetterstromWedin2021,
        "Netterström-Wedin F, Matthews M, Bleakley C. Diagnostic accuracy of clinical tests assessing ligamentous injury of the talocrural and subtalar joints: systematic review with meta-analysis. Sports Health 2021.",
        Some("doi:10.1177/19417381211029953"),
        Primary,
    ),
    s(
        Source::Doherty2014,
        "Doherty C, et al. The incidence and prevalence of ankle sprain injury: a systematic review and meta-analysis of prospective epidemiological studies. Sports Med 2014;44(1):123-40.",
        Some("doi:10.1007/s40279-013-0102-5"),
        Primary,
    ),
    s(
        Source::Hansoulle2024,
        "Hansoulle T, et al. Do we underestimate the frequency of ankle sprains in running? Systematic review and meta-analysis. Phys Ther Sport 2024;68:60-70.",
        Some("doi:10.1016/j.ptsp.2024.06.009"),
        Primary,
    ),
    s(
        Source::NhsSprains,
        "NHS. Sprains and strains patient page (mirrors).",
        None,
        PatientInformation,
    ),
    s(
        Source::FootEducationHeelBruise,
        "FootEducation. Heel contusion - heel bruise.",
        Some("https://footeducation.com/heel-contusion-heel-bruise/"),
        Secondary,
    ),
    s(
        Source::RoseSinghInferiorHeel,
        "Rose B, Singh D. Inferior heel pain. Orthopaedics and Trauma (review).",
        None,
        Primary,
    ),
    s(
        Source::VanDerWindt2010,
        "van der Windt DAWM, et al. Physical examination for lumbar radiculopathy due to disc herniation in patients with low-back pain. Cochrane Database Syst Rev 2010;CD007431.",
        None,
        Primary,
    ),
    s(
        Source::NhsSciatica,
        "NHS. Sciatica patient page (mirror).",
        None,
        PatientInformation,
    ),
    s(
        Source::GirftCes,
        "GIRFT. National Suspected Cauda Equina Syndrome Pathway (2023); BMJ Best Practice, cauda equina syndrome.",
        Some(
            "https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/",
        ),
        Guideline,
    ),
    s(
        Source::AmssmFhl,
        "AMSSM (sportsmedtoday.com). Flexor hallucis longus tendinopathy fact sheet.",
        None,
        PatientInformation,
    ),
    s(
        Source::FhlTenosynovitis1998,
        "Flexor hallucis longus dysfunction: 19 operated cases of stenosing tenosynovitis. J Foot Ankle Surg 1998;37(2):101-9.",
        Some("PMID 9571456"),
        Primary,
    ),
    s(
        Source::Janssens2010,
        "Janssens HJ, et al. A diagnostic rule for acute gouty arthritis in primary care without joint fluid analysis. Arch Intern Med 2010;170(13):1120-6.",
        None,
        Primary,
    ),
    s(
        Source::Kuo2015,
        "Kuo C-F, et al. Rising burden of gout in the UK but continuing suboptimal management. Ann Rheum Dis 2015;74:661-7.",
        None,
        Primary,
    ),
    s(
        Source::NhsGout,
        "NHS. Gout patient page (NHS 111 Wales copy).",
        Some("https://111.wales.nhs.uk/encyclopaedia/g/article/gout/"),
        PatientInformation,
    ),
    s(
        Source::Margaretten2007,
        "Margaretten ME, et al. Does this adult patient have septic arthritis? JAMA 2007;297(13):1478-88 (fever sensitivity as quoted by a decision-support site).",
        None,
        Secondary,
    ),
    s(
        Source::EsvsAli2020,
        "Björck M, et al. ESVS 2020 clinical practice guidelines on the management of acute limb ischaemia. Eur J Vasc Endovasc Surg 2020;59:173-218 (summary).",
        None,
        Secondary,
    ),
    s(
        Source::NiceNg12,
        "NICE NG12. Suspected cancer: recognition and referral (bone sarcoma recommendations, as summarised); Downie S, et al. BMJ 2021;372:n98.",
        None,
        Secondary,
    ),
    s(
        Source::NiceSepsis,
        "NICE NG51 / NG254. Suspected sepsis: recognition and early management (\"could this be sepsis?\"; immunosuppression).",
        None,
        Guideline,
    ),
    s(
        Source::ODonnellPostTraumatic,
        "Hindfoot and ankle arthritis after trauma (AAOS OKU chapter, O'Donnell SW, Bluman EM), post-traumatic causes.",
        None,
        Secondary,
    ),
];
