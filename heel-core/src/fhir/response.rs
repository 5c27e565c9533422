//! The QuestionnaireResponse: written from an assessment, and read back into
//! one with the checks and error codes of the JSON assessment document.

use super::QUESTIONNAIRE_URL;
use super::code_system as cs;
use super::json::{Json, object};
use super::questionnaire::{
    SETTING_LINK, SETTING_TEXT, Slot, catalog_item, coding, sections, ucum, yes_no_code,
    yes_no_display,
};
use crate::Error;
use crate::assessment::{Answer, Assessment, expected_for, resolve_item};
use crate::doc::{Doc, child_path};
use crate::item::{AnswerKind, Item, Location, Locations};
use crate::vocab::Setting;

// ---------------------------------------------------------------- writing

fn answers(answer: Answer) -> Vec<Json> {
    let value_coding = |c: Json| object(vec![("valueCoding", c)]);
    match answer {
        Answer::Present | Answer::Absent => {
            let label = if answer == Answer::Present {
                "present"
            } else {
                "absent"
            };
            let (system, code) = yes_no_code(label).unwrap_or_default();
            vec![value_coding(coding(system, code, yes_no_display(label)))]
        }
        Answer::Number(v) => vec![object(vec![("valueDecimal", v.into())])],
        Answer::Choice(c) => vec![value_coding(coding(cs::OPTION, c.as_str(), c.label()))],
        Answer::Locations(set) => set
            .iter()
            .map(|l| value_coding(coding(cs::PAIN_LOCATION, l.as_str(), l.label())))
            .collect(),
    }
}

/// The response holding `a`'s answers, in the Questionnaire's groups.
pub(super) fn write(a: &Assessment, id: &str, subject: Option<&str>) -> Json {
    let mut groups = Vec::new();
    for section in sections() {
        let mut items = Vec::new();
        for &slot in &section.slots {
            let (link_id, text, answer) = match slot {
                Slot::Setting => match a.setting() {
                    Some(s) => (
                        SETTING_LINK,
                        SETTING_TEXT,
                        vec![object(vec![(
                            "valueCoding",
                            coding(cs::SETTING, s.as_str(), s.label()),
                        )])],
                    ),
                    None => continue,
                },
                Slot::Item(item) => match a.get(item) {
                    Some(answer) => (
                        item.as_str(),
                        catalog_item(item).question.as_str(),
                        answers(answer),
                    ),
                    None => continue,
                },
            };
            items.push(object(vec![
                ("linkId", link_id.into()),
                ("text", text.into()),
                ("answer", answer.into()),
            ]));
        }
        if !items.is_empty() {
            groups.push(object(vec![
                ("linkId", section.link_id.into()),
                ("text", section.title.into()),
                ("item", items.into()),
            ]));
        }
    }
    let mut qr = object(vec![
        ("resourceType", "QuestionnaireResponse".into()),
        ("id", id.to_owned().into()),
        (
            "questionnaire",
            format!("{QUESTIONNAIRE_URL}|{}", super::VERSION).into(),
        ),
        ("status", "completed".into()),
    ]);
    if let Some(subject) = subject {
        qr.push(
            "subject",
            object(vec![("reference", subject.to_owned().into())]),
        );
    }
    if !groups.is_empty() {
        qr.push("item", groups);
    }
    qr
}

// ---------------------------------------------------------------- reading

/// The elements of a QuestionnaireResponse (FHIR R4).
const RESPONSE_FIELDS: &[&str] = &[
    "resourceType",
    "id",
    "meta",
    "implicitRules",
    "language",
    "text",
    "contained",
    "extension",
    "modifierExtension",
    "identifier",
    "basedOn",
    "partOf",
    "questionnaire",
    "status",
    "subject",
    "encounter",
    "authored",
    "author",
    "source",
    "item",
];
/// The elements of `QuestionnaireResponse.item`.
const ITEM_FIELDS: &[&str] = &[
    "id",
    "extension",
    "modifierExtension",
    "linkId",
    "definition",
    "text",
    "answer",
    "item",
];
/// The elements of `QuestionnaireResponse.item.answer`, without `value[x]`.
const ANSWER_FIELDS: &[&str] = &["id", "extension", "modifierExtension", "item"];
/// The choices of `answer.value[x]` in R4.
const VALUE_FIELDS: &[&str] = &[
    "valueBoolean",
    "valueDecimal",
    "valueInteger",
    "valueDate",
    "valueDateTime",
    "valueTime",
    "valueString",
    "valueUri",
    "valueAttachment",
    "valueCoding",
    "valueQuantity",
    "valueReference",
];
/// The elements of a `Coding`.
const CODING_FIELDS: &[&str] = &[
    "id",
    "extension",
    "system",
    "version",
    "code",
    "display",
    "userSelected",
];
/// The elements of a `Quantity` heel accepts (no `comparator`: an answer is exact).
const QUANTITY_FIELDS: &[&str] = &["id", "extension", "value", "unit", "system", "code"];
/// The codes of `QuestionnaireResponse.status`.
const STATUS: &[&str] = &[
    "in-progress",
    "completed",
    "amended",
    "entered-in-error",
    "stopped",
];

