//! Property tests: invariants that must hold for every possible assessment.

// The fast path must match the full report bit for bit, so exact float
// comparison is intended here.
#![allow(clippy::float_cmp)]

use heel_core::knowledge::{LIKELIHOODS, TRIAGE_RULES, Test};
use heel_core::{
    Answer, AnswerKind, Assessment, Condition, Item, Location, Locations, Report, Setting,
    TriageLevel, assess, rule_level, score,
};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

fn answer_for(item: Item) -> BoxedStrategy<Option<Answer>> {
    match item.info().kind {
        AnswerKind::YesNo => prop_oneof![
            2 => Just(None),
            1 => Just(Some(Answer::Present)),
            1 => Just(Some(Answer::Absent)),
        ]
        .boxed(),
        AnswerKind::Choice { options } => (0..=options.len())
            .prop_map(move |i| options.get(i).map(|&c| Answer::Choice(c)))
            .boxed(),
        AnswerKind::Locations => any::<u16>()
            .prop_map(|bits| {
                let set: Locations = Location::ALL
                    .iter()
                    .copied()
                    .filter(|l| bits & (1 << l.index()) != 0)
                    .collect();
                (!set.is_empty()).then_some(Answer::Locations(set))
            })
            .boxed(),
        AnswerKind::Number { min, max, .. } => prop_oneof![
            Just(None),
            (min..=max).prop_map(|v| Some(Answer::Number(v))),
        ]
        .boxed(),
        _ => Just(None).boxed(),
    }
}

fn setting() -> impl Strategy<Value = Option<Setting>> {
    (0..=Setting::COUNT).prop_map(|i| Setting::ALL.get(i).copied())
}

/// Any valid assessment.
fn assessment() -> impl Strategy<Value = Assessment> {
    let answers: Vec<_> = Item::ALL.iter().map(|&i| answer_for(i)).collect();
    (setting(), answers).prop_map(|(setting, answers)| {
        let mut a = Assessment::new();
        a.set_setting(setting);
        for (&item, answer) in Item::ALL.iter().zip(answers) {
            if let Some(answer) = answer {
                a.set(item, answer).expect("generated answers are valid");
            }
        }
        if a.validate().is_err() {
            // Random height and weight can give an implausible BMI.
            a.clear(Item::WeightKg).clear(Item::Bmi);
        }
        a
    })
}

fn check_report(a: &Assessment, r: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.conditions.len(), Condition::COUNT);
    for w in r.conditions.windows(2) {
        prop_assert!(w[0].probability >= w[1].probability, "ranked");
    }
    let total: f64 = r.conditions.iter().map(|c| c.probability).sum();
    prop_assert!(
        (total - 1.0).abs() < 1e-9,
        "the differential sums to 1, not {}",
        total
    );
    let priors: f64 = r.conditions.iter().map(|c| c.prior).sum();
    prop_assert!((priors - 1.0).abs() < 1e-9, "the prior shares sum to 1");
    for c in &r.conditions {
        prop_assert!(c.probability.is_finite() && (0.0..=1.0).contains(&c.probability));
        prop_assert!((0.0..1.0).contains(&c.prior));
        prop_assert!((c.prior.ln() - c.log_prior).abs() < 1e-12);
        let sum: f64 = c.log_prior + c.contributions.iter().map(|k| k.applied).sum::<f64>();
        prop_assert!((sum - c.log_score).abs() < 1e-9, "contributions add up");
        let p = (c.log_score - r.log_normaliser).exp();
        prop_assert!(
            (p - c.probability).abs() < 1e-12,
            "normalisation explains the probability"
        );
        for k in &c.contributions {
            prop_assert!(k.log_lr != 0.0);
            prop_assert!((k.likelihood_ratio.ln() - k.log_lr).abs() < 1e-9);
            prop_assert!((k.log_lr * k.weight - k.applied).abs() < 1e-15);
            prop_assert!(k.weight >= 0.0);
        }
    }
    prop_assert!(!r.triage.reasons.is_empty());
    let max = r.triage.reasons.iter().map(|x| x.level).max();
    prop_assert_eq!(Some(r.triage.level), max);
    prop_assert!(r.triage.level >= rule_level(a), "rules are never lowered");
    prop_assert!(r.notice.contains("not a diagnosis"));
    prop_assert!(!r.care_plan.steps.is_empty());
    Ok(())
}

