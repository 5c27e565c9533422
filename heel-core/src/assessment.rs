//! The assessment document: what is known about one person's heel pain.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;
use crate::doc::{self, Doc};
use crate::item::{AnswerKind, Choice, Item, Location, Locations};
use crate::knowledge::items::{RETIRED_ITEMS, RetiredItem};
pub use crate::vocab::Setting;

/// An answer to one evidence item. "Unknown" is the absence of an answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// A yes/no finding that is present.
    Present,
    /// A yes/no finding that is absent.
    Absent,
    /// A number (age, duration, severity, BMI, height, weight, distance).
    Number(f64),
    /// An option of a single-choice item.
    Choice(Choice),
    /// The places that hurt (for `pain_location`).
    Locations(Locations),
}

impl Answer {
    /// The answer as it appears in documents and in the knowledge base:
    /// `present`, `absent`, an option id, or a number's text.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Answer::Present => "present".to_owned(),
            Answer::Absent => "absent".to_owned(),
            Answer::Number(v) => v.to_string(),
            Answer::Choice(c) => c.as_str().to_owned(),
            Answer::Locations(set) => set
                .iter()
                .map(Location::as_str)
                .collect::<Vec<_>>()
                .join(","),
        }
    }
}

/// What is known about one person's heel pain: a [`Setting`] (optional) and
/// the answers given so far. Items not answered are unknown and contribute
/// nothing.
///
/// Build one in code, or read the JSON document that all bindings share:
///
/// ```
/// use heel_core::{Answer, Assessment, Item, Location, Setting};
///
/// let mut a = Assessment::new();
/// a.set(Item::Age, Answer::Number(44.0))?
///     .set(Item::FirstStepPain, Answer::Present)?
///     .set(Item::PainLocation, Answer::Locations([Location::PlantarMedialHeel].into_iter().collect()))?;
///
/// let same = Assessment::from_json(r#"{
///     "answers": {
///         "age": 44,
///         "first_step_pain": "present",
///         "pain_location": ["plantar_medial_heel"]
///     }
/// }"#)?;
/// assert_eq!(a, same);
/// assert_eq!(a.resolved_setting(), Setting::Runners);
/// # Ok::<(), heel_core::Error>(())
/// ```
///
/// # The JSON document
///
/// ```json
/// { "setting": "runners", "answers": { "<item id>": <answer>, ... } }
/// ```
///
/// Both fields are optional; other fields are rejected. Answers by item type:
/// yes/no items take `"present"`, `"absent"` or `"unknown"` (`true`, `false`
/// and `null` mean the same); choice items take an option id; `pain_location`
/// takes an array of location ids (an empty array means unknown); number
/// items take a finite number in range. `null` always means unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    setting: Option<Setting>,
    answers: [Option<Answer>; Item::COUNT],
    /// Bit `i` set when item `i` is answered: scoring walks only these.
    answered: u128,
    /// Per item, the finding its answer selects among the item's finding
    /// rows (see [`Assessment::finding_row`]), resolved once when the answer
    /// is set instead of on every score: [`NO_FINDING`] when unanswered or
    /// outside every band, [`SEVERAL_PLACES`] for several places.
    rows: [u8; Item::COUNT],
}

/// [`Assessment::finding_row`]: no finding (unanswered, or a number outside
/// every band).
pub(crate) const NO_FINDING: u8 = u8::MAX;
/// [`Assessment::finding_row`]: several places (the mean of their rows).
pub(crate) const SEVERAL_PLACES: u8 = u8::MAX - 1;

// The answered items are a `u128` mask.
const _: () = assert!(Item::COUNT <= 128);

impl Default for Assessment {
    fn default() -> Self {
        Self::new()
    }
}

impl Assessment {
    /// An assessment with no answers and no explicit setting.
    #[must_use]
    pub const fn new() -> Self {
        Assessment {
            setting: None,
            answers: [None; Item::COUNT],
            answered: 0,
            rows: [NO_FINDING; Item::COUNT],
        }
    }

    /// Sets the setting explicitly.
    #[must_use]
    pub fn with_setting(mut self, setting: Setting) -> Self {
        self.setting = Some(setting);
        self
    }

    /// Sets or clears the explicit setting.
    pub fn set_setting(&mut self, setting: Option<Setting>) -> &mut Self {
        self.setting = setting;
        self
    }

    /// The setting as given, if any.
    #[must_use]
    pub fn setting(&self) -> Option<Setting> {
        self.setting
    }

