//! The results as a Bundle: the response, a RiskAssessment, the triage
//! Observation, a CarePlan and an anonymous Patient.

use std::fmt::Write as _;

use serde_json::{Value, json};
use uuid::Uuid;

use super::questionnaire::coding;
use super::{BASE, VERSION, code_system as cs, extension as ext, response};
use crate::Error;
use crate::assessment::Assessment;
use crate::care_plan::CarePlan;
use crate::condition::Condition;
use crate::item::{AnswerKind, Choice, Item, Location};
use crate::report::{ConditionResult, Contribution, Report, assess};
use crate::triage::{ReasonKind, Triage, TriageReason};
use crate::vocab::TriageLevel;

/// How many contributions a prediction's rationale names.
const RATIONALE_CONTRIBUTIONS: usize = 3;

/// The ids of a Bundle's resources: UUID v5 in heel's namespace, of
/// `"<resource type>|<heel version>|<assessment JSON>"`.
pub(super) struct Ids {
    pub(super) bundle: String,
    pub(super) response: String,
    pub(super) risk: String,
    pub(super) triage: String,
    pub(super) care_plan: String,
    pub(super) patient: String,
}

impl Ids {
    pub(super) fn new(a: &Assessment) -> Self {
        let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, BASE.as_bytes());
        let canonical = a.to_json();
        let id = |kind: &str| {
            let name = format!("{kind}|{VERSION}|{canonical}");
            Uuid::new_v5(&namespace, name.as_bytes()).to_string()
        };
        Ids {
            bundle: id("Bundle"),
            response: id("QuestionnaireResponse"),
            risk: id("RiskAssessment"),
            triage: id("Observation"),
            care_plan: id("CarePlan"),
            patient: id("Patient"),
        }
    }
}

fn urn(id: &str) -> String {
    format!("urn:uuid:{id}")
}

fn reference(id: &str) -> Value {
    json!({ "reference": urn(id) })
}

/// heel, as the method of an assessment.
fn method() -> Value {
    let name = format!("heel {VERSION}");
    json!({
        "coding": [{ "system": cs::METHOD, "version": VERSION, "code": "heel", "display": name }],
        "text": format!("{name}: likelihood ratios over a distribution of causes, and triage rules (decision support, not a diagnosis)")
    })
}

/// The codes of a cause: heel's id, ICD-10-CM (`icd10cm`, for the side
/// answered) and SNOMED CT where verified.
fn condition_concept(id: Condition, icd10cm: &str) -> Value {
    let info = id.info();
    let mut codings = vec![
        coding(cs::CONDITION, id.as_str(), info.name),
        json!({ "system": cs::ICD_10_CM, "code": icd10cm }),
    ];
    if let Some(sct) = info.snomed_ct {
        codings.push(json!({ "system": cs::SNOMED_CT, "code": sct }));
    }
    json!({ "coding": codings, "text": info.name })
}

/// An answer as the knowledge base names it, in words.
fn answer_words(item: Item, answer: &str) -> String {
    match answer {
        "present" => return "yes".to_owned(),
        "absent" => return "no".to_owned(),
        "rule_positive" => return "positive (published cluster)".to_owned(),
        "rule_negative" => return "negative (published cluster)".to_owned(),
        _ => {}
    }
    if let Some(c) = Choice::from_id(answer) {
        return lower_first(c.label());
    }
    if let AnswerKind::Number { bands, .. } = item.info().kind {
        if let Some(b) = bands.iter().find(|b| b.id == answer) {
            return b.label.to_owned();
        }
    }
    let places: Option<Vec<String>> = answer
        .split('+')
        .map(|id| Location::from_id(id).map(|l| lower_first(l.label())))
        .collect();
    places.map_or_else(|| answer.replace('_', " "), |p| p.join(" or "))
}

/// A label inside a sentence: "The arch" becomes "the arch".
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn contribution_words(c: &Contribution) -> String {
    format!(
        "{}: {} (likelihood ratio {:.2})",
        c.item.as_str().replace('_', " "),
        answer_words(c.item, &c.answer),
        c.likelihood_ratio
    )
}

/// Why a cause has its probability: its prior, and the answers that moved it most.
fn rationale(c: &ConditionResult) -> String {
    let mut out = format!(
        "{:.1}% before the answers, {:.1}% after.",
        c.prior * 100.0,
        c.probability * 100.0
    );
    let top = &c.contributions[..c.contributions.len().min(RATIONALE_CONTRIBUTIONS)];
    let words = |raises: bool| -> Vec<String> {
        top.iter()
            .filter(|k| (k.applied > 0.0) == raises)
            .map(contribution_words)
            .collect()
    };
    let (up, down) = (words(true), words(false));
    if !up.is_empty() {
        let _ = write!(out, " Raised most by {}.", up.join("; "));
    }
    if !down.is_empty() {
        let _ = write!(out, " Lowered most by {}.", down.join("; "));
    }
    if top.is_empty() {
        out.push_str(" No answer changed it.");
    }
    out
}

fn risk_assessment(report: &Report, ids: &Ids) -> Value {
    let predictions: Vec<Value> = report
        .conditions
        .iter()
        .map(|c| {
            let mut p = json!({
                "outcome": condition_concept(c.id, &c.icd10cm),
                "probabilityDecimal": c.probability,
                "rationale": rationale(c)
            });
            // Against the setting's prior share (every prior is positive).
            let relative = c.probability / c.prior;
            if relative.is_finite() {
                p["relativeRisk"] = json!(relative);
            }
            p
        })
        .collect();
    json!({
        "resourceType": "RiskAssessment",
        "id": ids.risk,
        "status": "final",
        "code": {
            "coding": [coding(cs::RESULT, "differential", "Differential of heel pain")],
            "text": "The main cause of the heel pain: a probability for each cause heel names and for something else"
        },
        "subject": reference(&ids.patient),
        "method": method(),
        "basis": [reference(&ids.response)],
        "prediction": predictions,
        "note": [{ "text": report.notice }]
    })
}