/// Answers that make `test` hold, using only present findings, chosen
/// options, numbers just past a threshold and the first listed place.
fn satisfy(test: &Test, a: &mut Assessment) {
    match *test {
        Test::Present(i) => {
            a.set(i, Answer::Present).unwrap();
        }
        Test::Is(i, c) => {
            a.set(i, Answer::Choice(c)).unwrap();
        }
        Test::Above(i, x) => {
            a.set(i, Answer::Number(x + 1.0)).unwrap();
        }
        Test::Below(i, x) => {
            a.set(i, Answer::Number(x - 1.0)).unwrap();
        }
        Test::PainAt(places) => {
            let mut set = a.locations();
            set.insert(places[0]);
            a.set(Item::PainLocation, Answer::Locations(set)).unwrap();
        }
        Test::All(ts) => ts.iter().for_each(|t| satisfy(t, a)),
        Test::Any(ts) => satisfy(&ts[0], a),
        // Unknown satisfies "not present" and `Not(...)` of a numeric test.
        _ => {}
    }
}

fn items_in(test: &Test, out: &mut Vec<Item>) {
    match *test {
        Test::Present(i)
        | Test::NotPresent(i)
        | Test::Is(i, _)
        | Test::Above(i, _)
        | Test::Below(i, _) => out.push(i),
        Test::PainAt(_) => out.push(Item::PainLocation),
        Test::All(ts) | Test::Any(ts) => ts.iter().for_each(|t| items_in(t, out)),
        Test::Not(t) => items_in(t, out),
        _ => {}
    }
}

