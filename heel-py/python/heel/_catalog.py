"""The catalog's types: ``heel.catalog()`` returns plain dicts and lists, typed
by these TypedDicts. Generated from schema/catalog.schema.json by
heel-py/scripts/gen-stubs.py: do not edit by hand (``gen-stubs.py --check`` in
the test suite fails when it drifts from the schema)."""

from __future__ import annotations

from typing import Literal, Optional, TypedDict, Union

from ._types import Professional, Setting, TriageLevel


class CatalogAdvice(TypedDict):
    """A piece of advice."""

    #: Advice id.
    id: str
    #: Title.
    title: str
    #: Text.
    text: str
    #: Source.
    source: Optional[str]


#: A numeric band, as used for scoring. Keys: "id", "from", "label".
CatalogBand = TypedDict(
    "CatalogBand",
    {
        "id": str,
        "from": float,
        "label": str,
    },
)
CatalogBand.__doc__ = "A numeric band, as used for scoring."


class CatalogCodes(TypedDict):
    """ICD-10-CM codes in the catalog."""

    #: The code when the side is unknown (or has no laterality).
    icd10cm: str
    #: How the ICD-10-CM code was chosen.
    icd10cm_note: str
    #: Bilateral code.
    icd10cm_bilateral: Optional[str]
    #: Left-side code.
    icd10cm_left: Optional[str]
    #: Right, left and bilateral codes where ICD-10-CM has them.
    icd10cm_right: Optional[str]
    #: SNOMED CT concept id, where verified.
    snomed_ct: Optional[str]


class CatalogCondition(TypedDict):
    """One condition in the catalog."""

    #: Condition id.
    id: str
    #: Display name.
    name: str
    #: Plain-language summary.
    summary: str
    #: Main body region.
    region: str
    #: Codes.
    codes: CatalogCodes
    #: Typical features.
    typical_features: list[str]
    #: First-line self-care (advice ids; texts are in ``advice``).
    self_care: list[str]
    #: When to seek care.
    seek_care: str
    #: The lowest triage level when the condition is likely.
    care_level: TriageLevel
    #: The probability from which it counts as likely (its care level's threshold).
    likely_at: float
    #: Who is best placed to assess it first, most suitable first.
    who_to_see: list[Professional]
    #: Where the "who to see" advice comes from.
    who_source: str
    #: Sources.
    sources: list[str]


class CatalogGrade(TypedDict):
    """An evidence grade with what it means."""

    #: Grade id (as in report contributions).
    id: str
    #: A short name for display.
    label: str
    #: What the grade means.
    description: str


class CatalogOption(TypedDict):
    """An option of a question: its id (what goes in the assessment) and a label."""

    #: The value to put in the assessment.
    id: str
    #: What to show.
    label: str


class YesNoAnswer(TypedDict):
    """Yes / no / don't know: ``present``, ``absent`` or ``unknown``."""

    #: The answer type.
    type: Literal["yes_no"]
    #: The three answers with labels.
    options: list[CatalogOption]


class ChoiceAnswer(TypedDict):
    """Exactly one option."""

    #: The answer type.
    type: Literal["choice"]
    #: The options.
    options: list[CatalogOption]


class LocationsAnswer(TypedDict):
    """Any number of places (a JSON array of ids)."""

    #: The answer type.
    type: Literal["locations"]
    #: The places.
    options: list[CatalogOption]


class NumberAnswer(TypedDict):
    """A number within ``min..=max``."""

    #: The answer type.
    type: Literal["number"]
    #: Smallest allowed value.
    min: float
    #: Largest allowed value.
    max: float
    #: Unit.
    unit: str
    #: The bands used for scoring (empty if the number is not scored directly).
    bands: list[CatalogBand]


#: How a question is answered: one of YesNoAnswer, ChoiceAnswer, LocationsAnswer, NumberAnswer, told
#: apart by ``type``.
AnswerSpec = Union[YesNoAnswer, ChoiceAnswer, LocationsAnswer, NumberAnswer]


class CatalogItem(TypedDict):
    """One evidence item, as a question."""

    #: The item id (the key in ``answers``).
    id: str
    #: The question, for a layperson (or the finding, for clinician tests).
    question: str
    #: The questionnaire group.
    group: str
    #: Whether only a clinician can answer it.
    clinician_only: bool
    #: Whether it is a red-flag screening question (asked first).
    red_flag_screen: bool
    #: How it is answered.
    answer: AnswerSpec


class CatalogLevel(TypedDict):
    """A triage level with what it means."""

    #: Level id.
    id: TriageLevel
    #: A short name for display.
    label: str
    #: What to do at this level (states the time frame).
    action: str
    #: The time frame in a few words.
    time_frame: str
    #: Who to see at this level when no condition names someone more specific.
    who: list[Professional]
    #: From this probability a condition whose care needs this level counts as likely.
    likely_threshold: float


class CatalogProfessional(TypedDict):
    """A professional or service a report can recommend."""

    #: Professional id.
    id: Professional
    #: A plain-language name.
    label: str


class CatalogSetting(TypedDict):
    """A setting with what it means."""

    #: Setting id.
    id: Setting
    #: Who it is for.
    label: str


class CatalogSource(TypedDict):
    """A citation."""

    #: Source key.
    id: str
    #: Citation.
    citation: str
    #: How directly it was read.
    quality: str
    #: DOI, PMID/PMC id or URL.
    locator: Optional[str]


class Catalog(TypedDict):
    """Everything a user interface needs, in a stable order."""

    #: The version of heel and of its knowledge base: ``<version>+kb.<fingerprint>``
    #: (``crate::ENGINE_VERSION``).
    engine_version: str
    #: The settings (populations) and what they mean.
    settings: list[CatalogSetting]
    #: The triage levels, least urgent first.
    triage_levels: list[CatalogLevel]
    #: Every condition.
    conditions: list[CatalogCondition]
    #: Every professional or service a report can recommend.
    professionals: list[CatalogProfessional]
    #: Every evidence item, as a question, in catalog order.
    items: list[CatalogItem]
    #: Every piece of advice.
    advice: list[CatalogAdvice]
    #: The evidence grades, strongest first.
    grades: list[CatalogGrade]
    #: The reference list.
    sources: list[CatalogSource]


__all__ = [
    "AnswerSpec",
    "Catalog",
    "CatalogAdvice",
    "CatalogBand",
    "CatalogCodes",
    "CatalogCondition",
    "CatalogGrade",
    "CatalogItem",
    "CatalogLevel",
    "CatalogOption",
    "CatalogProfessional",
    "CatalogSetting",
    "CatalogSource",
    "ChoiceAnswer",
    "LocationsAnswer",
    "NumberAnswer",
    "YesNoAnswer",
]
