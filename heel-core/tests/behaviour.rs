//! Behaviour the brief and the seed article ask for, checked case by case.

use heel_core::{
    Advice, Assessment, Condition, Item, ReasonKind, Report, Rule, Setting, TriageLevel, assess,
    assess_json,
};

fn report(json: &str) -> Report {
    assess_json(json).unwrap_or_else(|e| panic!("{e}\n{json}"))
}

fn fired(r: &Report, rule: Rule) -> bool {
    r.triage.reasons.iter().any(|x| x.rule == Some(rule))
}

fn advice(r: &Report) -> Vec<Advice> {
    r.care_plan.steps.iter().map(|s| s.advice).collect()
}

fn prob(r: &Report, c: Condition) -> f64 {
    r.condition(c)
        .expect("every condition is reported")
        .probability
}

const PF_BASE: &str = r#""age": 45, "pain_location": ["plantar_medial_heel"], "first_step_pain": "present", "eases_after_few_minutes": "present", "onset": "gradual""#;

#[test]
fn example_files_give_the_expected_result() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/");
    let cases = [
        (
            "runner-first-step-pain.json",
            Condition::PlantarFasciitis,
            TriageLevel::SelfCare,
        ),
        (
            "child-posterior-heel.json",
            Condition::SeversDisease,
            TriageLevel::SelfCare,
        ),
        (
            "red-flag-hot-swollen-heel.json",
            Condition::CalcanealOsteomyelitis,
            TriageLevel::Urgent,
        ),
    ];
    for (file, top, level) in cases {
        let text = std::fs::read_to_string(format!("{root}{file}")).unwrap();
        let r = report(&text);
        assert_eq!(r.conditions[0].id, top, "{file}");
        assert_eq!(r.triage.level, level, "{file}");
    }
}

#[test]
fn seed_rule_sharp_and_sudden_means_see_a_doctor() {
    let r = report(r#"{"answers": {"sharp_stabbing": "present", "onset": "sudden"}}"#);
    assert!(fired(&r, Rule::SharpAndSudden));
    assert!(r.triage.level >= TriageLevel::SeeDoctor);
    let r = report(r#"{"answers": {"unfamiliar_pain": "present"}}"#);
    assert!(fired(&r, Rule::UnfamiliarPain));
}

#[test]
fn seed_rule_many_days_means_more_than_14_without_improvement() {
    let at = |days: u32, improving: &str| {
        report(&format!(
            r#"{{"answers": {{{PF_BASE}, "duration_days": {days}, "improving": "{improving}"}}}}"#
        ))
    };
    assert!(!fired(&at(14, "unknown"), Rule::NotImprovingAfterTwoWeeks));
    assert!(fired(&at(15, "unknown"), Rule::NotImprovingAfterTwoWeeks));
    assert!(fired(&at(60, "absent"), Rule::NotImprovingAfterTwoWeeks));
    assert!(!fired(&at(60, "present"), Rule::NotImprovingAfterTwoWeeks));
    assert_eq!(at(10, "unknown").triage.level, TriageLevel::SelfCare);
    assert_eq!(at(30, "absent").triage.level, TriageLevel::SeeDoctor);
}

#[test]
fn a_suspected_stress_fracture_needs_prompt_attention_and_no_running() {
    let r = report(
        r#"{"setting": "runners", "answers": {"age": 24, "sex": "female",
            "pain_location": ["whole_heel"], "onset": "gradual", "duration_days": 20,
            "worse_with_activity": "present", "pain_on_hopping": "present",
            "training_increase": "present", "new_hard_surface": "present",
            "swelling": "present", "low_energy_availability": "present"}}"#,
    );
    assert_eq!(r.conditions[0].id, Condition::CalcanealStressFracture);
    assert!(r.triage.level >= TriageLevel::SeeDoctor);
    assert!(fired(&r, Rule::StressFracturePattern));
    let plan = advice(&r);
    assert!(plan.contains(&Advice::OffloadStressFracture));
    assert!(plan.contains(&Advice::BoneHealth));
    assert!(
        !plan.contains(&Advice::GradualReturn),
        "no return-to-running advice while a stress fracture is suspected"
    );
}

