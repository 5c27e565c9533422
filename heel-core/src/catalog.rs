//! The catalog: everything a user interface needs to ask the questions and
//! show the answers, without hard-coding any of it.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::Setting;
use crate::condition::{Condition, Region};
use crate::item::{AnswerKind, Group, Item, Location};
use crate::knowledge::{Advice, Grade, SCREENING, Source, SourceQuality};
use crate::vocab::{Professional, TriageLevel};

/// An option of a question: its id (what goes in the assessment) and a label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogOption {
    /// The value to put in the assessment.
    pub id: String,
    /// What to show.
    pub label: String,
}

/// A numeric band, as used for scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogBand {
    /// Band id (the answer name in contributions).
    pub id: String,
    /// Lower bound, inclusive.
    pub from: f64,
    /// Plain-language label.
    pub label: String,
}

/// How a question is answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AnswerSpec {
    /// Yes / no / don't know: `present`, `absent` or `unknown`.
    YesNo {
        /// The three answers with labels.
        options: Vec<CatalogOption>,
    },
    /// Exactly one option.
    Choice {
        /// The options.
        options: Vec<CatalogOption>,
    },
    /// Any number of places (a JSON array of ids).
    Locations {
        /// The places.
        options: Vec<CatalogOption>,
    },
    /// A number within `min..=max`.
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Unit.
        unit: String,
        /// The bands used for scoring (empty if the number is not scored directly).
        bands: Vec<CatalogBand>,
    },
}

/// One evidence item, as a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogItem {
    /// The item id (the key in `answers`).
    pub id: Item,
    /// The question, for a layperson (or the finding, for clinician tests).
    pub question: String,
    /// The questionnaire group.
    pub group: Group,
    /// Whether only a clinician can answer it.
    pub clinician_only: bool,
    /// Whether it is a red-flag screening question (asked first).
    pub red_flag_screen: bool,
    /// How it is answered.
    pub answer: AnswerSpec,
}

/// ICD-10-CM codes in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogCodes {
    /// The code when the side is unknown (or has no laterality).
    pub icd10cm: String,
    /// Right, left and bilateral codes where ICD-10-CM has them.
    pub icd10cm_right: Option<String>,
    /// Left-side code.
    pub icd10cm_left: Option<String>,
    /// Bilateral code.
    pub icd10cm_bilateral: Option<String>,
    /// How the ICD-10-CM code was chosen.
    pub icd10cm_note: String,
    /// SNOMED CT concept id, where verified.
    pub snomed_ct: Option<String>,
}

/// One condition in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogCondition {
    /// Condition id.
    pub id: Condition,
    /// Display name.
    pub name: String,
    /// Plain-language summary.
    pub summary: String,
    /// Main body region.
    pub region: Region,
    /// Codes.
    pub codes: CatalogCodes,
    /// Typical features.
    pub typical_features: Vec<String>,
    /// First-line self-care (advice ids; texts are in `advice`).
    pub self_care: Vec<Advice>,
    /// When to seek care.
    pub seek_care: String,
    /// The lowest triage level when the condition is likely.
    pub care_level: TriageLevel,
    /// The probability from which it counts as likely (its care level's threshold).
    pub likely_at: f64,
    /// Who is best placed to assess it first, most suitable first.
    pub who_to_see: Vec<Professional>,
    /// Where the "who to see" advice comes from.
    pub who_source: Source,
    /// Sources.
    pub sources: Vec<Source>,
}

/// A professional or service a report can recommend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogProfessional {
    /// Professional id.
    pub id: Professional,
    /// A plain-language name.
    pub label: String,
}

/// A triage level with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogLevel {
    /// Level id.
    pub id: TriageLevel,
    /// A short name for display.
    pub label: String,
    /// What to do at this level (states the time frame).
    pub action: String,
    /// The time frame in a few words.
    pub time_frame: String,
    /// Who to see at this level when no condition names someone more specific.
    pub who: Vec<Professional>,
    /// From this probability a condition whose care needs this level counts as likely.
    pub likely_threshold: f64,
}

/// An evidence grade with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogGrade {
    /// Grade id (as in report contributions).
    pub id: Grade,
    /// A short name for display.
    pub label: String,
    /// What the grade means.
    pub description: String,
}

/// A setting with what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogSetting {
    /// Setting id.
    pub id: Setting,
    /// Who it is for.
    pub label: String,
}

/// A piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogAdvice {
    /// Advice id.
    pub id: Advice,
    /// Title.
    pub title: String,
    /// Text.
    pub text: String,
    /// Source.
    pub source: Option<Source>,
}

/// A citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CatalogSource {
    /// Source key.
    pub id: Source,
    /// Citation.
    pub citation: String,
    /// DOI, PMID/PMC id or URL.
    pub locator: Option<String>,
    /// How directly it was read.
    pub quality: SourceQuality,
}

/// Everything a user interface needs, in a stable order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Catalog {
    /// The version of heel and of its knowledge base:
    /// `<version>+kb.<fingerprint>` ([`crate::ENGINE_VERSION`]).
    pub engine_version: String,
    /// The settings (populations) and what they mean.
    pub settings: Vec<CatalogSetting>,
    /// The triage levels, least urgent first.
    pub triage_levels: Vec<CatalogLevel>,
    /// Every condition.
    pub conditions: Vec<CatalogCondition>,
    /// Every professional or service a report can recommend.
    pub professionals: Vec<CatalogProfessional>,
    /// Every evidence item, as a question, in catalog order.
    pub items: Vec<CatalogItem>,
    /// Every piece of advice.
    pub advice: Vec<CatalogAdvice>,
    /// The evidence grades, strongest first.
    pub grades: Vec<CatalogGrade>,
    /// The reference list.
    pub sources: Vec<CatalogSource>,
}