fn level_concept(level: TriageLevel) -> Value {
    json!({ "coding": [coding(cs::TRIAGE_LEVEL, level.as_str(), level.label())] })
}

fn reason_component(r: &TriageReason) -> Value {
    let code = match (r.kind, r.rule, r.condition) {
        (ReasonKind::Rule, Some(rule), _) => {
            json!({ "system": cs::TRIAGE_RULE, "code": rule.as_str() })
        }
        (ReasonKind::LikelyCondition, _, Some(c)) => coding(cs::CONDITION, c.as_str(), c.name()),
        (kind, ..) => json!({ "system": cs::TRIAGE_REASON, "code": kind.as_str() }),
    };
    let mut component = json!({
        "code": { "coding": [code], "text": r.text },
        "valueCodeableConcept": level_concept(r.level)
    });
    if r.red_flag {
        component["extension"] = json!([{ "url": ext::RED_FLAG, "valueBoolean": true }]);
    }
    component
}

fn triage_observation(report: &Report, triage: &Triage, ids: &Ids) -> Value {
    let mut value = level_concept(triage.level);
    value["text"] = json!(triage.action);
    let components: Vec<Value> = triage.reasons.iter().map(reason_component).collect();
    json!({
        "resourceType": "Observation",
        "id": ids.triage,
        "status": "final",
        "category": [{ "coding": [coding(cs::OBSERVATION_CATEGORY, "survey", "Survey")] }],
        "code": {
            "coding": [coding(cs::RESULT, "triage-level", "Heel pain triage level")],
            "text": "How urgently to see someone about the heel pain"
        },
        "subject": reference(&ids.patient),
        "derivedFrom": [reference(&ids.response)],
        "method": method(),
        "valueCodeableConcept": value,
        "component": components,
        "note": [{ "text": triage.who_to_see_text }, { "text": report.notice }]
    })
}

fn care_plan(report: &Report, plan: &CarePlan, ids: &Ids) -> Value {
    let activities: Vec<Value> = plan
        .steps
        .iter()
        .map(|step| {
            let mut detail = json!({
                "code": {
                    "coding": [coding(cs::ADVICE, step.advice.as_str(), &step.title)],
                    "text": step.title
                },
                "status": "not-started",
                "description": format!("{}: {}", step.title, step.text)
            });
            if !step.for_conditions.is_empty() {
                detail["reasonCode"] = step
                    .for_conditions
                    .iter()
                    .map(|&c| {
                        let icd = report
                            .condition(c)
                            .map_or(c.info().icd10cm.code, |r| &r.icd10cm);
                        condition_concept(c, icd)
                    })
                    .collect();
            }
            json!({ "detail": detail })
        })
        .collect();
    let mut out = json!({
        "resourceType": "CarePlan",
        "id": ids.care_plan,
        "status": "active",
        "intent": "proposal",
        "title": "What to do now about the heel pain",
        "description": plan.summary,
        "subject": reference(&ids.patient),
        "supportingInfo": [reference(&ids.response), reference(&ids.risk), reference(&ids.triage)],
        "note": [{ "text": report.notice }]
    });
    if !activities.is_empty() {
        out["activity"] = json!(activities);
    }
    out
}

fn entry((id, resource): (&str, Value)) -> Value {
    json!({ "fullUrl": urn(id), "resource": resource })
}

pub(super) fn bundle(a: &Assessment) -> Result<Value, Error> {
    let report = assess(a)?;
    let ids = Ids::new(a);
    let response = response::write(a, &ids.response, Some(&urn(&ids.patient)));
    let resources = [
        (ids.response.as_str(), response),
        (ids.risk.as_str(), risk_assessment(&report, &ids)),
        (
            ids.triage.as_str(),
            triage_observation(&report, &report.triage, &ids),
        ),
        (
            ids.care_plan.as_str(),
            care_plan(&report, &report.care_plan, &ids),
        ),
        (
            ids.patient.as_str(),
            json!({ "resourceType": "Patient", "id": ids.patient }),
        ),
    ];
    Ok(json!({
        "resourceType": "Bundle",
        "id": ids.bundle,
        "type": "collection",
        "entry": resources.into_iter().map(entry).collect::<Vec<_>>()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_in_words() {
        assert_eq!(answer_words(Item::Fever, "present"), "yes");
        assert_eq!(answer_words(Item::Onset, "sudden"), "suddenly");
        assert_eq!(answer_words(Item::Age, "age_40_to_59"), "40 to 59 years");
        assert_eq!(
            answer_words(Item::PainLocation, "arch+whole_heel"),
            "the arch or the whole heel"
        );
        assert_eq!(answer_words(Item::Fever, "odd_label"), "odd label");
    }

    #[test]
    fn ids_differ_by_resource_and_by_answers() {
        let a = Assessment::from_json(r#"{"answers": {"age": 40}}"#).unwrap();
        let b = Assessment::from_json(r#"{"answers": {"age": 41}}"#).unwrap();
        let (x, y) = (Ids::new(&a), Ids::new(&b));
        assert_ne!(x.patient, x.response);
        assert_ne!(x.response, y.response);
        assert_eq!(x.response, Ids::new(&a).response);
        // UUID version 5.
        assert_eq!(&x.bundle[14..15], "5");
    }
}
