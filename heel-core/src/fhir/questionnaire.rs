//! The Questionnaire, and its layout (which the response writer and reader
//! share): the red-flag group first, then the catalog's groups.

use std::sync::OnceLock;

use serde_json::{Map, Value, json};

use super::{QUESTIONNAIRE_URL, VERSION, code_system as cs, extension as ext};
use crate::catalog::{AnswerSpec, CatalogItem, CatalogOption, catalog};
use crate::item::{Group, Item};
use crate::report::NOTICE;
use crate::vocab::Setting;

/// The `linkId` of the first group, the red-flag screens.
pub(super) const RED_FLAG_GROUP: &str = "red_flag_screens";
/// The `linkId` of the setting question.
pub(super) const SETTING_LINK: &str = "setting";
/// The group the setting question opens.
const SETTING_GROUP: Group = Group::Profile;

/// A question of the Questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// Which priors to use (the assessment's `setting`).
    Setting,
    /// An evidence item.
    Item(Item),
}

/// A group of the Questionnaire.
#[derive(Debug)]
pub(super) struct Section {
    pub(super) link_id: &'static str,
    pub(super) title: &'static str,
    pub(super) slots: Vec<Slot>,
}

/// The groups, in order: the red-flag screens, then each catalog group with
/// its other items in catalog order (empty groups left out).
pub(super) fn sections() -> &'static [Section] {
    static SECTIONS: OnceLock<Vec<Section>> = OnceLock::new();
    SECTIONS.get_or_init(|| {
        let items = &catalog().items;
        let mut out = vec![Section {
            link_id: RED_FLAG_GROUP,
            title: "Warning signs (asked first)",
            slots: items
                .iter()
                .filter(|i| i.red_flag_screen)
                .map(|i| Slot::Item(i.id))
                .collect(),
        }];
        for &group in Group::ALL {
            let mut slots: Vec<Slot> = if group == SETTING_GROUP {
                vec![Slot::Setting]
            } else {
                Vec::new()
            };
            slots.extend(
                items
                    .iter()
                    .filter(|i| i.group == group && !i.red_flag_screen)
                    .map(|i| Slot::Item(i.id)),
            );
            if !slots.is_empty() {
                out.push(Section {
                    link_id: group.as_str(),
                    title: group.label(),
                    slots,
                });
            }
        }
        out
    })
}

/// The catalog entry of `item`.
pub(super) fn catalog_item(item: Item) -> &'static CatalogItem {
    // The catalog lists every item in `Item::ALL` order.
    &catalog().items[item.index()]
}

/// The question text of the setting question.
pub(super) const SETTING_TEXT: &str = "Which group fits best? (Optional: without an answer heel uses the children's setting under 18 and the runners' setting otherwise.)";

/// The UCUM code and display of a catalog unit.
pub(super) fn ucum(unit: &str) -> Option<(&'static str, &'static str)> {
    Some(match unit {
        "years" => ("a", "years"),
        "days" => ("d", "days"),
        "points" => ("{score}", "points"),
        "kg/m²" => ("kg/m2", "kg/m²"),
        "cm" => ("cm", "cm"),
        "kg" => ("kg", "kg"),
        // The weekly running distance.
        "km" => ("km/wk", "km per week"),
        _ => return None,
    })
}

/// The FHIR code of a yes/no answer (`present`, `absent`, `unknown`), with its system.
pub(super) fn yes_no_code(answer: &str) -> Option<(&'static str, &'static str)> {
    match answer {
        "present" => Some((cs::YES_NO, "Y")),
        "absent" => Some((cs::YES_NO, "N")),
        "unknown" => Some((cs::DATA_ABSENT_REASON, "asked-unknown")),
        _ => None,
    }
}

/// A `Coding`.
pub(super) fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

/// The display of a yes/no answer, as the catalog labels it.
pub(super) fn yes_no_display(answer: &str) -> &'static str {
    catalog()
        .items
        .iter()
        .find_map(|i| match &i.answer {
            AnswerSpec::YesNo { options } => options.iter().find(|o| o.id == answer),
            _ => None,
        })
        .map_or("", |o| o.label.as_str())
}

fn options(system: &str, options: &[CatalogOption]) -> Value {
    options
        .iter()
        .map(|o| json!({ "valueCoding": coding(system, &o.id, &o.label) }))
        .collect()
}

fn item_control(code: &str, display: &str) -> Value {
    json!({
        "url": ext::ITEM_CONTROL,
        "valueCodeableConcept": { "coding": [coding(cs::ITEM_CONTROL, code, display)] }
    })
}

fn flag(url: &str) -> Value {
    json!({ "url": url, "valueBoolean": true })
}

