"""The shared fixtures in tests/fixtures/: Python gives the same documents as
Rust (target/fixtures/, written by `cargo run --example fixtures`) and meets the
hand-written expectations."""

from __future__ import annotations

import json
from typing import Any

import pytest

import heel

from shared import CASES, ERROR_CODES, ERRORS, reference

CASE_IDS = [c["name"] for c in CASES["cases"]]
QUESTION_IDS = [c["name"] for c in CASES["questions"]]


def by_name(cases: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(c for c in cases if c["name"] == name)


@pytest.mark.parametrize("name", CASE_IDS)
def test_report_is_the_rust_document(name: str) -> None:
    case = by_name(CASES["cases"], name)
    rust = reference("reports", f"{name}.json")
    report = heel.assess(case["assessment"])
    # Exact equality, floats included: both sides round-trip f64 exactly.
    assert report.to_dict() == rust
    assert json.loads(report.to_json()) == rust
    # The same document given as JSON text gives the same report.
    assert heel.assess(json.dumps(case["assessment"])) == report


@pytest.mark.parametrize("name", CASE_IDS)
def test_report_meets_the_expectations(name: str) -> None:
    case = by_name(CASES["cases"], name)
    expect = case["expect"]
    report = heel.assess(case["assessment"])
    assert report.top.id == expect["top"]
    assert report.triage.level == expect["triage"]
    if "setting" in expect:
        assert report.setting == expect["setting"]
    fired = [r.rule for r in report.triage.reasons if r.kind == "rule"]
    for rule in expect["rules"]:
        assert rule in fired
    advice = [s.advice for s in report.care_plan.steps]
    for wanted in expect["care_plan_includes"]:
        assert wanted in advice
    assert "not a diagnosis" in report.notice


@pytest.mark.parametrize("name", CASE_IDS)
def test_attributes_mirror_the_document(name: str) -> None:
    case = by_name(CASES["cases"], name)
    report = heel.assess(case["assessment"])
    doc = report.to_dict()
    assert report.setting == doc["setting"]
    assert report.answered == doc["answered"]
    assert report.missing == doc["missing"]
    assert report.log_normaliser == doc["log_normaliser"]
    assert report.remarks == doc["remarks"]
    assert report.notice == doc["notice"] == heel.NOTICE
    assert report.engine_version == doc["engine_version"] == heel.catalog()["engine_version"]
    assert report.engine_version.startswith(f"{heel.__version__}+kb.")
    assert [c.to_dict() for c in report.conditions] == doc["conditions"]
    assert report.triage.to_dict() == doc["triage"]
    assert report.care_plan.to_dict() == doc["care_plan"]
    for c, d in zip(report.conditions, doc["conditions"]):
        assert (
            c.id,
            c.name,
            c.probability,
            c.prior,
            c.log_prior,
            c.log_score,
            c.likely,
            c.icd10cm,
        ) == (
            d["id"],
            d["name"],
            d["probability"],
            d["prior"],
            d["log_prior"],
            d["log_score"],
            d["likely"],
            d["icd10cm"],
        )
        assert len(c.contributions) == len(d["contributions"])
        for k, e in zip(c.contributions, d["contributions"]):
            assert (
                k.item,
                k.answer,
                k.likelihood_ratio,
                k.log_lr,
                k.weight,
                k.applied,
                k.group,
                k.grade,
                k.source,
            ) == (
                e["item"],
                e["answer"],
                e["likelihood_ratio"],
                e["log_lr"],
                e["weight"],
                e["applied"],
                e["group"],
                e["grade"],
                e["source"],
            )
    t = doc["triage"]
    assert (
        report.triage.level,
        report.triage.time_frame,
        report.triage.action,
        report.triage.who_to_see,
        report.triage.who_to_see_text,
        report.triage.who_source,
    ) == (
        t["level"],
        t["time_frame"],
        t["action"],
        t["who_to_see"],
        t["who_to_see_text"],
        t["who_source"],
    )
    assert len(report.triage.reasons) == len(t["reasons"])
    for r, e in zip(report.triage.reasons, t["reasons"]):
        assert (r.kind, r.level, r.red_flag, r.rule, r.condition, r.text, r.source) == (
            e["kind"],
            e["level"],
            e["red_flag"],
            e["rule"],
            e["condition"],
            e["text"],
            e["source"],
        )
    p = doc["care_plan"]
    assert report.care_plan.summary == p["summary"]
    assert len(report.care_plan.steps) == len(p["steps"])
    for s, e in zip(report.care_plan.steps, p["steps"]):
        assert (s.advice, s.title, s.text, s.for_conditions, s.source) == (
            e["advice"],
            e["title"],
            e["text"],
            e["for_conditions"],
            e["source"],
        )


@pytest.mark.parametrize("name", QUESTION_IDS)
def test_next_questions_is_the_rust_document(name: str) -> None:
    case = by_name(CASES["questions"], name)
    rust = reference("questions", f"{name}.json")
    options = case.get("options") or {}
    nq = heel.next_questions(case["assessment"], **options)
    assert nq.to_dict() == rust
    assert json.loads(nq.to_json()) == rust
    # The native function takes the options document itself, as Rust does.
    assert heel._heel.next_questions(case["assessment"], case.get("options")) == nq


@pytest.mark.parametrize("name", QUESTION_IDS)
def test_next_questions_meets_the_expectations(name: str) -> None:
    case = by_name(CASES["questions"], name)
    expect = case["expect"]
    options = case.get("options") or {}
    nq = heel.next_questions(case["assessment"], **options)
    questions = nq.questions
    assert nq.should_stop == expect["should_stop"]
    assert nq.stop_reason == expect.get("stop_reason", nq.stop_reason)
    if nq.should_stop:
        assert nq.stop_reason is not None
    if "first" in expect:
        assert questions[0].item == expect["first"]
    if "first_is_screen" in expect:
        assert questions[0].red_flag_screen == expect["first_is_screen"]
    if expect.get("all_red_flag_screens_first"):
        assert questions[0].red_flag_screen
    if expect.get("no_clinician_items"):
        assert not any(q.clinician_only for q in questions)
    if "leading_condition" in expect:
        assert nq.leading_condition == expect["leading_condition"]
    if "limit" in options:
        assert len(questions) <= options["limit"]
    for skipped in options.get("skip", []):
        assert skipped not in [q.item for q in questions]
    answered = set(case["assessment"]["answers"])
    assert not answered & {q.item for q in questions}
    assert nq.answered == len(answered)


def test_catalog_is_the_rust_document() -> None:
    rust = reference("catalog.json")
    catalog = heel.catalog()
    assert catalog == rust
    assert json.loads(json.dumps(catalog)) == rust


@pytest.mark.parametrize("case", ERRORS["assessment_errors"], ids=lambda c: c["name"])
def test_assessment_error_is_rusts(case: dict[str, Any]) -> None:
    rust = reference("errors.json")[case["name"]]
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess(case["input"])
    e = caught.value
    assert (e.code, e.field, e.message, e.suggestion) == (
        rust["code"],
        rust["field"],
        rust["message"],
        rust["suggestion"],
    )
    assert (e.code, e.field) == (case["code"], case["field"])
    assert case["message_contains"] in e.message
    assert str(e) == e.message
    assert e.index is None
    # The same document as JSON text is rejected the same way.
    with pytest.raises(heel.InvalidAssessmentError) as again:
        heel.assess(json.dumps(case["input"]))
    assert (again.value.code, again.value.field, again.value.message) == (
        e.code,
        e.field,
        e.message,
    )


@pytest.mark.parametrize("case", ERRORS["option_errors"], ids=lambda c: c["name"])
def test_option_error_is_rusts(case: dict[str, Any]) -> None:
    rust = reference("errors.json")[case["name"]]
    with pytest.raises(heel.InvalidOptionsError) as caught:
        heel._heel.next_questions({}, case["input"])
    e = caught.value
    assert (e.code, e.field, e.message) == (rust["code"], rust["field"], rust["message"])
    assert (e.code, e.field) == (case["code"], case["field"])
    assert case["message_contains"] in e.message


@pytest.mark.parametrize(
    "case", [c for c in ERRORS["option_errors"] if isinstance(c["input"], dict)], ids=lambda c: c["name"]
)
def test_option_error_through_keywords(case: dict[str, Any]) -> None:
    options = case["input"]
    if not set(options) <= {"self_report_only", "limit", "skip"}:
        # An unknown option is a TypeError for a keyword function.
        with pytest.raises(TypeError):
            heel.next_questions({}, **options)
        return
    with pytest.raises(heel.InvalidOptionsError) as caught:
        heel.next_questions({}, **options)
    assert (caught.value.code, caught.value.field) == (case["code"], case["field"])


@pytest.mark.parametrize("case", ERRORS["text_errors"], ids=lambda c: c["name"])
def test_text_error(case: dict[str, Any]) -> None:
    # target/fixtures/errors.json has no text cases; these are checked against
    # the hand-written code, field and message part.
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess(case["text"])
    e = caught.value
    assert (e.code, e.field) == (case["code"], case["field"])
    assert case["message_contains"] in e.message


@pytest.mark.parametrize("name", CASE_IDS)
def test_fhir_bundle_is_the_rust_document(name: str) -> None:
    case = by_name(CASES["cases"], name)
    rust = reference("fhir", "bundles", f"{name}.json")
    bundle = heel.fhir_bundle(case["assessment"])
    # Exact equality, floats and UUID v5 ids included.
    assert bundle == rust
    # Its QuestionnaireResponse, read back, gives the same Bundle.
    assert heel.fhir_bundle(bundle["entry"][0]["resource"]) == rust


def host_value(value: Any) -> Any:
    """A host_errors input as Python values (see the description in errors.json)."""
    if isinstance(value, list):
        return [host_value(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$float" in value:
        return float(value["$float"])
    if "$int" in value:
        return int(value["$int"])
    if "$utf16" in value:
        return "".join(chr(unit) for unit in value["$utf16"])
    if "$bytes" in value:
        return bytes(value["$bytes"])
    if "$key_utf16" in value:
        key = "".join(chr(unit) for unit in value["$key_utf16"])
        return {key: host_value(value["value"])}
    return {k: host_value(v) for k, v in value.items()}


HOST = [c for c in ERRORS["host_errors"] if "python" in c["languages"]]


@pytest.mark.parametrize("case", HOST, ids=lambda c: c["name"])
def test_host_value_error(case: dict[str, Any]) -> None:
    document = host_value(case["input"])
    if case["target"] == "assessment":
        with pytest.raises(heel.InvalidAssessmentError) as caught:
            heel.assess(document)
    else:
        with pytest.raises(heel.InvalidOptionsError) as caught:
            heel._heel.next_questions({}, document)
    e = caught.value
    assert (e.code, e.field) == (case["code"], case["field"])
    assert case["message_contains"] in e.message, e.message


def test_every_error_code_is_in_the_catalog() -> None:
    codes = {
        c["code"]
        for section in ("assessment_errors", "text_errors", "option_errors", "host_errors")
        for c in ERRORS[section]
    }
    assert codes == set(ERROR_CODES)


@pytest.mark.parametrize(
    "case", [c for c in ERRORS["text_errors"] if c["field"] == ""], ids=lambda c: c["name"]
)
def test_text_error_in_options(case: dict[str, Any]) -> None:
    # Options are read by the same JSON reader.
    with pytest.raises(heel.InvalidOptionsError) as caught:
        heel._heel.next_questions({}, case["text"])
    assert (caught.value.code, caught.value.field) == (case["code"], case["field"])