/// 256 cases per property in the test command; `HEEL_PROPTEST_CASES=20000`
/// for a longer search (rejections scale with it).
fn config() -> ProptestConfig {
    let cases = std::env::var("HEEL_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        max_global_rejects: cases.saturating_mul(8).max(1024),
        // Tests have no lib.rs beside them, so name the file outright
        // (cargo runs tests from the package directory).
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/properties.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_parses_without_panic(text in ".{0,300}") {
        let p = heel_core::parse(&text).unwrap();
        for f in &p.findings {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert_eq!(&text[f.span.start..f.span.end], f.span.text.as_str());
            prop_assert!(!(f.hedged && f.answer.is_some()));
        }
        prop_assert!(p.assessment.validate().is_ok());
        assess(&p.assessment).unwrap();
    }

    #[test]
    fn wordy_texts_parse_without_panic(words in proptest::collection::vec(select(vec![
        "no", "not", "maybe", "?", "heel", "left", "right", "both", "6/52", "3/12", "7/10",
        "5'5\"", "13", "stone", "kg", "lbs", "miles", "a", "week", "ago", "yesterday", "my",
        "son", "I'm", "41", "M", "F", "pain", "swelling", "fever", "broke", "years", ",", ".",
        "-", ":", "but", "and", "or", "since", "last", "summer", "forty-one", "out", "of", "10",
        "inner", "side", "under", "back", "achilles", "ankle", "bone", "doesn't", "hurt",
    ]), 0..80)) {
        let text = words.join(" ");
        let p = heel_core::parse(&text).unwrap();
        prop_assert!(p.assessment.validate().is_ok());
        assess(&p.assessment).unwrap();
    }

    #[test]
    fn reports_are_well_formed(a in assessment()) {
        let r = assess(&a).unwrap();
        check_report(&a, &r)?;
    }

    #[test]
    fn assessment_is_deterministic_and_matches_the_fast_path(a in assessment()) {
        let r1 = assess(&a).unwrap();
        let r2 = assess(&a.clone()).unwrap();
        prop_assert_eq!(&r1, &r2);
        let s = score(&a).unwrap();
        for c in &r1.conditions {
            prop_assert_eq!(s.probability(c.id), c.probability);
        }
        prop_assert_eq!(s.top().0, r1.conditions[0].id);
    }

    #[test]
    fn unknown_answers_change_nothing(
        a in assessment(),
        picks in proptest::collection::vec((select(Item::ALL), any::<bool>()), 1..20),
    ) {
        let base = assess(&a).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
        let answers = doc["answers"].as_object_mut().unwrap();
        for (item, as_null) in picks {
            if !a.is_answered(item) {
                let v = if as_null || item.info().kind != AnswerKind::YesNo {
                    serde_json::Value::Null
                } else {
                    serde_json::Value::from("unknown")
                };
                answers.insert(item.as_str().to_owned(), v);
            }
        }
        let with_unknowns = Assessment::from_json(&doc.to_string()).unwrap();
        prop_assert_eq!(&with_unknowns, &a);
        prop_assert_eq!(assess(&with_unknowns).unwrap(), base);
    }

    #[test]
    fn a_finding_never_moves_a_condition_against_its_ratio(
        a in assessment(),
        row in select(LIKELIHOODS),
    ) {
        // Against `other` (which has no ratio for the answer), a condition's
        // odds move in the direction of its ratio, whatever the groups do;
        // only completing a published cluster may replace the answers.
        prop_assume!(row.answer == "present" || row.answer == "absent");
        prop_assume!(row.condition != Condition::Other && row.setting.is_none());
        prop_assume!(!a.is_answered(row.item));
        prop_assume!(!LIKELIHOODS.iter().any(|l| l.item == row.item && l.condition == Condition::Other));
        // ... nor may an answer that switches a cluster on (trauma makes the
        // Ottawa rules apply, and a negative rule rightly lowers fracture).
        prop_assume!(!heel_core::knowledge::groups::CLUSTERS.iter().any(|k| {
            let mut gate = Vec::new();
            if let Some(t) = &k.applies_when {
                items_in(t, &mut gate);
            }
            k.members.contains(&row.item) || gate.contains(&row.item)
        }));
        let answer = if row.answer == "present" { Answer::Present } else { Answer::Absent };
        let odds = |a: &Assessment| {
            let s = score(a).unwrap();
            s.probability(row.condition) / s.probability(Condition::Other)
        };
        let before = odds(&a);
        let after = odds(&a.clone().with(row.item, answer).unwrap());
        if row.ratio > 1.0 {
            prop_assert!(after >= before * (1.0 - 1e-12), "{} {} raised? {before} -> {after}", row.item, row.answer);
        } else if row.ratio < 1.0 {
            prop_assert!(after <= before * (1.0 + 1e-12), "{} {} lowered? {before} -> {after}", row.item, row.answer);
        }
    }

    #[test]
    fn a_red_flag_always_reaches_its_level(
        rule in select(&TRIAGE_RULES[..]),
        other in assessment(),
    ) {
        let mut a = Assessment::new();
        satisfy(&rule.test, &mut a);
        let mut own = Vec::new();
        items_in(&rule.test, &mut own);
        // Everything else, answered at random.
        a.set_setting(other.setting());
        for (item, answer) in other.answers() {
            if !own.contains(&item) {
                a.set(item, answer).unwrap();
            }
        }
        if a.validate().is_err() {
            a.clear(Item::WeightKg).clear(Item::Bmi);
        }
        let r = assess(&a).unwrap();
        prop_assert!(
            r.triage.reasons.iter().any(|x| x.rule == Some(rule.id)),
            "rule {} should fire", rule.id
        );
        prop_assert!(r.triage.level >= rule.level, "rule {} reached only {}", rule.id, r.triage.level);
        // The interview sees the same level, and the JSON document gives the same report.
        let q = heel_core::next_questions(&a, &heel_core::QuestionOptions::default().with_limit(1)).unwrap();
        prop_assert!(q.rule_level >= rule.level, "the interview sees only {}", q.rule_level);
        prop_assert_eq!(heel_core::assess_json(&a.to_json()).unwrap(), r);
    }

    #[test]
    fn the_order_of_answers_never_changes_the_report(
        a in assessment(),
        seed in any::<u64>(),
    ) {
        // The same answers, given in a shuffled order: through the Rust API
        // (set one by one) and as a JSON document with its keys shuffled.
        let base = assess(&a).unwrap();
        let mut answers: Vec<(Item, Answer)> = a.answers().collect();
        shuffle(&mut answers, seed);
        let mut again = Assessment::new();
        again.set_setting(a.setting());
        for &(item, answer) in &answers {
            again.set(item, answer).unwrap();
        }
        prop_assert_eq!(&again, &a);
        prop_assert_eq!(&assess(&again).unwrap(), &base);

        let doc: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
        let mut entries: Vec<String> = doc["answers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::Value::from(k.as_str())))
            .collect();
        shuffle(&mut entries, seed.rotate_left(17));
        let setting = doc.get("setting").map_or(String::new(), |s| format!(r#""setting":{s},"#));
        let text = format!(r#"{{{setting}"answers":{{{}}}}}"#, entries.join(","));
        let from_text = heel_core::assess_json(&text).unwrap();
        prop_assert_eq!(&from_text, &base);
        // Bit for bit, floats included.
        prop_assert_eq!(from_text.to_json(), base.to_json());
    }

    #[test]
    fn the_differential_sums_to_one_and_explanations_add_up_in_every_setting(
        a in assessment(),
        setting in select(Setting::ALL),
    ) {
        let a = a.with_setting(setting);
        let r = assess(&a).unwrap();
        check_report(&a, &r)?;
        // The log normaliser is the log-sum-exp of the scores.
        let sum: f64 = r.conditions.iter().map(|c| (c.log_score - r.log_normaliser).exp()).sum();
        prop_assert!((sum - 1.0).abs() < 1e-9, "sum {}", sum);
        // Each cause's explanation is its own: the contributions name answered items only.
        for c in &r.conditions {
            for k in &c.contributions {
                prop_assert!(a.is_answered(k.item) || derived(k.item, &a), "{} explains with {}", c.id, k.item);
            }
        }
    }

    #[test]
    fn documents_round_trip(a in assessment()) {
        let again = Assessment::from_json(&a.to_json()).unwrap();
        prop_assert_eq!(&again, &a);
        let r = assess(&a).unwrap();
        let back: Report = serde_json::from_str(&r.to_json()).unwrap();
        prop_assert_eq!(back, r);
    }

    #[test]
    fn fhir_responses_round_trip(a in assessment()) {
        let qr = heel_core::fhir::questionnaire_response(&a);
        let again = heel_core::fhir::assessment_from_response_json(&qr.to_json()).unwrap();
        prop_assert_eq!(&again, &a);
        prop_assert!(heel_core::fhir::bundle(&a).is_ok());
    }

    #[test]
    fn arbitrary_fhir_responses_never_panic(
        link in select(Item::ids().chain(["profile", "setting", "red_flag_screens"]).collect::<Vec<_>>()),
        value in fhir_value(),
        answer in fhir_value(),
    ) {
        use serde_json::json;
        let docs = [
            json!({"resourceType": "QuestionnaireResponse", "item": value.clone()}),
            json!({"resourceType": "QuestionnaireResponse", "item": [{"linkId": link, "answer": answer.clone()}]}),
            json!({"resourceType": "QuestionnaireResponse", "item": [{"linkId": link, "answer": [answer.clone()]}]}),
            json!({"resourceType": "QuestionnaireResponse", "item": [
                {"linkId": "profile", "item": [{"linkId": link, "answer": [{"valueCoding": value}]}]}
            ]}),
            json!({"resourceType": "QuestionnaireResponse", "item": [{"linkId": link, "answer": [{"valueQuantity": answer}]}]}),
        ];
        for d in docs {
            match heel_core::fhir::read_json(&d.to_string()) {
                Ok(a) => prop_assert!(heel_core::fhir::bundle(&a).is_ok()),
                Err(e) => prop_assert!(!e.to_string().is_empty() && !e.code().is_empty()),
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        if let Ok(a) = Assessment::from_json(&text) {
            let _ = assess(&a);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let doc = serde_json::json!({ "answers": value.clone() });
        for text in [value.to_string(), doc.to_string()] {
            match Assessment::from_json(&text) {
                Ok(a) => { let r = assess(&a); prop_assert!(r.is_ok() || a.validate().is_err()); }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }

    #[test]
    fn plausible_documents_with_wrong_values_never_panic(
        item in select(Item::ALL),
        value in json_value(),
    ) {
        let doc = serde_json::json!({ "answers": { item.as_str(): value } });
        if let Ok(a) = Assessment::from_json(&doc.to_string()) {
            prop_assert!(assess(&a).is_ok());
        }
    }
}

/// A deterministic Fisher-Yates shuffle (xorshift), so a failure can be replayed.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// Items whose contribution comes from other answers (a BMI computed from
/// height and weight).
fn derived(item: Item, a: &Assessment) -> bool {
    item == Item::Bmi && a.bmi().is_some_and(|(_, computed)| computed)
}

/// Arbitrary JSON values, biased towards the shapes and ids heel uses.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let ids: Vec<&'static str> = Item::ids()
        .chain(Location::ids())
        .chain(["present", "absent", "unknown", "female", "both", "runners"])
        .collect();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-200i64..400).prop_map(Value::from),
        select(ids).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let keys = prop_oneof![
            select(Item::ids().collect::<Vec<_>>()).prop_map(str::to_owned),
            "[a-z_]{1,10}"
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            proptest::collection::vec((keys, inner), 0..8)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Arbitrary JSON values in the shapes of a QuestionnaireResponse's answers.
fn fhir_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let words: Vec<&'static str> = Item::ids()
        .chain(Location::ids())
        .chain(["Y", "N", "asked-unknown", "female", "runners", "kg", "a"])
        .chain([
            "http://terminology.hl7.org/CodeSystem/v2-0136",
            "http://unitsofmeasure.org",
        ])
        .collect();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-50i64..400).prop_map(Value::from),
        select(words).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let keys = select(vec![
            "linkId",
            "answer",
            "item",
            "valueCoding",
            "valueDecimal",
            "valueInteger",
            "valueBoolean",
            "valueQuantity",
            "valueString",
            "code",
            "system",
            "value",
            "unit",
            "extension",
            "modifierExtension",
            "url",
            "text",
        ])
        .prop_map(str::to_owned);
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::vec((keys, inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

#[test]
fn triage_levels_are_ordered_by_urgency() {
    assert!(TriageLevel::SelfCare < TriageLevel::SeeDoctor);
    assert!(TriageLevel::SeeDoctor < TriageLevel::Urgent);
    assert!(TriageLevel::Urgent < TriageLevel::Emergency);
}
