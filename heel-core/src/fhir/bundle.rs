//! The results as a Bundle: the response, a RiskAssessment, the triage
//! Observation, a CarePlan and an anonymous Patient.

use std::fmt::Write as _;

use uuid::Uuid;

use super::json::{Json, object};
use super::questionnaire::coding;
use super::{BASE, VERSION, code_system as cs, extension as ext, response};
use crate::Error;
use crate::assessment::Assessment;
use crate::care_plan::CarePlan;
use crate::condition::Condition;
use crate::item::{AnswerKind, Choice, Item, Location};
use crate::report::{ConditionResult, Contribution, NOTICE, Report, assess};
use crate::triage::{ReasonKind, Triage, TriageReason};
use crate::vocab::TriageLevel;

/// How many contributions a prediction's rationale names.
const RATIONALE_CONTRIBUTIONS: usize = 3;

/// The ids of a Bundle's resources: UUID v5 in heel's namespace, of
/// `"<resource type>|<heel version>|<answers>"`, where the answers are the
/// assessment's setting and answers as `id=answer` lines in catalog order
/// (see [`canonical`]).
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
        let canonical = canonical(a);
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

/// The assessment as canonical text: `setting=<id>` when given, then one
/// `<item>=<answer>` line per answer in catalog order, each answer as the
/// knowledge base names it ([`crate::Answer::label`]: `present`, `absent`,
/// an option id, the shortest decimal text of a number, or the places in
/// catalog order joined by commas). Equal assessments give equal text.
fn canonical(a: &Assessment) -> String {
    let mut out = String::new();
    if let Some(s) = a.setting() {
        let _ = writeln!(out, "setting={s}");
    }
    for (item, answer) in a.answers() {
        let _ = writeln!(out, "{item}={}", answer.label());
    }
    out
}

fn urn(id: &str) -> String {
    format!("urn:uuid:{id}")
}

fn reference(id: &str) -> Json {
    object(vec![("reference", urn(id).into())])
}

fn note(text: impl Into<Json>) -> Json {
    object(vec![("text", text.into())])
}

/// heel, as the method of an assessment.
fn method() -> Json {
    let name = format!("heel {VERSION}");
    object(vec![
        (
            "coding",
            vec![object(vec![
                ("system", cs::METHOD.into()),
                ("version", VERSION.into()),
                ("code", "heel".into()),
                ("display", name.clone().into()),
            ])]
            .into(),
        ),
        (
            "text",
            format!("{name}: likelihood ratios over a distribution of causes, and triage rules (decision support, not a diagnosis)").into(),
        ),
    ])
}

/// A CodeableConcept with one coding and a text.
fn concept(coding: Json, text: impl Into<Json>) -> Json {
    object(vec![("coding", vec![coding].into()), ("text", text.into())])
}

