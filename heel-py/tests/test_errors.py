"""Errors: their classes and attributes, and hostile input that must give a
clean HeelError (never a PanicException, never a crash)."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import random
from collections.abc import Mapping
from typing import Any, Iterator

import pytest

import heel

from shared import ERROR_CODES


def rejected(document: Any) -> heel.InvalidAssessmentError:
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess(document)
    e = caught.value
    assert e.code in ERROR_CODES
    assert isinstance(e.field, str) and isinstance(e.message, str) and e.message
    return e


def test_attributes_carry_the_core_error() -> None:
    e = rejected({"answers": {"first_steps_pain": "present"}})
    assert e.code == "unknown_id"
    assert e.field == "answers.first_steps_pain"
    assert e.suggestion == "first_step_pain"
    assert e.message.startswith("answers.first_steps_pain: unknown evidence item")
    assert e.index is None
    assert str(e) == e.message
    assert e.args == (e.message,)
    assert "did you mean `first_step_pain`" in str(e)


def test_suggestion_only_for_near_misses() -> None:
    assert rejected({"answers": {"completely_different": 1}}).suggestion is None
    assert rejected({"answers": {"age": 500}}).suggestion is None


def test_text_errors_give_line_and_column() -> None:
    e = rejected('{"answers": {"age": 30,,}}')
    assert e.code == "invalid_document"
    assert e.field == ""
    assert "line 1, column" in e.message


@pytest.mark.parametrize(
    "cls", [heel.HeelError, heel.InvalidAssessmentError, heel.InvalidOptionsError]
)
def test_errors_pickle_and_copy(cls: type[heel.HeelError]) -> None:
    e = cls("answers.age: too old", "out_of_range", "answers.age", None, 4)
    for again in (pickle.loads(pickle.dumps(e)), copy.copy(e), copy.deepcopy(e)):
        assert type(again) is cls
        assert (again.message, again.code, again.field, again.suggestion, again.index) == (
            e.message,
            e.code,
            e.field,
            e.suggestion,
            e.index,
        )
        assert str(again) == "assessment 4: answers.age: too old"
    assert repr(e).startswith(cls.__name__)
    assert cls.__module__ == "heel"


def test_raised_errors_pickle() -> None:
    e = rejected({"answers": {"sex": "femal"}})
    again = pickle.loads(pickle.dumps(e))
    assert (again.code, again.field, again.message, again.suggestion) == (
        e.code,
        e.field,
        e.message,
        e.suggestion,
    )


@dataclasses.dataclass
class Doc:
    answers: dict[str, Any]
    setting: str = "runners"


class Opaque:
    pass


class BrokenMapping(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("cannot read")

    def __iter__(self) -> Iterator[str]:
        return iter(["answers"])

    def __len__(self) -> int:
        return 1


class LyingLength(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        return {}

    def __iter__(self) -> Iterator[str]:
        return iter(["answers"])

    def __len__(self) -> int:
        raise OverflowError("no length")


def self_containing() -> dict[str, Any]:
    d: dict[str, Any] = {}
    d["answers"] = d
    return d


def deep(levels: int) -> Any:
    value: Any = "arch"
    for _ in range(levels):
        value = [value]
    return {"answers": {"pain_location": value}}


HOSTILE: list[tuple[str, Any, str]] = [
    ("none", None, "wrong_type"),
    ("number", 42, "wrong_type"),
    ("list", [1, 2], "wrong_type"),
    ("bytes", b'{"answers": {}}', "invalid_document"),
    ("bytearray", bytearray(b"{}"), "invalid_document"),
    ("object", Opaque(), "invalid_document"),
    ("object_answer", {"answers": {"age": Opaque()}}, "invalid_document"),
    ("complex_answer", {"answers": {"age": 1j}}, "invalid_document"),
    # Wider than 128 bits: read as the nearest float, as JSON reads it...
    ("huge_int", {"answers": {"age": 10**100}}, "out_of_range"),
    # ... and beyond the float range: out of range, never an OverflowError.
    ("huger_int", {"answers": {"age": 10**400}}, "out_of_range"),
    ("big_int", {"answers": {"age": 2**64}}, "out_of_range"),
    ("negative_big_int", {"answers": {"age": -(2**70)}}, "out_of_range"),
    ("nan", {"answers": {"age": float("nan")}}, "out_of_range"),
    ("inf", {"answers": {"duration_days": float("inf")}}, "out_of_range"),
    ("surrogate_value", {"answers": {"sex": "\ud800"}}, "invalid_document"),
    ("surrogate_key", {"answers": {"\udfff": 1}}, "invalid_document"),
    ("surrogate_text", '{"answers": {"sex": "\ud800"}}', "invalid_document"),
    ("int_key", {"answers": {1: "present"}}, "unknown_id"),
    ("tuple_key", {"answers": {(1, 2): "present"}}, "invalid_document"),
    ("none_key", {None: {}}, "invalid_document"),
    ("self_containing", self_containing(), "too_large"),
    ("deep_list", deep(10_000), "too_large"),
    ("long_list", {"answers": {"pain_location": ["arch"] * 100_000}}, "too_large"),
    ("long_string", {"answers": {"sex": "x" * 1_000_000}}, "too_large"),
    ("long_key", {"answers": {"k" * 10_000: 1}}, "too_large"),
    ("many_keys", {"answers": {f"k{i}": 1 for i in range(10_000)}}, "too_large"),
    ("long_text", json.dumps({"answers": {}}) + " " * (2 << 20), "too_large"),
    ("deep_text", "[" * 100_000 + "]" * 100_000, "too_large"),
    ("broken_mapping", BrokenMapping(), "invalid_document"),
    ("lying_length", LyingLength(), "invalid_document"),
    ("set_setting", {"setting": {"runners"}}, "wrong_type"),
    ("dict_as_location", {"answers": {"pain_location": {"arch": 1}}}, "wrong_type"),
    ("empty_text", "", "invalid_document"),
    ("trailing_text", '{"answers": {}} x', "invalid_document"),
]


@pytest.mark.parametrize(("name", "document", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_is_rejected_cleanly(name: str, document: Any, code: str) -> None:
    assert rejected(document).code == code


def test_integer_overflow_is_out_of_range_not_overflow_error() -> None:
    for value in (10**400, -(10**400), 2**1024):
        e = rejected({"answers": {"age": value}})
        assert (e.code, e.field) == ("out_of_range", "answers.age")
        assert "OverflowError" not in e.message
        assert e.message.startswith("answers.age: ")
    # An int wider than 128 bits but within the float range reads as JSON reads it.
    as_int = rejected({"answers": {"age": 10**40}})
    as_text = rejected('{"answers": {"age": 10000000000000000000000000000000000000000}}')
    assert (as_int.code, as_int.field, as_int.message) == (
        as_text.code,
        as_text.field,
        as_text.message,
    )
    # Under a key that is not a str, the field is the key's text, as heel-core reads it.
    e = rejected({"answers": {5: 10**400}})
    assert (e.code, e.field) == ("out_of_range", "answers.5")
    # The same through next_questions' options.
    with pytest.raises(heel.InvalidOptionsError) as caught:
        heel.next_questions({}, limit=10**400)
    assert (caught.value.code, caught.value.field) == ("out_of_range", "limit")


def shared_lists(leaf: Any) -> Any:
    """Lists that share one list 500 times, six levels deep: 500**6 leaves
    within the depth and entry limits, in a few kilobytes of memory."""
    value: Any = [leaf] * 500
    for _ in range(5):
        value = [value] * 500
    return value


@pytest.mark.parametrize("leaf", ["arch", 10**40, "\ud800"], ids=["str", "wide_int", "surrogate"])
def test_shared_lists_are_too_large_not_endless(leaf: Any) -> None:
    # heel counts every value it reads (heel_core::limits::MAX_VALUES), and so
    # do the binding's own checks of wide ints and surrogates.
    e = rejected({"answers": {"pain_location": shared_lists(leaf)}})
    if leaf == "\ud800":
        # The first leaf already cannot be read.
        assert (e.code, e.field) == ("invalid_document", "answers.pain_location[0][0][0][0][0][0]")
    else:
        assert e.code == "too_large", e.message
        assert "more than 8192 values in all" in e.message


def test_dataclasses_read_as_documents() -> None:
    report = heel.assess(Doc(answers={"age": 30}))  # type: ignore[arg-type]
    assert report == heel.assess({"setting": "runners", "answers": {"age": 30}})


def test_sets_read_as_lists() -> None:
    as_set = heel.assess({"answers": {"pain_location": {"arch", "calf"}}})
    assert as_set == heel.assess({"answers": {"pain_location": ["arch", "calf"]}})


def random_value(rng: random.Random, depth: int) -> Any:
    pick = rng.randrange(12 if depth < 4 else 8)
    atoms: list[Any] = [
        None,
        True,
        False,
        rng.randint(-(2**70), 2**70),
        rng.uniform(-1e6, 1e6),
        float("nan"),
        rng.choice(["present", "absent", "unknown", "arch", "female", "", "\x00"]),
        rng.choice(["age", "fever", "pain_location", "setting", "answers"]),
    ]
    if pick < len(atoms):
        return atoms[pick]
    if pick < 10:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {
        rng.choice(
            ["setting", "answers", "age", "fever", "sex", "pain_location", "bmi", "x"]
        ): random_value(rng, depth + 1)
        for _ in range(rng.randrange(5))
    }


def test_random_documents_never_escape_heel_errors() -> None:
    rng = random.Random(20260401)
    outcomes = {"report": 0, "error": 0}
    for _ in range(3000):
        document = random_value(rng, 0)
        if rng.random() < 0.5 and isinstance(document, dict):
            document = {"answers": document}
        try:
            heel.assess(document)
            heel.next_questions(document, limit=2)
            outcomes["report"] += 1
        except heel.InvalidAssessmentError:
            outcomes["error"] += 1
        try:
            heel.assess(json.dumps(document))
        except heel.InvalidAssessmentError:
            pass
        except ValueError:
            pass  # json.dumps refuses some values itself; heel never got them
    assert outcomes["report"] > 0 and outcomes["error"] > 0