/// An object whose fields were checked: each allowed (or the `_field` of an
/// allowed primitive), none twice, no modifier extension.
struct Obj<'a> {
    fields: &'a [(String, Doc)],
    path: String,
}

impl<'a> Obj<'a> {
    fn new(
        d: &'a Doc,
        path: String,
        allowed: &[&'static str],
        extra: &[&'static str],
        what: &str,
    ) -> Result<Self, Error> {
        let Doc::Object(fields) = d else {
            return Err(Error::WrongType {
                field: path,
                expected: what.to_owned(),
                found: d.type_name(),
            });
        };
        let known = |k: &str| allowed.contains(&k) || extra.contains(&k);
        for (i, (key, value)) in fields.iter().enumerate() {
            let field = child_path(&path, key);
            let base = key.strip_prefix('_').unwrap_or(key);
            if !known(base) {
                return Err(Error::unknown_id(
                    "field",
                    field,
                    key,
                    allowed.iter().chain(extra).copied(),
                ));
            }
            if fields[..i].iter().any(|(k, _)| k == key) {
                return Err(Error::Duplicate { field });
            }
            if key == "modifierExtension" && !matches!(value, Doc::Array(v) if v.is_empty()) {
                return Err(Error::UnknownId {
                    field,
                    what: "modifier extension",
                    found: modifier_url(value),
                    suggestion: None,
                    allowed: "none (heel cannot tell what a modifier extension changes, so it does not read answers that carry one)".to_owned(),
                });
            }
        }
        Ok(Obj { fields, path })
    }

    fn get(&self, key: &str) -> Option<&'a Doc> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Doc::Null))
    }

    fn at(&self, key: &str) -> String {
        child_path(&self.path, key)
    }

    /// A string field, or `None` when it is absent.
    fn string(&self, key: &str, expected: &str) -> Result<Option<&'a str>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Doc::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::WrongType {
                field: self.at(key),
                expected: expected.to_owned(),
                found: other.type_name(),
            }),
        }
    }

    /// The elements of an array field (none when it is absent).
    fn list(&self, key: &str, expected: &str) -> Result<&'a [Doc], Error> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Doc::Array(items)) => Ok(items),
            Some(other) => Err(Error::WrongType {
                field: self.at(key),
                expected: expected.to_owned(),
                found: other.type_name(),
            }),
        }
    }
}

/// The `url` of the first modifier extension, for the error message.
fn modifier_url(d: &Doc) -> String {
    if let Doc::Array(items) = d {
        if let Some(Doc::Object(fields)) = items.first() {
            if let Some((_, Doc::String(url))) = fields.iter().find(|(k, _)| k == "url") {
                return url.clone();
            }
        }
    }
    "(an extension)".to_owned()
}

/// What was read so far.
struct Reader {
    a: Assessment,
    /// Where each question was found (its item's path), to report duplicates.
    seen: Vec<Option<String>>,
    setting_seen: bool,
    /// Where each answer's value was, to place cross-field errors.
    value_at: Vec<Option<String>>,
}

/// One `value[x]` of an answer: the element's name, its value and its path.
struct Given<'a> {
    key: &'static str,
    doc: &'a Doc,
    path: String,
}