    /// The setting used for scoring: the explicit one if given; otherwise
    /// [`Setting::Children`] when the age is under 18, else [`Setting::Runners`].
    #[must_use]
    pub fn resolved_setting(&self) -> Setting {
        match (self.setting, self.number(Item::Age)) {
            (Some(s), _) => s,
            (None, Some(age)) if age < 18.0 => Setting::Children,
            (None, _) => Setting::Runners,
        }
    }

    /// Records an answer, replacing any earlier answer to the same item.
    ///
    /// # Errors
    /// [`Error::WrongType`] if the answer does not fit the item's type,
    /// [`Error::UnknownId`] for an option the item does not offer, and
    /// [`Error::OutOfRange`] for a number outside the item's range.
    pub fn set(&mut self, item: Item, answer: Answer) -> Result<&mut Self, Error> {
        self.set_at(item, answer, &|| format!("answers.{item}"))
    }

    /// [`Assessment::set`], with errors naming `field` (for documents in
    /// which the answer is not at `answers.<item>`, such as a FHIR
    /// QuestionnaireResponse).
    pub(crate) fn set_at(
        &mut self,
        item: Item,
        answer: Answer,
        field: &dyn Fn() -> String,
    ) -> Result<&mut Self, Error> {
        let info = item.info();
        let ok = match (info.kind, answer) {
            (AnswerKind::YesNo, Answer::Present | Answer::Absent)
            | (AnswerKind::Locations, Answer::Locations(_)) => Ok(()),
            (AnswerKind::Choice { options }, Answer::Choice(c)) => {
                if options.contains(&c) {
                    Ok(())
                } else {
                    Err(Error::unknown_id(
                        "option",
                        field(),
                        c.as_str(),
                        options.iter().map(|o| o.as_str()),
                    ))
                }
            }
            (AnswerKind::Number { min, max, unit, .. }, Answer::Number(v)) => {
                if v.is_finite() && (min..=max).contains(&v) {
                    Ok(())
                } else {
                    Err(Error::OutOfRange {
                        field: field(),
                        value: v.to_string(),
                        allowed: format!("a finite number from {min} to {max} {unit}"),
                    })
                }
            }
            (kind, given) => Err(Error::WrongType {
                field: field(),
                expected: expected_for(kind),
                found: match given {
                    Answer::Present | Answer::Absent => "a yes/no answer",
                    Answer::Number(_) => "a number",
                    Answer::Choice(_) => "an option",
                    Answer::Locations(_) => "a list of locations",
                },
            }),
        };
        ok?;
        self.store(item, answer);
        Ok(self)
    }

    /// Stores a checked answer and keeps the answered-items mask in step (an
    /// empty list of places is no answer).
    fn store(&mut self, item: Item, answer: Answer) {
        self.store_resolved(item, answer, local_row(item, answer));
    }

    /// Records an answer already checked for `item` (as [`Assessment::set`]
    /// would check it), with its finding row already resolved
    /// (`local_row(item, answer)`): for the batch path, whose dictionary
    /// entries are read, checked and resolved once for every row.
    pub(crate) fn put_resolved(&mut self, item: Item, answer: Answer, row: u8) {
        debug_assert!(Assessment::new().set(item, answer).is_ok());
        debug_assert_eq!(row, local_row(item, answer));
        self.store_resolved(item, answer, row);
    }

    /// Stores a checked answer with its finding row.
    fn store_resolved(&mut self, item: Item, answer: Answer, row: u8) {
        let bit = 1u128 << item.index();
        self.answers[item.index()] = match answer {
            Answer::Locations(set) if set.is_empty() => {
                self.answered &= !bit;
                None
            }
            other => {
                self.answered |= bit;
                Some(other)
            }
        };
        self.rows[item.index()] = if self.answers[item.index()].is_some() {
            row
        } else {
            NO_FINDING
        };
    }

    /// The finding `item`'s answer selects, as an index among the item's
    /// finding rows (`present`, `absent`; the options; the places; the
    /// bands), [`SEVERAL_PLACES`] or [`NO_FINDING`]. BMI computed from
    /// height and weight is not included (it is no answer).
    pub(crate) fn finding_row(&self, item: Item) -> u8 {
        self.rows[item.index()]
    }

    /// Forgets every answer and the setting, touching only the answered
    /// items: an empty assessment again.
    pub(crate) fn reset(&mut self) {
        let mut items = self.answered;
        while items != 0 {
            self.answers[items.trailing_zeros() as usize] = None;
            self.rows[items.trailing_zeros() as usize] = NO_FINDING;
            items &= items - 1;
        }
        self.answered = 0;
        self.setting = None;
    }

