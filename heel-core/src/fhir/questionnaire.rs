//! The Questionnaire, and its layout (which the response writer and reader
//! share): the red-flag group first, then the catalog's groups.

use std::sync::OnceLock;

use super::json::{Json, object};
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
pub(super) fn coding(
    system: &'static str,
    code: impl Into<Json>,
    display: impl Into<Json>,
) -> Json {
    object(vec![
        ("system", system.into()),
        ("code", code.into()),
        ("display", display.into()),
    ])
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

fn value_coding(coding: Json) -> Json {
    object(vec![("valueCoding", coding)])
}

fn options(system: &'static str, options: &'static [CatalogOption]) -> Json {
    options
        .iter()
        .map(|o| value_coding(coding(system, o.id.as_str(), o.label.as_str())))
        .collect::<Vec<_>>()
        .into()
}

fn item_control(code: &'static str, display: &'static str) -> Json {
    object(vec![
        ("url", ext::ITEM_CONTROL.into()),
        (
            "valueCodeableConcept",
            object(vec![(
                "coding",
                vec![coding(cs::ITEM_CONTROL, code, display)].into(),
            )]),
        ),
    ])
}

fn flag(url: &'static str) -> Json {
    object(vec![("url", url.into()), ("valueBoolean", true.into())])
}

fn question(ci: &'static CatalogItem) -> Json {
    let mut q = object(vec![
        ("linkId", ci.id.as_str().into()),
        ("text", ci.question.as_str().into()),
    ]);
    let mut extensions = Vec::new();
    match &ci.answer {
        AnswerSpec::YesNo { options } => {
            q.push("type", "choice");
            let answer_options: Vec<Json> = options
                .iter()
                .filter_map(|o| {
                    let (system, code) = yes_no_code(&o.id)?;
                    Some(value_coding(coding(system, code, o.label.as_str())))
                })
                .collect();
            q.push("answerOption", answer_options);
            extensions.push(item_control("radio-button", "Radio Button"));
        }
        AnswerSpec::Choice { options: opts } => {
            q.push("type", "choice");
            q.push("answerOption", options(cs::OPTION, opts));
            extensions.push(item_control("radio-button", "Radio Button"));
        }
        AnswerSpec::Locations { options: opts } => {
            q.push("type", "choice");
            q.push("repeats", true);
            q.push("answerOption", options(cs::PAIN_LOCATION, opts));
            extensions.push(item_control("check-box", "Check-box"));
        }
        AnswerSpec::Number { min, max, unit, .. } => {
            q.push("type", "decimal");
            if let Some((code, display)) = ucum(unit) {
                extensions.push(object(vec![
                    ("url", ext::QUESTIONNAIRE_UNIT.into()),
                    ("valueCoding", coding(cs::UCUM, code, display)),
                ]));
            }
            extensions.push(object(vec![
                ("url", ext::MIN_VALUE.into()),
                ("valueDecimal", (*min).into()),
            ]));
            extensions.push(object(vec![
                ("url", ext::MAX_VALUE.into()),
                ("valueDecimal", (*max).into()),
            ]));
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
        q.push("extension", extensions);
    }
    q
}

fn setting_question() -> Json {
    let answer_options: Vec<Json> = Setting::ALL
        .iter()
        .map(|s| value_coding(coding(cs::SETTING, s.as_str(), s.label())))
        .collect();
    object(vec![
        ("linkId", SETTING_LINK.into()),
        ("text", SETTING_TEXT.into()),
        ("type", "choice".into()),
        ("answerOption", answer_options.into()),
        (
            "extension",
            vec![item_control("radio-button", "Radio Button")].into(),
        ),
    ])
}

fn build() -> Json {
    let groups: Vec<Json> = sections()
        .iter()
        .map(|s| {
            let items: Vec<Json> = s
                .slots
                .iter()
                .map(|slot| match *slot {
                    Slot::Setting => setting_question(),
                    Slot::Item(item) => question(catalog_item(item)),
                })
                .collect();
            object(vec![
                ("linkId", s.link_id.into()),
                ("text", s.title.into()),
                ("type", "group".into()),
                ("item", items.into()),
            ])
        })
        .collect();
    object(vec![
        ("resourceType", "Questionnaire".into()),
        ("id", "heel-assessment".into()),
        ("url", QUESTIONNAIRE_URL.into()),
        ("version", VERSION.into()),
        ("name", "HeelAssessment".into()),
        ("title", "heel: heel pain assessment".into()),
        ("status", "active".into()),
        ("subjectType", vec![Json::from("Patient")].into()),
        ("publisher", "heel contributors".into()),
        (
            "description",
            format!(
                "The questions heel (version {VERSION}) asks about heel pain: red-flag screens first, then where and how it hurts, the person, their activity and history, and a clinician's bedside tests. Every question is optional; an unanswered question is unknown. {NOTICE}"
            )
            .into(),
        ),
        ("item", groups.into()),
    ])
}

/// The Questionnaire, built once.
pub(super) fn questionnaire() -> &'static Json {
    static QUESTIONNAIRE: OnceLock<Json> = OnceLock::new();
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
        let q = serde_json::to_value(questionnaire()).unwrap();
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
        let q = serde_json::to_value(questionnaire()).unwrap();
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