/// Reads a QuestionnaireResponse into an assessment.
pub(super) fn read(d: &Doc) -> Result<Assessment, Error> {
    check_resource_type(d)?;
    let root = Obj::new(
        d,
        String::new(),
        RESPONSE_FIELDS,
        &[],
        "a QuestionnaireResponse (a JSON object)",
    )?;
    if let Some(q) = root.string("questionnaire", "the canonical URL of heel's Questionnaire")? {
        let url = q.split_once('|').map_or(q, |(url, _)| url);
        if url != QUESTIONNAIRE_URL {
            return Err(Error::unknown_id(
                "questionnaire",
                root.at("questionnaire"),
                url,
                [QUESTIONNAIRE_URL].into_iter(),
            ));
        }
    }
    if let Some(status) = root.string("status", "a QuestionnaireResponse status code")? {
        if !STATUS.contains(&status) {
            return Err(Error::unknown_id(
                "status",
                root.at("status"),
                status,
                STATUS.iter().copied(),
            ));
        }
        if status == "entered-in-error" {
            return Err(Error::Inconsistent {
                field: root.at("status"),
                reason: "the response was entered in error; heel does not assess it".to_owned(),
            });
        }
    }
    let mut reader = Reader {
        a: Assessment::new(),
        seen: vec![None; Item::COUNT],
        setting_seen: false,
        value_at: vec![None; Item::COUNT],
    };
    let items = root.list("item", "an array of items")?;
    reader.items(items, &root.at("item"))?;
    reader.a.validate().map_err(|e| reader.relocate(e))?;
    Ok(reader.a)
}

fn check_resource_type(d: &Doc) -> Result<(), Error> {
    let Doc::Object(fields) = d else {
        return Err(Error::WrongType {
            field: String::new(),
            expected: "a QuestionnaireResponse (a JSON object)".to_owned(),
            found: d.type_name(),
        });
    };
    match fields.iter().find(|(k, _)| k == "resourceType") {
        Some((_, Doc::String(t))) if t == "QuestionnaireResponse" => Ok(()),
        Some((_, Doc::String(t))) => Err(Error::unknown_id(
            "resource type",
            "resourceType".to_owned(),
            t,
            ["QuestionnaireResponse"].into_iter(),
        )),
        Some((_, other)) => Err(Error::WrongType {
            field: "resourceType".to_owned(),
            expected: "\"QuestionnaireResponse\"".to_owned(),
            found: other.type_name(),
        }),
        None => Err(Error::WrongType {
            field: "resourceType".to_owned(),
            expected: "\"QuestionnaireResponse\"".to_owned(),
            found: "nothing",
        }),
    }
}

/// Where a question is: a group of the Questionnaire, the setting, or an item.
enum Link {
    Group,
    Setting,
    Item(Item),
}

fn link(id: &str, field: &str) -> Result<Link, Error> {
    if sections().iter().any(|s| s.link_id == id) {
        Ok(Link::Group)
    } else if id == SETTING_LINK {
        Ok(Link::Setting)
    } else if Item::from_id(id).is_some() || crate::assessment::is_retired(id) {
        resolve_item(id, field).map(Link::Item)
    } else {
        let groups = sections().iter().map(|s| s.link_id);
        let allowed = Item::ids().chain([SETTING_LINK]).chain(groups);
        Err(Error::unknown_id(
            "question (linkId)",
            field.to_owned(),
            id,
            allowed,
        ))
    }
}

impl Reader {
    fn items(&mut self, items: &[Doc], path: &str) -> Result<(), Error> {
        for (i, item) in items.iter().enumerate() {
            self.item(item, child_path(path, &format!("[{i}]")))?;
        }
        Ok(())
    }

    fn item(&mut self, d: &Doc, path: String) -> Result<(), Error> {
        let obj = Obj::new(d, path, ITEM_FIELDS, &[], "an item (a JSON object)")?;
        let link_at = obj.at("linkId");
        let Some(id) = obj.string("linkId", "a linkId (a string)")? else {
            return Err(Error::WrongType {
                field: link_at,
                expected: "a linkId (a string)".to_owned(),
                found: "nothing",
            });
        };
        let link = link(id, &link_at)?;
        let values = self.answers(&obj)?;
        match link {
            Link::Group => {
                if let Some(v) = values.first() {
                    return Err(Error::WrongType {
                        field: v.path.clone(),
                        expected: format!("no answer: `{id}` is a group"),
                        found: v.key,
                    });
                }
            }
            Link::Setting => {
                if std::mem::replace(&mut self.setting_seen, true) {
                    return Err(Error::Duplicate { field: link_at });
                }
                let value = single(&values)?;
                if let Some(v) = value {
                    let code = code_of(v, cs::SETTING, "a valueCoding with a setting code")?;
                    let setting = Setting::from_id(code.0).ok_or_else(|| {
                        Error::unknown_id("setting", code.1.clone(), code.0, Setting::ids())
                    })?;
                    self.a.set_setting(Some(setting));
                }
            }
            Link::Item(item) => {
                if self.seen[item.index()].is_some() {
                    return Err(Error::Duplicate { field: link_at });
                }
                self.seen[item.index()] = Some(link_at);
                self.answer(item, &values)?;
            }
        }
        let children = obj.list("item", "an array of items")?;
        self.items(children, &obj.at("item"))
    }