    /// Builder-style [`Assessment::set`].
    ///
    /// # Errors
    /// As for [`Assessment::set`].
    pub fn with(mut self, item: Item, answer: Answer) -> Result<Self, Error> {
        self.set(item, answer)?;
        Ok(self)
    }

    /// Forgets the answer to `item` (makes it unknown again).
    pub fn clear(&mut self, item: Item) -> &mut Self {
        self.answers[item.index()] = None;
        self.rows[item.index()] = NO_FINDING;
        self.answered &= !(1u128 << item.index());
        self
    }

    /// The answer to `item`, or `None` if unknown.
    #[must_use]
    pub fn get(&self, item: Item) -> Option<Answer> {
        self.answers[item.index()]
    }

    /// Whether `item` has been answered.
    #[must_use]
    pub fn is_answered(&self, item: Item) -> bool {
        self.answered & (1u128 << item.index()) != 0
    }

    /// The answered items: bit [`Item::index`] set for each.
    pub(crate) fn answered_mask(&self) -> u128 {
        self.answered
    }

    /// The answered items and their answers, in catalog order.
    pub fn answers(&self) -> impl Iterator<Item = (Item, Answer)> + '_ {
        Item::ALL
            .iter()
            .zip(self.answers.iter())
            .filter_map(|(&item, a)| a.map(|a| (item, a)))
    }

    /// How many items have been answered.
    #[must_use]
    pub fn answered_count(&self) -> usize {
        self.answered.count_ones() as usize
    }

    /// The number answered for `item`, if it is a number item and answered.
    #[must_use]
    pub fn number(&self, item: Item) -> Option<f64> {
        match self.get(item) {
            Some(Answer::Number(v)) => Some(v),
            _ => None,
        }
    }

    /// Whether the yes/no `item` was answered "present".
    #[must_use]
    pub fn is_present(&self, item: Item) -> bool {
        self.get(item) == Some(Answer::Present)
    }

    /// The places that hurt (empty if unknown).
    #[must_use]
    pub fn locations(&self) -> Locations {
        match self.get(Item::PainLocation) {
            Some(Answer::Locations(set)) => set,
            _ => Locations::new(),
        }
    }

    /// The BMI used for scoring: the one given, or one computed from height
    /// and weight when both are known. The boolean says whether it was computed.
    #[must_use]
    pub fn bmi(&self) -> Option<(f64, bool)> {
        if let Some(bmi) = self.number(Item::Bmi) {
            return Some((bmi, false));
        }
        let h = self.number(Item::HeightCm)? / 100.0;
        let w = self.number(Item::WeightKg)?;
        Some((w / (h * h), true))
    }

    /// Checks the answers against each other (each answer was checked on its
    /// own when it was set): a BMI computed from height and weight must be
    /// plausible (10 to 80), and must agree with a BMI given alongside them.
    ///
    /// # Errors
    /// [`Error::Inconsistent`] naming the field at fault.
    pub fn validate(&self) -> Result<(), Error> {
        let (Some(h), Some(w)) = (self.number(Item::HeightCm), self.number(Item::WeightKg)) else {
            return Ok(());
        };
        let computed = w / ((h / 100.0) * (h / 100.0));
        if !(10.0..=80.0).contains(&computed) {
            return Err(Error::Inconsistent {
                field: "answers.weight_kg".to_owned(),
                reason: format!(
                    "height {h} cm and weight {w} kg give a BMI of {computed:.1}, outside the plausible 10 to 80; check both values"
                ),
            });
        }
        if let Some(given) = self.number(Item::Bmi) {
            if (given - computed).abs() > 2.5 {
                return Err(Error::Inconsistent {
                    field: "answers.bmi".to_owned(),
                    reason: format!(
                        "BMI {given} does not match height {h} cm and weight {w} kg (BMI {computed:.1}); give one or the other, or correct them"
                    ),
                });
            }
        }
        Ok(())
    }

    /// Reads the JSON document shared by all bindings and validates it.
    ///
    /// # Errors
    /// [`Error::InvalidDocument`] for text that is not JSON, and the other
    /// variants for content that is not allowed, each naming its field.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        Self::from_doc(&doc::from_json(text)?)
    }

    /// Reads the document from any serde deserializer (a Python dict through
    /// `pythonize`, a JavaScript object through `serde-wasm-bindgen`, ...),
    /// with the same validation and errors as [`Assessment::from_json`].
    ///
    /// # Errors
    /// As for [`Assessment::from_json`]; problems the deserializer itself
    /// reports become [`Error::InvalidDocument`].
    pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Self, Error> {
        Self::from_doc(&doc::from_deserializer(d)?)
    }

    /// The JSON document for this assessment (answers in catalog order).
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing plain strings, numbers and arrays into a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub(crate) fn from_doc(doc: &Doc) -> Result<Self, Error> {
        let Doc::Object(fields) = doc else {
            return Err(Error::WrongType {
                field: String::new(),
                expected: "an object with \"setting\" and \"answers\"".to_owned(),
                found: doc.type_name(),
            });
        };
        let mut out = Assessment::new();
        let mut seen_setting = false;
        let mut seen_answers = false;
        for (key, value) in fields {
            match key.as_str() {
                "setting" => {
                    if std::mem::replace(&mut seen_setting, true) {
                        return Err(Error::Duplicate {
                            field: "setting".to_owned(),
                        });
                    }
                    out.setting = match value {
                        Doc::Null => None,
                        Doc::String(s) => Some(Setting::from_id(s).ok_or_else(|| {
                            Error::unknown_id("setting", "setting".to_owned(), s, Setting::ids())
                        })?),
                        other => {
                            return Err(Error::WrongType {
                                field: "setting".to_owned(),
                                expected: format!("one of {}", quoted(Setting::ids())),
                                found: other.type_name(),
                            });
                        }
                    };
                }
                "answers" => {
                    if std::mem::replace(&mut seen_answers, true) {
                        return Err(Error::Duplicate {
                            field: "answers".to_owned(),
                        });
                    }
                    match value {
                        Doc::Null => {}
                        Doc::Object(entries) => out.read_answers(entries)?,
                        other => {
                            return Err(Error::WrongType {
                                field: "answers".to_owned(),
                                expected: "an object of item id to answer".to_owned(),
                                found: other.type_name(),
                            });
                        }
                    }
                }
                other => {
                    return Err(Error::unknown_id(
                        "field",
                        other.to_owned(),
                        other,
                        ["setting", "answers"].into_iter(),
                    ));
                }
            }
        }
        out.validate()?;
        Ok(out)
    }

    fn read_answers(&mut self, entries: &[(String, Doc)]) -> Result<(), Error> {
        let mut seen = [false; Item::COUNT];
        for (key, value) in entries {
            let field = format!("answers.{key}");
            let item = resolve_item(key, &field)?;
            if std::mem::replace(&mut seen[item.index()], true) {
                return Err(Error::Duplicate { field });
            }
            if let Some(answer) = parse_answer(item, value, &field)? {
                self.set(item, answer)?;
            }
        }
        Ok(())
    }
}

