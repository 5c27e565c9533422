"""Type aliases for heel's documents and ids.

The ids themselves come from heel-core; these aliases only name the small,
stable sets so that type checkers and editors can help. The test suite checks
each against the catalog and the reports, so they cannot drift from the core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Mapping, Union

if TYPE_CHECKING:
    # Annotations are not evaluated at run time (see the __future__ import), so
    # this needs typing_extensions only for type checkers, which ship it.
    from typing_extensions import TypeAlias

#: An assessment: the document ``{"setting": ..., "answers": {...}}`` as a
#: mapping, or as JSON text.
AssessmentLike: TypeAlias = Union[str, Mapping[str, Any]]

#: A population whose pre-test probabilities are used.
Setting: TypeAlias = Literal["runners", "general_practice", "children"]

#: How urgently to see someone, from least to most urgent.
TriageLevel: TypeAlias = Literal["self_care", "see_doctor", "urgent", "emergency"]

#: Why a triage reason was given.
ReasonKind: TypeAlias = Literal[
    "rule", "likely_condition", "no_clear_pattern", "not_enough_information", "no_warning_signs"
]

#: Who a report can recommend seeing (labels in ``heel.catalog()["professionals"]``).
Professional: TypeAlias = Literal[
    "family_doctor",
    "physiotherapist",
    "podiatrist",
    "sports_medicine",
    "urgent_care",
    "emergency_department",
    "rheumatology",
    "diabetic_foot_team",
    "orthopaedics",
]

#: Why the interview can stop.
StopReason: TypeAlias = Literal[
    "leading_condition_clear", "no_question_changes_ranking", "no_questions_left"
]

#: How a question is answered.
AnswerType: TypeAlias = Literal["yes_no", "choice", "locations", "number"]

__all__ = [
    "AnswerType",
    "AssessmentLike",
    "Professional",
    "ReasonKind",
    "Setting",
    "StopReason",
    "TriageLevel",
]