    /// The values of an item's answers (answers without a value are
    /// skipped); items nested in answers are read too.
    fn answers<'a>(&mut self, item: &Obj<'a>) -> Result<Vec<Given<'a>>, Error> {
        let mut out = Vec::new();
        let path = item.at("answer");
        for (i, d) in item
            .list("answer", "an array of answers")?
            .iter()
            .enumerate()
        {
            let at = child_path(&path, &format!("[{i}]"));
            let answer = Obj::new(
                d,
                at,
                ANSWER_FIELDS,
                VALUE_FIELDS,
                "an answer (a JSON object)",
            )?;
            let mut value: Option<Given<'a>> = None;
            for &key in VALUE_FIELDS {
                if let Some(doc) = answer.get(key) {
                    if value.is_some() {
                        return Err(Error::Duplicate {
                            field: answer.at(key),
                        });
                    }
                    value = Some(Given {
                        key,
                        doc,
                        path: answer.at(key),
                    });
                }
            }
            out.extend(value);
            let nested = answer.list("item", "an array of items")?;
            self.items(nested, &answer.at("item"))?;
        }
        Ok(out)
    }

    fn answer(&mut self, item: Item, values: &[Given<'_>]) -> Result<(), Error> {
        let kind = item.info().kind;
        let answer = match kind {
            AnswerKind::Locations => {
                let mut set = Locations::new();
                for v in values {
                    let (code, at) = code_of(v, cs::PAIN_LOCATION, &expected(kind))?;
                    let loc = Location::from_id(code).ok_or_else(|| {
                        Error::unknown_id("pain location", at.clone(), code, Location::ids())
                    })?;
                    if !set.insert(loc) {
                        return Err(Error::Duplicate { field: at });
                    }
                }
                values
                    .first()
                    .filter(|_| !set.is_empty())
                    .map(|first| (Answer::Locations(set), first.path.clone()))
            }
            AnswerKind::YesNo => match single(values)? {
                None => None,
                Some(v) if v.key == "valueBoolean" => match v.doc {
                    Doc::Bool(true) => Some((Answer::Present, v.path.clone())),
                    Doc::Bool(false) => Some((Answer::Absent, v.path.clone())),
                    other => {
                        return Err(Error::WrongType {
                            field: v.path.clone(),
                            expected: "true or false".to_owned(),
                            found: other.type_name(),
                        });
                    }
                },
                Some(v) => {
                    let (code, at) = coding_of(v, &expected(kind))?;
                    let answer = match code.value {
                        "Y" => Some(Answer::Present),
                        "N" => Some(Answer::Absent),
                        "asked-unknown" => None,
                        other => {
                            return Err(Error::unknown_id(
                                "yes/no answer",
                                at,
                                other,
                                ["Y", "N", "asked-unknown"].into_iter(),
                            ));
                        }
                    };
                    let system = if answer.is_some() {
                        cs::YES_NO
                    } else {
                        cs::DATA_ABSENT_REASON
                    };
                    code.check_system(system)?;
                    answer.map(|a| (a, v.path.clone()))
                }
            },
            AnswerKind::Choice { options } => match single(values)? {
                None => None,
                Some(v) => {
                    let (code, at) = code_of(v, cs::OPTION, &expected(kind))?;
                    let choice = options.iter().find(|o| o.as_str() == code).ok_or_else(|| {
                        Error::unknown_id("option", at, code, options.iter().map(|o| o.as_str()))
                    })?;
                    Some((Answer::Choice(*choice), v.path.clone()))
                }
            },
            AnswerKind::Number { unit, .. } => match single(values)? {
                None => None,
                Some(v) => Some(number(v, kind, unit)?),
            },
        };
        if let Some((answer, at)) = answer {
            self.a.set_at(item, answer, &|| at.clone())?;
            self.value_at[item.index()] = Some(at);
        }
        Ok(())
    }

    /// An error from [`Assessment::validate`] (about `answers.<item>`) moved
    /// to where that item's answer is in the response.
    fn relocate(&self, err: Error) -> Error {
        match err {
            Error::Inconsistent { field, reason } => {
                let at = field
                    .strip_prefix("answers.")
                    .and_then(Item::from_id)
                    .and_then(|i| self.value_at[i.index()].clone())
                    .unwrap_or(field);
                Error::Inconsistent { field: at, reason }
            }
            other => other,
        }
    }
}