/// The codes of a cause: heel's id, ICD-10-CM (`icd10cm`, for the side
/// answered) and SNOMED CT where verified.
fn condition_concept(id: Condition, icd10cm: &str) -> Json {
    let info = id.info();
    let mut codings = vec![
        coding(cs::CONDITION, id.as_str(), info.name),
        object(vec![
            ("system", cs::ICD_10_CM.into()),
            ("code", icd10cm.to_owned().into()),
        ]),
    ];
    if let Some(sct) = info.snomed_ct {
        codings.push(object(vec![
            ("system", cs::SNOMED_CT.into()),
            ("code", sct.into()),
        ]));
    }
    object(vec![("coding", codings.into()), ("text", info.name.into())])
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

fn risk_assessment(report: &Report, ids: &Ids) -> Json {
    let predictions: Vec<Json> = report
        .conditions
        .iter()
        .map(|c| {
            let mut p = object(vec![
                ("outcome", condition_concept(c.id, &c.icd10cm)),
                ("probabilityDecimal", c.probability.into()),
            ]);
            // Against the setting's prior share (every prior is positive).
            let relative = c.probability / c.prior;
            if relative.is_finite() {
                p.push("relativeRisk", relative);
            }
            p.push("rationale", rationale(c));
            p
        })
        .collect();
    object(vec![
        ("resourceType", "RiskAssessment".into()),
        ("id", ids.risk.clone().into()),
        ("status", "final".into()),
        (
            "code",
            concept(
                coding(cs::RESULT, "differential", "Differential of heel pain"),
                "The main cause of the heel pain: a probability for each cause heel names and for something else",
            ),
        ),
        ("subject", reference(&ids.patient)),
        ("method", method()),
        ("basis", vec![reference(&ids.response)].into()),
        ("prediction", predictions.into()),
        ("note", vec![note(NOTICE)].into()),
    ])
}

fn level_coding(level: TriageLevel) -> Json {
    coding(cs::TRIAGE_LEVEL, level.as_str(), level.label())
}

fn reason_component(r: &TriageReason) -> Json {
    let code = match (r.kind, r.rule, r.condition) {
        (ReasonKind::Rule, Some(rule), _) => object(vec![
            ("system", cs::TRIAGE_RULE.into()),
            ("code", rule.as_str().into()),
        ]),
        (ReasonKind::LikelyCondition, _, Some(c)) => coding(cs::CONDITION, c.as_str(), c.name()),
        (kind, ..) => object(vec![
            ("system", cs::TRIAGE_REASON.into()),
            ("code", kind.as_str().into()),
        ]),
    };
    let mut component = object(Vec::new());
    if r.red_flag {
        component.push(
            "extension",
            vec![object(vec![
                ("url", ext::RED_FLAG.into()),
                ("valueBoolean", true.into()),
            ])],
        );
    }
    component.push("code", concept(code, r.text.clone()));
    component.push(
        "valueCodeableConcept",
        object(vec![("coding", vec![level_coding(r.level)].into())]),
    );
    component
}

fn triage_observation(triage: &Triage, ids: &Ids) -> Json {
    let components: Vec<Json> = triage.reasons.iter().map(reason_component).collect();
    object(vec![
        ("resourceType", "Observation".into()),
        ("id", ids.triage.clone().into()),
        ("status", "final".into()),
        (
            "category",
            vec![object(vec![(
                "coding",
                vec![coding(cs::OBSERVATION_CATEGORY, "survey", "Survey")].into(),
            )])]
            .into(),
        ),
        (
            "code",
            concept(
                coding(cs::RESULT, "triage-level", "Heel pain triage level"),
                "How urgently to see someone about the heel pain",
            ),
        ),
        ("subject", reference(&ids.patient)),
        ("derivedFrom", vec![reference(&ids.response)].into()),
        ("method", method()),
        (
            "valueCodeableConcept",
            concept(level_coding(triage.level), triage.action.clone()),
        ),
        ("component", components.into()),
        (
            "note",
            vec![note(triage.who_to_see_text.clone()), note(NOTICE)].into(),
        ),
    ])
}

fn care_plan(report: &Report, plan: &CarePlan, ids: &Ids) -> Json {
    let activities: Vec<Json> = plan
        .steps
        .iter()
        .map(|step| {
            let mut detail = object(vec![(
                "code",
                concept(
                    coding(cs::ADVICE, step.advice.as_str(), step.title.clone()),
                    step.title.clone(),
                ),
            )]);
            if !step.for_conditions.is_empty() {
                let reasons: Vec<Json> = step
                    .for_conditions
                    .iter()
                    .map(|&c| {
                        let icd = report
                            .condition(c)
                            .map_or(c.info().icd10cm.code, |r| &r.icd10cm);
                        condition_concept(c, icd)
                    })
                    .collect();
                detail.push("reasonCode", reasons);
            }
            detail.push("status", "not-started");
            detail.push("description", format!("{}: {}", step.title, step.text));
            object(vec![("detail", detail)])
        })
        .collect();
    let mut out = object(vec![
        ("resourceType", "CarePlan".into()),
        ("id", ids.care_plan.clone().into()),
        ("status", "active".into()),
        ("intent", "proposal".into()),
        ("title", "What to do now about the heel pain".into()),
        ("description", plan.summary.clone().into()),
        ("subject", reference(&ids.patient)),
        (
            "supportingInfo",
            vec![
                reference(&ids.response),
                reference(&ids.risk),
                reference(&ids.triage),
            ]
            .into(),
        ),
    ]);
    if !activities.is_empty() {
        out.push("activity", activities);
    }
    out.push("note", vec![note(NOTICE)]);
    out
}

fn entry(id: &str, resource: Json) -> Json {
    object(vec![("fullUrl", urn(id).into()), ("resource", resource)])
}

pub(super) fn bundle(a: &Assessment) -> Result<Json, Error> {
    let report = assess(a)?;
    let ids = Ids::new(a);
    let response = response::write(a, &ids.response, Some(&urn(&ids.patient)));
    let patient = object(vec![
        ("resourceType", "Patient".into()),
        ("id", ids.patient.clone().into()),
    ]);
    let entries = vec![
        entry(&ids.response, response),
        entry(&ids.risk, risk_assessment(&report, &ids)),
        entry(&ids.triage, triage_observation(&report.triage, &ids)),
        entry(&ids.care_plan, care_plan(&report, &report.care_plan, &ids)),
        entry(&ids.patient, patient),
    ];
    Ok(object(vec![
        ("resourceType", "Bundle".into()),
        ("id", ids.bundle.clone().into()),
        ("type", "collection".into()),
        ("entry", entries.into()),
    ]))
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
