"""Free text: ``heel.parse`` gives the same documents as Rust's ``parse``
(target/fixtures/parsed/, written by `cargo run --example fixtures`) for the
shared texts of tests/fixtures/texts.json, its assessment scores as the Rust
``--text`` path does, and its classes and errors behave like the others."""

from __future__ import annotations

import copy
import json
import pickle
import threading
from typing import Any

import pytest

import heel

from shared import FIXTURES, REFERENCE, REPO, load, reference

TEXTS = load(FIXTURES / "texts.json")
TEXT_IDS = [c["name"] for c in TEXTS["texts"]]


def text_of(case: dict[str, Any]) -> str:
    if "text" in case:
        return str(case["text"])
    return (REPO / case["file"]).read_text(encoding="utf-8")


def by_name(name: str) -> dict[str, Any]:
    return next(c for c in TEXTS["texts"] if c["name"] == name)


@pytest.mark.parametrize("name", TEXT_IDS)
def test_parsed_is_the_rust_document(name: str) -> None:
    parsed = heel.parse(text_of(by_name(name)))
    rust = reference("parsed", f"{name}.json")
    # Exact equality, floats included: both sides round-trip f64 exactly.
    assert parsed.to_dict() == rust
    assert json.loads(parsed.to_json()) == rust
    assert parsed.assessment == rust["assessment"]


@pytest.mark.parametrize("name", TEXT_IDS)
def test_its_assessment_scores_as_in_rust(name: str) -> None:
    parsed = heel.parse(text_of(by_name(name)))
    report = heel.assess(parsed.assessment)
    assert report.to_dict() == reference("parsed", f"{name}.report.json")
    # The assessment as JSON text is the same document.
    assert heel.assess(json.dumps(parsed.assessment)) == report


def test_the_report_is_the_text_paths() -> None:
    # `cargo run --example assess -- --text --json FILE`, saved by
    # scripts/test-python: the main job reading the same file.
    path = REFERENCE / "parsed" / "cli-runner-first-step-pain.report.json"
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `cargo run --example assess -- --text --json "
            f"examples/runner-first-step-pain.txt > {path}` (scripts/test-python does)"
        )
    text = (REPO / "examples" / "runner-first-step-pain.txt").read_text(encoding="utf-8")
    report = heel.assess(heel.parse(text).assessment)
    assert report.to_dict() == load(path)
    assert report.top.id == "plantar_fasciitis"


@pytest.mark.parametrize("name", TEXT_IDS)
def test_parsed_meets_the_expectations(name: str) -> None:
    case = by_name(name)
    expect = case["expect"]
    parsed = heel.parse(text_of(case))
    answers = parsed.assessment["answers"]
    for item, answer in expect["answers"].items():
        assert answers.get(item) == answer, item
    hedged = sorted({f.item for f in parsed.findings if f.hedged})
    assert hedged == sorted(expect["hedged"])
    for item in expect["hedged"]:
        # Hedged: reported with no answer, and left out of the assessment
        # unless another statement answers it.
        assert all(f.answer is None for f in parsed.findings if f.item == item and f.hedged)
    assert [u.text for u in parsed.unused] == expect["unused"]
    if "setting" in expect:
        assert parsed.assessment["setting"] == expect["setting"]
    report = heel.assess(parsed.assessment)
    if "top" in expect:
        assert report.top.id == expect["top"]
    if "triage" in expect:
        assert report.triage.level == expect["triage"]


@pytest.mark.parametrize("name", TEXT_IDS)
def test_attributes_mirror_the_document(name: str) -> None:
    text = text_of(by_name(name))
    parsed = heel.parse(text)
    doc = parsed.to_dict()
    assert [f.to_dict() for f in parsed.findings] == doc["findings"]
    assert [u.to_dict() for u in parsed.unused] == doc["unused"]
    encoded = text.encode("utf-8")
    for f, d in zip(parsed.findings, doc["findings"]):
        assert (f.item, f.answer, f.negated, f.hedged, f.approximate) == (
            d["item"],
            d["answer"],
            d["negated"],
            d["hedged"],
            d["approximate"],
        )
        assert (f.span.start, f.span.end, f.span.text) == (
            d["span"]["start"],
            d["span"]["end"],
            d["span"]["text"],
        )
    for span in [f.span for f in parsed.findings] + parsed.unused:
        # Offsets count bytes of the UTF-8 text, as in Rust and JavaScript.
        assert encoded[span.start : span.end].decode("utf-8") == span.text


def test_offsets_are_utf8_bytes() -> None:
    text = by_name("beyond_ascii")["text"]
    parsed = heel.parse(text)
    burning = next(f for f in parsed.findings if f.item == "burning")
    assert burning.span.text == "burning"
    # The curly apostrophe and the dash take 3 bytes each: the byte offset is
    # past the character index.
    assert burning.span.start > text.index("burning")
    assert text.encode()[burning.span.start : burning.span.end] == b"burning"