/// What a question of this kind takes, for "expected ..." messages.
fn expected(kind: AnswerKind) -> String {
    match kind {
        AnswerKind::YesNo => "a valueCoding (Y, N or asked-unknown) or a valueBoolean".to_owned(),
        AnswerKind::Number { .. } => format!(
            "a valueDecimal, valueInteger or valueQuantity: {}",
            expected_for(kind)
        ),
        _ => format!("a valueCoding with the code of {}", expected_for(kind)),
    }
}

/// The one value of a question that does not repeat.
fn single<'v, 'a>(values: &'v [Given<'a>]) -> Result<Option<&'v Given<'a>>, Error> {
    match values {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        [_, second, ..] => Err(Error::Duplicate {
            field: second
                .path
                .rsplit_once('.')
                .map_or(second.path.clone(), |(answer, _)| answer.to_owned()),
        }),
    }
}

/// A `Coding` read from an answer.
struct Coded<'a> {
    value: &'a str,
    system: Option<&'a str>,
    system_at: String,
}

impl Coded<'_> {
    /// A system, when given, must be the one the question's codes come from.
    fn check_system(&self, expected: &str) -> Result<(), Error> {
        match self.system {
            Some(system) if system != expected => Err(Error::unknown_id(
                "code system",
                self.system_at.clone(),
                system,
                [expected].into_iter(),
            )),
            _ => Ok(()),
        }
    }
}

/// The coding of a `valueCoding` answer, and the path of its `code`.
fn coding_of<'a>(v: &Given<'a>, expected: &str) -> Result<(Coded<'a>, String), Error> {
    if v.key != "valueCoding" {
        return Err(Error::WrongType {
            field: v.path.clone(),
            expected: expected.to_owned(),
            found: v.key,
        });
    }
    let obj = Obj::new(
        v.doc,
        v.path.clone(),
        CODING_FIELDS,
        &[],
        "a Coding (a JSON object)",
    )?;
    let at = obj.at("code");
    let Some(code) = obj.string("code", "a code (a string)")? else {
        return Err(Error::WrongType {
            field: at,
            expected: "a code (a string)".to_owned(),
            found: "nothing",
        });
    };
    let system = obj.string("system", "a code system URL (a string)")?;
    Ok((
        Coded {
            value: code,
            system,
            system_at: obj.at("system"),
        },
        at,
    ))
}

/// The code of a `valueCoding` answer from `system`, and the code's path.
fn code_of<'a>(v: &Given<'a>, system: &str, expected: &str) -> Result<(&'a str, String), Error> {
    let (code, at) = coding_of(v, expected)?;
    code.check_system(system)?;
    Ok((code.value, at))
}

/// A number answer: `valueDecimal`, `valueInteger`, or a `valueQuantity` in
/// the question's unit.
fn number(v: &Given<'_>, kind: AnswerKind, unit: &str) -> Result<(Answer, String), Error> {
    let as_number = |d: &Doc, field: String| match d {
        Doc::Number(x) => Ok((Answer::Number(*x), field)),
        other => Err(Error::WrongType {
            field,
            expected: expected_for(kind),
            found: other.type_name(),
        }),
    };
    match v.key {
        "valueDecimal" | "valueInteger" => as_number(v.doc, v.path.clone()),
        "valueQuantity" => {
            let q = Obj::new(
                v.doc,
                v.path.clone(),
                QUANTITY_FIELDS,
                &[],
                "a Quantity (a JSON object)",
            )?;
            let (ucum_code, _) = ucum(unit).unwrap_or((unit, unit));
            if let Some(system) = q.string("system", "a code system URL (a string)")? {
                if system != cs::UCUM {
                    return Err(Error::unknown_id(
                        "code system",
                        q.at("system"),
                        system,
                        [cs::UCUM].into_iter(),
                    ));
                }
            }
            if let Some(code) = q.string("code", "a UCUM unit code (a string)")? {
                if code != ucum_code {
                    return Err(Error::unknown_id(
                        "unit",
                        q.at("code"),
                        code,
                        [ucum_code].into_iter(),
                    ));
                }
            }
            match q.get("value") {
                Some(d) => as_number(d, q.at("value")),
                None => Err(Error::WrongType {
                    field: q.at("value"),
                    expected: expected_for(kind),
                    found: "nothing",
                }),
            }
        }
        other => Err(Error::WrongType {
            field: v.path.clone(),
            expected: expected(kind),
            found: other,
        }),
    }
}