/// The finding row, among `item`'s, that a checked answer selects (see
/// [`Assessment::finding_row`]).
pub(crate) fn local_row(item: Item, answer: Answer) -> u8 {
    // Items have far fewer than 254 answers (choice options, places, bands).
    let row = |i: usize| u8::try_from(i).ok().filter(|&r| r < SEVERAL_PLACES);
    let info = item.info();
    let found = match answer {
        Answer::Present => Some(0),
        Answer::Absent => Some(1),
        Answer::Choice(c) => match info.kind {
            AnswerKind::Choice { options } => options.iter().position(|&o| o == c).and_then(row),
            _ => None,
        },
        Answer::Number(v) => info.band_of(v).and_then(|(i, _)| row(i)),
        Answer::Locations(set) => {
            let bits = set.iter().fold(0u32, |acc, l| acc | (1 << l.index()));
            match bits.count_ones() {
                0 => None,
                1 => row(bits.trailing_zeros() as usize),
                _ => Some(SEVERAL_PLACES),
            }
        }
    };
    found.unwrap_or(NO_FINDING)
}

/// The item an answer keyed `key` is for: its id, or a retired id that one
/// item took over. A retired id that was split, and an unknown id, are
/// errors at `field`.
pub(crate) fn resolve_item(key: &str, field: &str) -> Result<Item, Error> {
    match RETIRED_ITEMS.iter().find(|r| r.id == key) {
        Some(RetiredItem {
            now: Some(item), ..
        }) => Ok(*item),
        Some(retired) => Err(Error::UnknownId {
            field: field.to_owned(),
            what: "evidence item (retired)",
            found: key.to_owned(),
            suggestion: retired.replaced_by.first().map(|i| i.as_str().to_owned()),
            allowed: retired.note.to_owned(),
        }),
        None => Item::from_id(key)
            .ok_or_else(|| Error::unknown_id("evidence item", field.to_owned(), key, Item::ids())),
    }
}