def test_answers_take_the_assessment_forms() -> None:
    parsed = heel.parse(text_of(by_name("runner_first_step_pain")))
    answers = {f.item: f.answer for f in parsed.findings if not f.hedged}
    assert answers["fever"] == "absent"
    assert answers["first_step_pain"] == "present"
    assert answers["age"] == 42.0 and isinstance(answers["age"], float)
    assert answers["sex"] == "female"
    assert answers["pain_location"] == "plantar_medial_heel"
    fever = next(f for f in parsed.findings if f.item == "fever")
    assert fever.negated and not fever.hedged
    injury = next(f for f in parsed.findings if f.item == "trauma")
    assert injury.hedged and injury.answer is None
    assert "trauma" not in parsed.assessment["answers"]


def test_the_assessment_is_a_new_dict_each_time() -> None:
    parsed = heel.parse("No fever. I'm 30.")
    first = parsed.assessment
    first["answers"]["fever"] = "present"
    assert parsed.assessment["answers"]["fever"] == "absent"
    assert parsed.assessment is not parsed.assessment


def test_the_interview_goes_on_from_the_assessment() -> None:
    parsed = heel.parse(text_of(by_name("runner_first_step_pain")))
    nq = heel.next_questions(parsed.assessment, self_report_only=True)
    asked = {q.item for q in nq.questions}
    assert not asked & set(parsed.assessment["answers"])
    assert nq.answered == len(parsed.assessment["answers"])
    # The hedged injury is not answered, so it can still be asked.
    assert "trauma" not in parsed.assessment["answers"]


def test_parsed_compares_pickles_and_copies() -> None:
    text = text_of(by_name("clinician_note"))
    parsed = heel.parse(text)
    assert parsed == heel.parse(text)
    assert parsed != heel.parse(text + " Fever.")
    for again in (pickle.loads(pickle.dumps(parsed)), copy.copy(parsed), copy.deepcopy(parsed)):
        assert again == parsed
        assert type(again) is heel.Parsed
    assert heel._heel._parsed_from_json(parsed.to_json()) == parsed
    with pytest.raises(ValueError, match="not a heel parsed-text document"):
        heel._heel._parsed_from_json("{}")


def test_to_json_indents() -> None:
    parsed = heel.parse("No fever.")
    assert json.loads(parsed.to_json(indent=2)) == parsed.to_dict()
    assert parsed.to_json(indent=2).startswith('{\n  "findings"')
    with pytest.raises(ValueError):
        parsed.to_json(indent=100)


def test_reprs() -> None:
    parsed = heel.parse(text_of(by_name("runner_first_step_pain")))
    assert repr(parsed).startswith("<heel.Parsed findings=")
    assert "hedged=1" in repr(parsed)
    fever = next(f for f in parsed.findings if f.item == "fever")
    assert repr(fever) == f"<heel.Finding fever=\"absent\" from {fever.span.text!r} negated>"
    assert repr(fever.span) == f"<heel.Span {fever.span.start}..{fever.span.end} 'fever'>"


def test_classes_are_exported_and_immutable() -> None:
    parsed = heel.parse("No fever.")
    finding = parsed.findings[0]
    assert isinstance(parsed, heel.Parsed)
    assert isinstance(finding, heel.Finding)
    assert isinstance(finding.span, heel.Span)
    with pytest.raises(AttributeError):
        finding.hedged = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        heel.Parsed()  # type: ignore[call-arg]


@pytest.mark.parametrize("case", TEXTS["errors"], ids=lambda c: c["name"])
def test_text_over_the_limit_is_rusts_error(case: dict[str, Any]) -> None:
    rust = reference("parsed", "errors.json")[case["name"]]
    with pytest.raises(heel.InvalidTextError) as caught:
        heel.parse(case["repeat"] * case["count"])
    e = caught.value
    assert (e.code, e.field, e.message) == (rust["code"], rust["field"], rust["message"])
    assert (e.code, e.field) == (case["code"], case["field"])
    assert case["message_contains"] in e.message
    assert isinstance(e, heel.HeelError) and isinstance(e, ValueError)
    assert type(e).__module__ == "heel"
    assert e.index is None and e.suggestion is None
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is heel.InvalidTextError and again.code == e.code


@pytest.mark.parametrize("case", TEXTS["accepted"], ids=lambda c: c["name"])
def test_text_at_the_limit_is_read(case: dict[str, Any]) -> None:
    # The limit counts characters, not bytes.
    text = case["repeat"] * case["count"]
    assert len(text.encode()) > len(text)
    parsed = heel.parse(text)
    assert parsed.findings == []


def test_a_str_that_is_not_unicode_text() -> None:
    with pytest.raises(heel.InvalidTextError) as caught:
        heel.parse("No fever \ud800")
    assert (caught.value.code, caught.value.field) == ("invalid_document", "text")
    assert "surrogates not allowed" in caught.value.message


@pytest.mark.parametrize("value", [None, 42, b"No fever", ["No fever"], {"text": "No fever"}])
def test_only_str_is_text(value: Any) -> None:
    with pytest.raises(TypeError):
        heel.parse(value)


def test_parse_from_threads() -> None:
    # parse runs with the GIL released: threads parse at once and agree.
    text = text_of(by_name("child_posterior_heels")) * 50
    expected = heel.parse(text)
    results: list[heel.Parsed] = []
    threads = [
        threading.Thread(target=lambda: results.append(heel.parse(text))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4