fn question(ci: &CatalogItem) -> Value {
    let mut q = Map::new();
    let mut extensions = Vec::new();
    q.insert("linkId".into(), json!(ci.id.as_str()));
    q.insert("text".into(), json!(ci.question));
    match &ci.answer {
        AnswerSpec::YesNo { options } => {
            q.insert("type".into(), json!("choice"));
            let answer_options: Vec<Value> = options
                .iter()
                .filter_map(|o| {
                    let (system, code) = yes_no_code(&o.id)?;
                    Some(json!({ "valueCoding": coding(system, code, &o.label) }))
                })
                .collect();
            q.insert("answerOption".into(), json!(answer_options));
            extensions.push(item_control("radio-button", "Radio Button"));
        }
        AnswerSpec::Choice { options: opts } => {
            q.insert("type".into(), json!("choice"));
            q.insert("answerOption".into(), options(cs::OPTION, opts));
            extensions.push(item_control("radio-button", "Radio Button"));
        }
        AnswerSpec::Locations { options: opts } => {
            q.insert("type".into(), json!("choice"));
            q.insert("repeats".into(), json!(true));
            q.insert("answerOption".into(), options(cs::PAIN_LOCATION, opts));
            extensions.push(item_control("check-box", "Check-box"));
        }
        AnswerSpec::Number { min, max, unit, .. } => {
            q.insert("type".into(), json!("decimal"));
            if let Some((code, display)) = ucum(unit) {
                extensions.push(json!({
                    "url": ext::QUESTIONNAIRE_UNIT,
                    "valueCoding": coding(cs::UCUM, code, display)
                }));
            }
            extensions.push(json!({ "url": ext::MIN_VALUE, "valueDecimal": min }));
            extensions.push(json!({ "url": ext::MAX_VALUE, "valueDecimal": max }));
        }
    }
    if ci.clinician_only {
        extensions.push(flag(ext::CLINICIAN_ONLY));
    }
    if ci.red_flag_screen {
        extensions.push(flag(ext::RED_FLAG_SCREEN));
    }
    if !extensions.is_empty() {
        // FHIR forbids empty arrays.
        q.insert("extension".into(), json!(extensions));
    }
    Value::Object(q)
}

fn setting_question() -> Value {
    let answer_options: Vec<Value> = Setting::ALL
        .iter()
        .map(|s| json!({ "valueCoding": coding(cs::SETTING, s.as_str(), s.label()) }))
        .collect();
    json!({
        "linkId": SETTING_LINK,
        "text": SETTING_TEXT,
        "type": "choice",
        "answerOption": answer_options,
        "extension": [item_control("radio-button", "Radio Button")]
    })
}

fn build() -> Value {
    let groups: Vec<Value> = sections()
        .iter()
        .map(|s| {
            let items: Vec<Value> = s
                .slots
                .iter()
                .map(|slot| match *slot {
                    Slot::Setting => setting_question(),
                    Slot::Item(item) => question(catalog_item(item)),
                })
                .collect();
            json!({ "linkId": s.link_id, "text": s.title, "type": "group", "item": items })
        })
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "id": "heel-assessment",
        "url": QUESTIONNAIRE_URL,
        "version": VERSION,
        "name": "HeelAssessment",
        "title": "heel: heel pain assessment",
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": "heel contributors",
        "description": format!(
            "The questions heel (version {VERSION}) asks about heel pain: red-flag screens first, then where and how it hurts, the person, their activity and history, and a clinician's bedside tests. Every question is optional; an unanswered question is unknown. {NOTICE}"
        ),
        "item": groups
    })
}

/// The Questionnaire, built once.
pub(super) fn questionnaire() -> &'static Value {
    static QUESTIONNAIRE: OnceLock<Value> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::AnswerKind;

    #[test]
    fn every_item_once_and_screens_first() {
        let mut seen = Vec::new();
        for s in sections() {
            for slot in &s.slots {
                assert!(!seen.contains(slot), "{slot:?} twice");
                seen.push(*slot);
            }
        }
        assert_eq!(seen.len(), Item::COUNT + 1);
        let first = &sections()[0];
        assert_eq!(first.link_id, RED_FLAG_GROUP);
        for ci in &catalog().items {
            let in_first = first.slots.contains(&Slot::Item(ci.id));
            assert_eq!(in_first, ci.red_flag_screen, "{}", ci.id);
        }
    }

    #[test]
    fn link_ids_are_unique() {
        let mut ids: Vec<&str> = sections().iter().map(|s| s.link_id).collect();
        ids.push(SETTING_LINK);
        ids.extend(Item::ids());
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn every_unit_has_a_ucum_code() {
        for &item in Item::ALL {
            if let AnswerKind::Number { unit, .. } = item.info().kind {
                assert!(ucum(unit).is_some(), "{item}: unit {unit}");
            }
        }
    }

    #[test]
    fn numbers_carry_unit_and_range() {
        let q = questionnaire();
        let profile = q["item"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["linkId"] == "profile")
            .unwrap();
        assert_eq!(profile["item"][0]["linkId"], SETTING_LINK);
        let age = profile["item"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["linkId"] == "age")
            .unwrap();
        assert_eq!(age["type"], "decimal");
        let ext = age["extension"].as_array().unwrap();
        let by_url = |url: &str| ext.iter().find(|e| e["url"] == url).unwrap();
        assert_eq!(by_url(ext::QUESTIONNAIRE_UNIT)["valueCoding"]["code"], "a");
        assert_eq!(by_url(ext::MIN_VALUE)["valueDecimal"], 0.0);
        assert_eq!(by_url(ext::MAX_VALUE)["valueDecimal"], 120.0);
    }

    #[test]
    fn clinician_items_are_marked() {
        let q = questionnaire();
        let mut marked = 0;
        for group in q["item"].as_array().unwrap() {
            for item in group["item"].as_array().unwrap() {
                let flagged = item["extension"]
                    .as_array()
                    .is_some_and(|e| e.iter().any(|e| e["url"] == ext::CLINICIAN_ONLY));
                let Some(id) = item["linkId"].as_str().and_then(Item::from_id) else {
                    continue;
                };
                assert_eq!(flagged, id.info().clinician_only, "{id}");
                marked += usize::from(flagged);
            }
        }
        assert!(marked >= 20, "{marked}");
    }
}