#[test]
fn a_high_risk_stress_fracture_is_urgent() {
    let r = report(
        r#"{"answers": {"age": 22, "pain_location": ["dorsal_medial_midfoot"],
            "worse_with_activity": "present", "runner": "present"}}"#,
    );
    assert!(fired(&r, Rule::HighRiskStressFractureSuspected));
    assert_eq!(r.triage.level, TriageLevel::Urgent);
    let r = report(r#"{"answers": {"n_spot_tenderness": "present"}}"#);
    assert!(fired(&r, Rule::HighRiskStressFractureSigns));
}

#[test]
fn red_flags_from_the_evidence_base_reach_their_level() {
    let cases: [(&str, Rule, TriageLevel); 17] = [
        (
            r#""fever": "present", "warmth": "present", "swelling": "present", "immunosuppressed": "present""#,
            Rule::InfectionWithSystemicSigns,
            TriageLevel::Emergency,
        ),
        (
            r#""fever": "present", "warmth": "present", "swelling": "present""#,
            Rule::FeverWithLocalSigns,
            TriageLevel::Urgent,
        ),
        (
            r#""warmth": "present", "redness": "present", "swelling": "present""#,
            Rule::HotRedSwollenHeel,
            TriageLevel::Urgent,
        ),
        (
            r#""cold_pale_foot": "present""#,
            Rule::ColdPaleFoot,
            TriageLevel::Emergency,
        ),
        (
            r#""saddle_numbness_bladder": "present""#,
            Rule::CaudaEquina,
            TriageLevel::Emergency,
        ),
        (
            r#""trauma": "present", "visible_deformity": "present""#,
            Rule::DeformityAfterInjury,
            TriageLevel::Emergency,
        ),
        (
            r#""trauma": "present", "malleolar_bone_tenderness": "present""#,
            Rule::OttawaPositive,
            TriageLevel::Urgent,
        ),
        (
            r#""immunosuppressed": "present", "swelling": "present""#,
            Rule::ImmunosuppressedHotHeel,
            TriageLevel::Urgent,
        ),
        (
            r#""cancer_history": "present", "night_pain": "present""#,
            Rule::CancerHistoryBonePain,
            TriageLevel::Urgent,
        ),
        (
            r#""puncture_wound": "present""#,
            Rule::PunctureWound,
            TriageLevel::Urgent,
        ),
        (
            r#""trauma": "present", "unable_to_bear_weight": "present""#,
            Rule::CannotBearWeightAfterInjury,
            TriageLevel::Urgent,
        ),
        (
            r#""pop_at_onset": "present", "heel_raise_unable": "present", "pain_location": ["achilles_midportion"]"#,
            Rule::SuspectedAchillesRupture,
            TriageLevel::Emergency,
        ),
        (
            r#""progressive_numbness_weakness": "present""#,
            Rule::ProgressiveNumbnessWeakness,
            TriageLevel::Urgent,
        ),
        (
            r#""diabetes": "present", "swelling": "present""#,
            Rule::DiabeticFootChanges,
            TriageLevel::Urgent,
        ),
        (
            r#""night_pain": "present""#,
            Rule::RestOrNightPain,
            TriageLevel::SeeDoctor,
        ),
        (
            r#""age": 9, "side": "right", "swelling": "present", "difficulty_walking": "present""#,
            Rule::ChildSwollenHeel,
            TriageLevel::Urgent,
        ),
        (
            r#""thompson_test": "present""#,
            Rule::SuspectedAchillesRupture,
            TriageLevel::Emergency,
        ),
    ];
    for (answers, rule, level) in cases {
        // The red flag arrives on top of an otherwise textbook plantar fasciitis.
        let mut doc: serde_json::Value =
            serde_json::from_str(&format!(r#"{{"answers": {{{PF_BASE}}}}}"#)).unwrap();
        let extra: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&format!("{{{answers}}}")).unwrap();
        doc["answers"].as_object_mut().unwrap().extend(extra);
        let r = report(&doc.to_string());
        assert!(fired(&r, rule), "{rule} did not fire for {answers}");
        assert!(
            r.triage.level >= level,
            "{rule}: {} < {level}",
            r.triage.level
        );
        assert!(r.triage.reasons[0].level >= level);
    }
}

#[test]
fn children_with_posterior_heel_pain_get_severs_and_adults_do_not() {
    let answers = r#""pain_location": ["achilles_insertion"], "worse_with_activity": "present", "jumping_sport": "present", "onset": "gradual""#;
    let child = report(&format!(r#"{{"answers": {{"age": 11, {answers}}}}}"#));
    assert_eq!(
        child.setting,
        Setting::Children,
        "age under 18 picks the children priors"
    );
    assert_eq!(child.conditions[0].id, Condition::SeversDisease);
    let adult = report(&format!(r#"{{"answers": {{"age": 35, {answers}}}}}"#));
    assert!(
        prob(&adult, Condition::SeversDisease) < 0.01,
        "no Sever's after skeletal maturity"
    );
    assert_ne!(adult.conditions[0].id, Condition::SeversDisease);
}

#[test]
fn a_large_plantar_spur_is_unlikely_before_40() {
    let at = |age: u32| {
        report(&format!(
            r#"{{"answers": {{"age": {age}, "pain_location": ["plantar_medial_heel"]}}}}"#
        ))
    };
    assert!(prob(&at(25), Condition::HeelSpur) < prob(&at(65), Condition::HeelSpur) / 5.0);
}

#[test]
fn absent_is_evidence_and_unknown_is_not() {
    let unknown = report(r#"{"answers": {"pain_location": ["plantar_medial_heel"]}}"#);
    let absent = report(
        r#"{"answers": {"pain_location": ["plantar_medial_heel"], "first_step_pain": "absent"}}"#,
    );
    let present = report(
        r#"{"answers": {"pain_location": ["plantar_medial_heel"], "first_step_pain": "present"}}"#,
    );
    let pf = Condition::PlantarFasciitis;
    assert!(prob(&absent, pf) < prob(&unknown, pf));
    assert!(prob(&unknown, pf) < prob(&present, pf));
    let why = absent.condition(pf).unwrap();
    let k = why
        .contributions
        .iter()
        .find(|k| k.item == Item::FirstStepPain)
        .unwrap();
    assert_eq!(k.answer, "absent");
    assert!(k.likelihood_ratio < 1.0);
    assert!(k.source.is_some());
}

#[test]
fn the_bedside_tests_use_their_published_accuracy() {
    let r = report(r#"{"answers": {"thompson_test": "present"}}"#);
    let k = &r
        .condition(Condition::AchillesRupture)
        .unwrap()
        .contributions[0];
    assert_eq!(k.item, Item::ThompsonTest);
    assert!(
        (k.likelihood_ratio - 13.7).abs() < 1e-9,
        "Maffulli 1998: LR+ 13.7"
    );
    assert_eq!(k.grade.as_str(), "published_lr");
    let r = report(r#"{"answers": {"thompson_test": "absent"}}"#);
    let k = &r
        .condition(Condition::AchillesRupture)
        .unwrap()
        .contributions[0];
    assert!(
        (k.likelihood_ratio - 0.04).abs() < 1e-9,
        "Maffulli 1998: LR- 0.04"
    );
}

#[test]
fn the_care_plan_carries_the_seed_rice_details() {
    let r = report(&format!(r#"{{"answers": {{{PF_BASE}}}}}"#));
    assert_eq!(r.triage.level, TriageLevel::SelfCare);
    let steps = &r.care_plan.steps;
    let ids: Vec<Advice> = steps.iter().map(|s| s.advice).collect();
    assert_eq!(
        ids[..5],
        [
            Advice::Rest,
            Advice::Ice,
            Advice::Compression,
            Advice::Elevation,
            Advice::SupportiveShoes
        ]
    );
    let text = |a: Advice| steps.iter().find(|s| s.advice == a).unwrap().text.clone();
    assert!(text(Advice::Rest).contains("running, jumping"));
    assert!(text(Advice::Ice).contains("20 to 30 minutes") && text(Advice::Ice).contains("towel"));
    assert!(text(Advice::Ice).contains("several times a day"));
    assert!(text(Advice::Compression).contains("firm but not too tight"));
    assert!(
        text(Advice::Elevation).contains("above the level of your heart")
            && text(Advice::Elevation).contains("pillows")
    );
    assert!(text(Advice::SupportiveShoes).contains("barefoot"));
    // Plantar fasciitis is likely, so its own advice is there too.
    assert!(ids.contains(&Advice::CalfAndFasciaStretching));
    assert!(ids.contains(&Advice::HeelCushioning));
    let pf_step = steps
        .iter()
        .find(|s| s.advice == Advice::CalfAndFasciaStretching)
        .unwrap();
    assert_eq!(pf_step.for_conditions, vec![Condition::PlantarFasciitis]);
    assert!(text(Advice::PainRelief).contains("ibuprofen"));
    assert!(r.notice.contains("not a diagnosis"));
}

#[test]
fn achilles_advice_is_load_management_and_runners_get_a_gradual_return() {
    let r = report(
        r#"{"answers": {"age": 38, "pain_location": ["achilles_midportion"], "warms_up_with_activity": "present",
            "tendon_thickening": "present", "runner": "present", "duration_days": 5}}"#,
    );
    assert_eq!(r.conditions[0].id, Condition::AchillesMidportion);
    let plan = advice(&r);
    assert!(plan.contains(&Advice::TendonLoading));
    assert!(plan.contains(&Advice::GradualReturn));
}

#[test]
fn an_emergency_plan_leads_with_getting_seen_not_ice() {
    let r = report(
        r#"{"answers": {"age": 35, "pain_location": ["achilles_midportion"], "pop_at_onset": "present",
            "onset": "sudden", "heel_raise_unable": "present"}}"#,
    );
    assert_eq!(r.triage.level, TriageLevel::Emergency);
    assert_eq!(r.conditions[0].id, Condition::AchillesRupture);
    let plan = advice(&r);
    assert_eq!(plan[0], Advice::ProtectRupture);
    assert!(!plan.contains(&Advice::Ice));
    assert!(r.care_plan.summary.contains("emergency department"));
}

#[test]
fn an_unclear_picture_means_see_a_clinician() {
    let r = report(
        r#"{"answers": {"age": 50, "sex": "male", "pain_location": ["lateral_heel"], "onset": "gradual", "duration_days": 10}}"#,
    );
    assert!(
        r.triage
            .reasons
            .iter()
            .any(|x| x.kind == ReasonKind::NoClearPattern)
    );
    assert_eq!(r.triage.level, TriageLevel::SeeDoctor);
}

#[test]
fn too_little_information_is_never_good_news() {
    // Issue 9: {"age": 11} alone says nothing about the pain.
    let r = report(r#"{"answers": {"age": 11}}"#);
    assert_ne!(r.triage.level, TriageLevel::SelfCare);
    let why = r
        .triage
        .reasons
        .iter()
        .find(|x| x.kind == ReasonKind::NotEnoughInformation)
        .expect("a not-enough-information reason");
    assert!(why.text.contains("where it hurts"), "{}", why.text);
    assert!(r.missing.contains(&Item::PainLocation) && r.missing.contains(&Item::Onset));
    // Every place ticked: too diffuse to use.
    let all: Vec<String> = heel_core::Location::ids()
        .map(|l| format!("\"{l}\""))
        .collect();
    let r = report(&format!(
        r#"{{"answers": {{"age": 40, "sex": "female", "onset": "gradual", "duration_days": 10, "pain_location": [{}]}}}}"#,
        all.join(", ")
    ));
    assert_ne!(r.triage.level, TriageLevel::SelfCare);
    assert_eq!(r.missing, vec![Item::PainLocation]);
}

#[test]
fn every_report_says_who_to_see() {
    let pf = report(&format!(
        r#"{{"answers": {{{PF_BASE}, "duration_days": 10}}}}"#
    ));
    assert_eq!(pf.triage.level, TriageLevel::SelfCare);
    assert_eq!(
        pf.triage.who_to_see[0],
        heel_core::Professional::Physiotherapist
    );
    assert!(pf.triage.who_source.is_some());
    assert!(pf.triage.who_to_see_text.contains("physiotherapist"));
    let emergency = report(r#"{"answers": {"cold_pale_foot": "present"}}"#);
    assert_eq!(
        emergency.triage.who_to_see,
        vec![heel_core::Professional::EmergencyDepartment]
    );
    let diabetic = report(r#"{"answers": {"diabetes": "present", "swelling": "present"}}"#);
    assert_eq!(
        diabetic.triage.who_to_see[0],
        heel_core::Professional::DiabeticFootTeam
    );
}

#[test]
fn each_level_says_its_time_frame() {
    for level in TriageLevel::ALL {
        let words = match level {
            TriageLevel::Emergency => "now",
            TriageLevel::Urgent => "today",
            TriageLevel::SeeDoctor => "within the next few days",
            _ => "two weeks",
        };
        assert!(
            level.action().contains(words),
            "{level}: {}",
            level.action()
        );
    }
}

#[test]
fn a_likely_condition_that_needs_a_clinician_raises_the_level() {
    let r = report(
        r#"{"answers": {"age": 55, "onset": "gradual", "pain_location": ["medial_ankle", "sole_and_toes"], "burning": "present",
            "tingling": "present", "numbness": "present", "night_pain": "absent", "radiating_pain": "present"}}"#,
    );
    assert_eq!(r.conditions[0].id, Condition::TarsalTunnelSyndrome);
    assert!(
        r.triage
            .reasons
            .iter()
            .any(|x| x.kind == ReasonKind::LikelyCondition
                && x.condition == Some(Condition::TarsalTunnelSyndrome))
    );
    assert_eq!(r.triage.level, TriageLevel::SeeDoctor);
}

#[test]
fn codes_follow_the_side_and_bmi_can_come_from_height_and_weight() {
    let r = report(
        r#"{"answers": {"side": "left", "height_cm": 170, "weight_kg": 95, "pain_location": ["achilles_insertion"]}}"#,
    );
    assert_eq!(
        r.condition(Condition::AchillesInsertional).unwrap().icd10cm,
        "M76.62"
    );
    assert_eq!(
        r.condition(Condition::PlantarFasciitis).unwrap().icd10cm,
        "M72.2"
    );
    assert!(r.remarks.iter().any(|m| m.contains("BMI 32.9")));
    let pf = r.condition(Condition::PlantarFasciitis).unwrap();
    assert!(
        pf.contributions
            .iter()
            .any(|k| k.item == Item::Bmi && k.answer == "bmi_30_plus")
    );
}

#[test]
fn several_places_average_so_a_diffuse_answer_says_less_than_a_precise_one() {
    let one = report(r#"{"answers": {"pain_location": ["heel_pad_centre"]}}"#);
    let two =
        report(r#"{"answers": {"pain_location": ["heel_pad_centre", "plantar_medial_heel"]}}"#);
    let pf = Condition::PlantarFasciitis;
    let fat = Condition::FatPadSyndrome;
    assert!(prob(&two, pf) > prob(&one, pf));
    assert!(
        prob(&two, fat) < prob(&one, fat),
        "adding a place that fits fat pad worse lowers it: more places can also subtract"
    );
    let k = two
        .condition(fat)
        .unwrap()
        .contributions
        .iter()
        .find(|k| k.item == Item::PainLocation)
        .unwrap();
    assert_eq!(k.answer, "plantar_medial_heel+heel_pad_centre");
    assert!(
        (k.likelihood_ratio - f64::midpoint(8.0, 0.6)).abs() < 1e-9,
        "the mean of the places' ratios"
    );
    // Ticking every place is weaker evidence for any cause than one precise place.
    let all: Vec<String> = heel_core::Location::ids()
        .map(|l| format!("\"{l}\""))
        .collect();
    let every = report(&format!(
        r#"{{"answers": {{"pain_location": [{}]}}}}"#,
        all.join(", ")
    ));
    let max = every.conditions[0].probability;
    let precise = report(r#"{"answers": {"pain_location": ["plantar_medial_heel"]}}"#);
    assert!(max < precise.conditions[0].probability);
}

#[test]
fn errors_are_clear_for_bad_input() {
    let err =
        Assessment::from_json(r#"{"answers": {"pain_location": ["plantar_heel"]}}"#).unwrap_err();
    let msg = err.to_string();
    assert_eq!(err.field(), "answers.pain_location[0]");
    assert!(msg.contains("did you mean `plantar_medial_heel`"), "{msg}");
    assert!(
        msg.contains("heel_pad_centre"),
        "lists what is allowed: {msg}"
    );
    let err = Assessment::from_json(&format!(
        r#"{{"answers": {{"age": 30}}, "x": "{}"}}"#,
        "y".repeat(300)
    ))
    .unwrap_err();
    assert_eq!(err.code(), "too_large");
    let err = Assessment::from_json(&"[".repeat(10_000)).unwrap_err();
    assert!(
        matches!(err.code(), "too_large" | "invalid_document"),
        "{err}"
    );
}

#[test]
fn assess_is_safe_to_call_from_many_threads() {
    let a = Assessment::from_json(&format!(r#"{{"answers": {{{PF_BASE}}}}}"#)).unwrap();
    let expected = assess(&a).unwrap();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| assess(&a).unwrap())).collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), expected);
        }
    });
}

#[test]
fn the_reviewable_knowledge_base_document_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/knowledge-base.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == heel_core::knowledge::to_markdown(),
        "docs/knowledge-base.md is out of date: run `cargo run --example knowledge_base`"
    );
}