/// Whether `key` is a retired item id.
pub(crate) fn is_retired(key: &str) -> bool {
    RETIRED_ITEMS.iter().any(|r| r.id == key)
}

pub(crate) fn quoted<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn expected_for(kind: AnswerKind) -> String {
    match kind {
        AnswerKind::YesNo => "\"present\", \"absent\" or \"unknown\"".to_owned(),
        AnswerKind::Choice { options } => {
            format!("one of {}", quoted(options.iter().map(|o| o.as_str())))
        }
        AnswerKind::Locations => "an array of location ids".to_owned(),
        AnswerKind::Number { min, max, unit, .. } => {
            format!("a number from {min} to {max} {unit}")
        }
    }
}

/// Reads one answer; `Ok(None)` means unknown.
pub(crate) fn parse_answer(item: Item, value: &Doc, field: &str) -> Result<Option<Answer>, Error> {
    let kind = item.info().kind;
    let wrong = || Error::WrongType {
        field: field.to_owned(),
        expected: expected_for(kind),
        found: value.type_name(),
    };
    if matches!(value, Doc::Null) {
        return Ok(None);
    }
    match kind {
        AnswerKind::YesNo => match value {
            Doc::Bool(true) => Ok(Some(Answer::Present)),
            Doc::Bool(false) => Ok(Some(Answer::Absent)),
            Doc::String(s) => match s.as_str() {
                "present" => Ok(Some(Answer::Present)),
                "absent" => Ok(Some(Answer::Absent)),
                "unknown" => Ok(None),
                other => Err(Error::unknown_id(
                    "yes/no answer",
                    field.to_owned(),
                    other,
                    ["present", "absent", "unknown"].into_iter(),
                )),
            },
            _ => Err(wrong()),
        },
        AnswerKind::Choice { options } => match value {
            Doc::String(s) => options
                .iter()
                .find(|o| o.as_str() == s)
                .map(|&c| Some(Answer::Choice(c)))
                .ok_or_else(|| {
                    Error::unknown_id(
                        "option",
                        field.to_owned(),
                        s,
                        options.iter().map(|o| o.as_str()),
                    )
                }),
            _ => Err(wrong()),
        },
        AnswerKind::Locations => {
            let Doc::Array(items) = value else {
                return Err(wrong());
            };
            let mut set = Locations::new();
            for (i, v) in items.iter().enumerate() {
                let at = format!("{field}[{i}]");
                let Doc::String(s) = v else {
                    return Err(Error::WrongType {
                        field: at,
                        expected: "a location id".to_owned(),
                        found: v.type_name(),
                    });
                };
                let loc = Location::from_id(s).ok_or_else(|| {
                    Error::unknown_id("pain location", at.clone(), s, Location::ids())
                })?;
                if !set.insert(loc) {
                    return Err(Error::Duplicate { field: at });
                }
            }
            Ok((!set.is_empty()).then_some(Answer::Locations(set)))
        }
        AnswerKind::Number { .. } => match value {
            Doc::Number(v) => Ok(Some(Answer::Number(*v))),
            _ => Err(wrong()),
        },
    }
}

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Answers<'a>(&'a Assessment);
        impl Serialize for Answers<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.answered_count()))?;
                for (item, answer) in self.0.answers() {
                    map.serialize_entry(item.as_str(), &AnswerDoc(answer))?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(None)?;
        if let Some(setting) = self.setting {
            map.serialize_entry("setting", &setting)?;
        }
        map.serialize_entry("answers", &Answers(self))?;
        map.end()
    }
}

struct AnswerDoc(Answer);