fn options<I: IntoIterator<Item = (&'static str, &'static str)>>(it: I) -> Vec<CatalogOption> {
    it.into_iter()
        .map(|(id, label)| CatalogOption {
            id: id.to_owned(),
            label: label.to_owned(),
        })
        .collect()
}

fn answer_spec(kind: AnswerKind) -> AnswerSpec {
    match kind {
        AnswerKind::Choice { options: opts } => AnswerSpec::Choice {
            options: options(opts.iter().map(|c| (c.as_str(), c.label()))),
        },
        AnswerKind::Locations => AnswerSpec::Locations {
            options: options(Location::ALL.iter().map(|l| (l.as_str(), l.label()))),
        },
        AnswerKind::Number {
            min,
            max,
            unit,
            bands,
        } => AnswerSpec::Number {
            min,
            max,
            unit: unit.to_owned(),
            bands: bands
                .iter()
                .map(|b| CatalogBand {
                    id: b.id.to_owned(),
                    from: b.from,
                    label: b.label.to_owned(),
                })
                .collect(),
        },
        // `AnswerKind` is non-exhaustive only for other crates; yes/no is the rest.
        AnswerKind::YesNo => AnswerSpec::YesNo {
            options: options([
                ("present", "Yes"),
                ("absent", "No"),
                ("unknown", "Don't know"),
            ]),
        },
    }
}

fn build() -> Catalog {
    let owned = |s: Option<&str>| s.map(str::to_owned);
    Catalog {
        engine_version: crate::ENGINE_VERSION.to_owned(),
        settings: Setting::ALL
            .iter()
            .map(|&id| CatalogSetting {
                id,
                label: id.label().to_owned(),
            })
            .collect(),
        triage_levels: TriageLevel::ALL
            .iter()
            .map(|&id| CatalogLevel {
                id,
                label: id.label().to_owned(),
                action: id.action().to_owned(),
                time_frame: id.time_frame().to_owned(),
                who: crate::knowledge::levels::LEVELS[id.index()].who.to_vec(),
                likely_threshold: id.likely_threshold(),
            })
            .collect(),
        conditions: Condition::ALL
            .iter()
            .map(|&id| {
                let i = id.info();
                CatalogCondition {
                    id,
                    name: i.name.to_owned(),
                    summary: i.summary.to_owned(),
                    region: i.region,
                    codes: CatalogCodes {
                        icd10cm: i.icd10cm.code.to_owned(),
                        icd10cm_right: owned(i.icd10cm.right),
                        icd10cm_left: owned(i.icd10cm.left),
                        icd10cm_bilateral: owned(i.icd10cm.bilateral),
                        icd10cm_note: i.icd10cm.note.to_owned(),
                        snomed_ct: owned(i.snomed_ct),
                    },
                    typical_features: i.typical_features.iter().map(|s| (*s).to_owned()).collect(),
                    self_care: i.self_care.to_vec(),
                    seek_care: i.seek_care.to_owned(),
                    care_level: i.care_level,
                    likely_at: id.likely_at(),
                    who_to_see: i.who_to_see.to_vec(),
                    who_source: i.who_source,
                    sources: i.sources.to_vec(),
                }
            })
            .collect(),
        professionals: Professional::ALL
            .iter()
            .map(|&id| CatalogProfessional {
                id,
                label: id.label().to_owned(),
            })
            .collect(),
        items: Item::ALL
            .iter()
            .map(|&id| {
                let i = id.info();
                CatalogItem {
                    id,
                    question: i.question.to_owned(),
                    group: i.group,
                    clinician_only: i.clinician_only,
                    red_flag_screen: SCREENING.iter().any(|s| s.item == id),
                    answer: answer_spec(i.kind),
                }
            })
            .collect(),
        advice: Advice::ALL
            .iter()
            .map(|&id| {
                let a = id.info();
                CatalogAdvice {
                    id,
                    title: a.title.to_owned(),
                    text: a.text.to_owned(),
                    source: a.source,
                }
            })
            .collect(),
        grades: Grade::ALL
            .iter()
            .map(|&id| CatalogGrade {
                id,
                label: id.label().to_owned(),
                description: id.description().to_owned(),
            })
            .collect(),
        sources: Source::ALL
            .iter()
            .map(|&id| {
                let s = id.info();
                CatalogSource {
                    id,
                    citation: s.citation.to_owned(),
                    locator: owned(s.locator),
                    quality: s.quality,
                }
            })
            .collect(),
    }
}

/// The catalog of conditions, questions, triage levels, advice and sources.
///
/// Built once and shared; the order of every list is stable.
///
/// ```
/// let catalog = heel_core::catalog();
/// assert_eq!(catalog.conditions.len(), 27); // 26 named conditions and "other"
/// let fever = catalog.items.iter().find(|i| i.id.as_str() == "fever").unwrap();
/// assert!(fever.red_flag_screen);
/// assert!(!fever.clinician_only);
/// ```
#[must_use]
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(build)
}

impl Catalog {
    /// The catalog as JSON (the document all bindings return).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
