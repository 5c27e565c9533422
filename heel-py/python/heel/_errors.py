"""The exceptions heel raises.

heel-core checks every document and names what is wrong; these classes carry
its verdict to Python unchanged:

- ``code``: a stable name for the kind of problem, shared by every binding:
  ``invalid_document``, ``unknown_id``, ``wrong_type``, ``out_of_range``,
  ``duplicate``, ``too_large`` or ``inconsistent``;
- ``field``: the dotted path of the field at fault, such as ``answers.age`` or
  ``answers.pain_location[0]`` (empty for the document as a whole);
- ``message``: the full explanation, with what is allowed;
- ``suggestion``: for ``unknown_id``, the id that was probably meant, if any;
- ``index``: for a batch (``assess_many``, ``assess_frame``), the position of
  the assessment at fault; ``None`` otherwise.
"""

from __future__ import annotations

from typing import Any, Optional


class HeelError(ValueError):
    """Base class of heel's errors; a ``ValueError``.

    Raised as such for an unknown id given to a lookup (``Report.condition``,
    ``Catalog.item``, ``Catalog.condition``); documents that are not valid
    raise one of its subclasses.
    """

    code: str
    field: str
    message: str
    suggestion: Optional[str]
    index: Optional[int]

    def __init__(
        self,
        message: str,
        code: str,
        field: str = "",
        suggestion: Optional[str] = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.suggestion = suggestion
        self.index = index

    def __str__(self) -> str:
        if self.index is None:
            return self.message
        return f"assessment {self.index}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.code, self.field, self.suggestion, self.index))


class InvalidAssessmentError(HeelError):
    """An assessment document that heel cannot accept: not JSON, an unknown
    field or item, an answer of the wrong type or out of range, an item
    answered twice, a document too large, or answers that contradict each
    other."""


class InvalidOptionsError(HeelError):
    """Options of ``next_questions`` that heel cannot accept, such as a
    negative ``limit`` or an unknown item in ``skip``."""


class InvalidTextError(HeelError):
    """A text that ``parse`` cannot read: over 20,000 characters
    (``too_large``), or a ``str`` that cannot be encoded as UTF-8
    (``invalid_document``); ``field`` is ``"text"``."""


# Shown (and pickled) as heel.HeelError and so on, where users import them from.
for _cls in (HeelError, InvalidAssessmentError, InvalidOptionsError, InvalidTextError):
    _cls.__module__ = "heel"
del _cls

__all__ = ["HeelError", "InvalidAssessmentError", "InvalidOptionsError", "InvalidTextError"]
