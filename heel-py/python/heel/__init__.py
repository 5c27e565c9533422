"""heel: an open, evidence-based heel pain assessment engine.

Describe the pain (where it hurts, how and when it started, what makes it
worse, risk factors and, if a clinician is involved, bedside tests) and heel
gives a probability distribution over 26 conditions and "Something else"
(``other``), showing how every answer moved each one; sets a triage level
with its time frame, who to see and the reasons behind it (red flags are
rules, and scores never argue them away; too little information is never
self-care); and builds a care plan to start with.

**heel is not a diagnosis.** It cannot examine anyone, and every report says
so.

>>> import heel
>>> report = heel.assess({"setting": "runners", "answers": {
...     "age": 42, "pain_location": ["plantar_medial_heel"],
...     "first_step_pain": "present", "eases_after_few_minutes": "present"}})
>>> report.top.id
'plantar_fasciitis'

The engine is the Rust crate heel-core; this package is a thin binding.
``Report.to_dict()`` is exactly the document heel-core writes, so results
agree across Rust, Python and JavaScript.

- ``assess(assessment)``: one assessment (a dict or JSON text) to a ``Report``.
- ``assess_many(assessments)``: many, scored with the GIL released.
- ``assess_frame(df)``: a pandas or polars DataFrame, one row per assessment.
- ``next_questions(assessment, ...)``: what to ask next, and when to stop.
- ``parse(text)``: a free-text description read into findings (each with the
  words it came from) and an assessment ready for ``assess``.
- ``catalog()``: conditions, questions, triage levels, professionals, advice
  and sources, as plain dicts and lists (typed by ``heel.Catalog`` and the
  other TypedDicts of the catalog).
- ``fhir_questionnaire()``, ``fhir_bundle(assessment_or_response)``,
  ``assessment_from_fhir(response)``: HL7 FHIR R4 (an SDC Questionnaire, a
  QuestionnaireResponse read as an assessment, the results as a Bundle), as
  dicts; see docs/fhir.md.

Invalid input raises ``InvalidAssessmentError``, ``InvalidOptionsError`` or,
for ``parse``, ``InvalidTextError`` (all ``HeelError``, a ``ValueError``) with
``code``, ``field`` and ``message`` attributes.
"""

from __future__ import annotations

from ._catalog import (
    AnswerSpec,
    Catalog,
    CatalogAdvice,
    CatalogBand,
    CatalogCodes,
    CatalogCondition,
    CatalogGrade,
    CatalogItem,
    CatalogLevel,
    CatalogOption,
    CatalogProfessional,
    CatalogSetting,
    CatalogSource,
    ChoiceAnswer,
    LocationsAnswer,
    NumberAnswer,
    YesNoAnswer,
)
from ._errors import HeelError, InvalidAssessmentError, InvalidOptionsError, InvalidTextError
from ._frame import assess_frame
from ._heel import (
    NOTICE,
    CarePlan,
    CareStep,
    ConditionResult,
    Contribution,
    Finding,
    NextQuestions,
    Parsed,
    Question,
    Report,
    Span,
    Triage,
    TriageReason,
    __version__,
    assess,
    assess_many,
    assessment_from_fhir,
    catalog,
    fhir_bundle,
    fhir_questionnaire,
    parse,
)
from ._interview import next_questions
from ._types import (
    AnswerType,
    AssessmentLike,
    Professional,
    ReasonKind,
    Setting,
    StopReason,
    TriageLevel,
)

__all__ = [
    "NOTICE",
    "AnswerSpec",
    "AnswerType",
    "AssessmentLike",
    "CarePlan",
    "CareStep",
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
    "ConditionResult",
    "Contribution",
    "Finding",
    "HeelError",
    "InvalidAssessmentError",
    "InvalidOptionsError",
    "InvalidTextError",
    "LocationsAnswer",
    "NextQuestions",
    "NumberAnswer",
    "Parsed",
    "Professional",
    "Question",
    "ReasonKind",
    "Report",
    "Setting",
    "Span",
    "StopReason",
    "Triage",
    "TriageLevel",
    "TriageReason",
    "YesNoAnswer",
    "__version__",
    "assess",
    "assess_frame",
    "assess_many",
    "assessment_from_fhir",
    "catalog",
    "fhir_bundle",
    "fhir_questionnaire",
    "next_questions",
    "parse",
]
