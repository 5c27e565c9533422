"""``next_questions`` with keyword options (the native function takes the
options document that heel-core reads)."""

from __future__ import annotations

from typing import Any, Iterable, Optional

from . import _heel
from ._types import AssessmentLike


def next_questions(
    assessment: AssessmentLike,
    *,
    self_report_only: bool = False,
    limit: Optional[int] = None,
    skip: Iterable[str] = (),
) -> _heel.NextQuestions:
    """Ranks the unanswered questions and says whether to stop asking.

    Pending red-flag screening questions come first; the others follow by
    their expected information gain. ``should_stop`` on the result turns true
    once more questions are unlikely to change the answer (``stop_reason``
    says why).

    Args:
        assessment: The answers so far, as a dict or JSON text.
        self_report_only: Leave out the questions only a clinician can answer
            (bedside tests).
        limit: Return at most this many questions (all by default).
        skip: Item ids already asked and answered "don't know", so as not to
            ask them again.

    Raises:
        InvalidAssessmentError: The assessment is not valid.
        InvalidOptionsError: An option is not valid (for example a negative
            ``limit`` or an unknown item id in ``skip``).
    """
    # Any iterable of ids becomes a list; a str, or anything else, goes to the
    # core unchanged, to be rejected with its message.
    skipped: Any = skip
    if not isinstance(skip, (str, bytes, list, tuple)):
        try:
            skipped = list(skip)
        except TypeError:
            pass
    options = {"self_report_only": self_report_only, "limit": limit, "skip": skipped}
    return _heel.next_questions(assessment, options)