impl Serialize for AnswerDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Answer::Present => s.serialize_str("present"),
            Answer::Absent => s.serialize_str("absent"),
            Answer::Number(v) => s.serialize_f64(v),
            Answer::Choice(c) => s.serialize_str(c.as_str()),
            Answer::Locations(set) => {
                let mut seq = s.serialize_seq(Some(set.len()))?;
                for loc in set.iter() {
                    seq.serialize_element(loc.as_str())?;
                }
                seq.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Assessment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Assessment::from_deserializer(d).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_answer_type() {
        let a = Assessment::from_json(
            r#"{"setting": "general_practice", "answers": {
                "age": 52, "sex": "female", "pain_location": ["arch", "plantar_medial_heel"],
                "first_step_pain": true, "fever": "absent", "night_pain": "unknown", "bmi": null
            }}"#,
        )
        .unwrap();
        assert_eq!(a.setting(), Some(Setting::GeneralPractice));
        assert_eq!(a.get(Item::Age), Some(Answer::Number(52.0)));
        assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
        assert_eq!(a.locations().len(), 2);
        assert!(a.is_present(Item::FirstStepPain));
        assert_eq!(a.get(Item::Fever), Some(Answer::Absent));
        assert!(!a.is_answered(Item::NightPain));
        assert!(!a.is_answered(Item::Bmi));
        assert_eq!(a.answered_count(), 5);
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (
                r#"{"answers": {"age": 121}}"#,
                "out_of_range",
                "answers.age",
            ),
            (r#"{"answers": {"age": "40"}}"#, "wrong_type", "answers.age"),
            (
                r#"{"answers": {"first_steps_pain": "present"}}"#,
                "unknown_id",
                "answers.first_steps_pain",
            ),
            (
                r#"{"answers": {"fever": "yes"}}"#,
                "unknown_id",
                "answers.fever",
            ),
            (
                r#"{"answers": {"sex": "other"}}"#,
                "unknown_id",
                "answers.sex",
            ),
            (
                r#"{"answers": {"pain_location": ["arch", "calf", "arch"]}}"#,
                "duplicate",
                "answers.pain_location[2]",
            ),
            (
                r#"{"answers": {"pain_location": ["toe"]}}"#,
                "unknown_id",
                "answers.pain_location[0]",
            ),
            (
                r#"{"answers": {"age": 30, "age": 31}}"#,
                "duplicate",
                "answers.age",
            ),
            (r#"{"setting": "gym"}"#, "unknown_id", "setting"),
            (r#"{"answer": {}}"#, "unknown_id", "answer"),
            (r"[1, 2]", "wrong_type", ""),
            (r#"{"answers": {"age": 30"#, "invalid_document", ""),
            (
                r#"{"answers": {"height_cm": 170, "weight_kg": 65, "bmi": 35}}"#,
                "inconsistent",
                "answers.bmi",
            ),
            (
                r#"{"answers": {"height_cm": 50, "weight_kg": 300}}"#,
                "inconsistent",
                "answers.weight_kg",
            ),
            (
                r#"{"answers": {"duration_days": -1}}"#,
                "out_of_range",
                "answers.duration_days",
            ),
        ];
        for (text, code, field) in cases {
            let err = Assessment::from_json(text).expect_err(text);
            assert_eq!((err.code(), err.field()), (code, field), "{text}: {err}");
        }
    }

    #[test]
    fn suggests_the_intended_item() {
        let err =
            Assessment::from_json(r#"{"answers": {"first_steps_pain": "present"}}"#).unwrap_err();
        assert!(
            err.to_string().contains("did you mean `first_step_pain`"),
            "{err}"
        );
    }

    #[test]
    fn json_round_trip_keeps_answers() {
        let text = r#"{"setting":"children","answers":{"pain_location":["achilles_insertion","whole_heel"],"onset":"gradual","age":11.0,"sex":"male","jumping_sport":"present"}}"#;
        let a = Assessment::from_json(text).unwrap();
        let again = Assessment::from_json(&a.to_json()).unwrap();
        assert_eq!(a, again);
    }

    #[test]
    fn setting_follows_age_unless_given() {
        let child = Assessment::new()
            .with(Item::Age, Answer::Number(10.0))
            .unwrap();
        assert_eq!(child.resolved_setting(), Setting::Children);
        let adult = Assessment::new()
            .with(Item::Age, Answer::Number(30.0))
            .unwrap();
        assert_eq!(adult.resolved_setting(), Setting::Runners);
        let given = child.clone().with_setting(Setting::GeneralPractice);
        assert_eq!(given.resolved_setting(), Setting::GeneralPractice);
    }

    #[test]
    fn rust_api_checks_answers_too() {
        let mut a = Assessment::new();
        assert_eq!(
            a.set(Item::Age, Answer::Present).unwrap_err().code(),
            "wrong_type"
        );
        assert_eq!(
            a.set(Item::Age, Answer::Number(f64::NAN))
                .unwrap_err()
                .code(),
            "out_of_range"
        );
        assert_eq!(
            a.set(Item::Side, Answer::Choice(Choice::Female))
                .unwrap_err()
                .code(),
            "unknown_id"
        );
        assert!(a.answered_count() == 0);
    }
}
