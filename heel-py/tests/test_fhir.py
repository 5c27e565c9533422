"""FHIR: heel-py gives the Rust documents (target/fixtures/fhir/, written by
`cargo run --example fixtures`) for the Questionnaire, the Bundle of every
shared case and every response in tests/fixtures/fhir.json; every resource it
emits validates with the fhir.resources models (FHIR R4B, whose resources here
have the R4 structure); and the README's FHIR example runs."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pydantic
import pytest
from fhir.resources.R4B import get_fhir_model_class

import heel

from shared import CASES, FIXTURES, REPO, load, reference
from test_docs import python_blocks, run_blocks, section
from test_typing import mypy

FHIR = load(FIXTURES / "fhir.json")
CASE_IDS = [c["name"] for c in CASES["cases"]]
HERE = Path(__file__).parent


def by_name(cases: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(c for c in cases if c["name"] == name)


def validate(resource: dict[str, Any]) -> Any:
    """The resource parsed by its fhir.resources R4B model (raises if invalid)."""
    model = get_fhir_model_class(resource["resourceType"])
    return model.model_validate(resource)


def test_questionnaire_is_rusts() -> None:
    q = heel.fhir_questionnaire()
    assert q == reference("fhir", "questionnaire.json")
    assert list(q)[:3] == ["resourceType", "id", "url"]
    assert q["version"] == heel.__version__
    # A new dict every call: changing one copy changes nothing else.
    q["item"].clear()
    assert heel.fhir_questionnaire()["item"]


def test_questionnaire_validates_and_follows_the_catalog() -> None:
    q = validate(heel.fhir_questionnaire())
    groups = q.item
    assert groups[0].linkId == "red_flag_screens"
    questions = {i.linkId: (g.linkId, i) for g in groups for i in g.item}
    catalog = heel.catalog()
    assert set(questions) == {i["id"] for i in catalog["items"]} | {"setting"}
    for item in catalog["items"]:
        group, question = questions[item["id"]]
        assert group == ("red_flag_screens" if item["red_flag_screen"] else item["group"])
        assert question.text == item["question"]
        urls = {e.url for e in question.extension or []}
        assert any(u.endswith("/clinician-only") for u in urls) == item["clinician_only"]
        if item["answer"]["type"] == "number":
            assert question.type == "decimal"
            assert any(u.endswith("/questionnaire-unit") for u in urls)
        else:
            assert question.type == "choice"
            assert bool(question.repeats) == (item["answer"]["type"] == "locations")


@pytest.mark.parametrize("name", CASE_IDS)
def test_bundle_round_trips(name: str) -> None:
    # test_fixtures.py compares the Bundle with Rust's.
    case = by_name(CASES["cases"], name)
    bundle = heel.fhir_bundle(case["assessment"])
    assert heel.fhir_bundle(json.dumps(case["assessment"])) == bundle
    # The response inside the Bundle gives the same Bundle and the same report.
    response = bundle["entry"][0]["resource"]
    assert heel.fhir_bundle(response) == bundle
    assert heel.fhir_bundle(json.dumps(response)) == bundle
    assessment = heel.assessment_from_fhir(response)
    assert heel.assess(assessment) == heel.assess(case["assessment"])


@pytest.mark.parametrize("name", CASE_IDS)
def test_every_resource_validates(name: str) -> None:
    case = by_name(CASES["cases"], name)
    report = heel.assess(case["assessment"])
    bundle = heel.fhir_bundle(case["assessment"])
    parsed = validate(bundle)
    assert parsed.type == "collection"
    for entry in bundle["entry"]:
        validate(entry["resource"])
    response, risk, triage, plan, patient = (e.resource for e in parsed.entry)
    assert response.questionnaire.startswith(heel.fhir_questionnaire()["url"])
    # The RiskAssessment holds the report's distribution.
    assert [p.outcome.coding[0].code for p in risk.prediction] == [
        c.id for c in report.conditions
    ]
    assert math.isclose(sum(float(p.probabilityDecimal) for p in risk.prediction), 1.0)
    assert risk.basis[0].reference == parsed.entry[0].fullUrl
    assert risk.subject.reference == parsed.entry[4].fullUrl
    assert triage.valueCodeableConcept.coding[0].code == report.triage.level
    assert [c.code.text for c in triage.component] == [r.text for r in report.triage.reasons]
    assert [a.detail.code.coding[0].code for a in plan.activity] == [
        s.advice for s in report.care_plan.steps
    ]
    assert patient.id == parsed.entry[4].fullUrl.removeprefix("urn:uuid:")


def test_the_validation_rejects_broken_resources() -> None:
    # A check that the models really validate, so the tests above mean something.
    bundle = heel.fhir_bundle({"answers": {"age": 40}})
    risk = bundle["entry"][1]["resource"]
    misspelt = copy.deepcopy(risk)
    misspelt["predictions"] = misspelt.pop("prediction")
    no_subject = copy.deepcopy(risk)
    del no_subject["subject"]
    bad_probability = copy.deepcopy(risk)
    bad_probability["prediction"][0]["probabilityDecimal"] = "likely"
    for broken in (misspelt, no_subject, bad_probability):
        with pytest.raises(pydantic.ValidationError):
            validate(broken)


@pytest.mark.parametrize("case", FHIR["response_errors"], ids=lambda c: c["name"])
def test_response_error_is_rusts(case: dict[str, Any]) -> None:
    rust = reference("fhir", "errors.json")[case["name"]]
    for given in (case["input"], json.dumps(case["input"])):
        with pytest.raises(heel.InvalidAssessmentError) as caught:
            heel.assessment_from_fhir(given)
        e = caught.value
        assert (e.code, e.field, e.message) == (rust["code"], rust["field"], rust["message"])
        assert (e.code, e.field) == (case["code"], case["field"])
        assert case["message_contains"] in e.message
        if isinstance(case["input"], dict) and "resourceType" in case["input"]:
            # fhir_bundle reads a response the same way.
            with pytest.raises(heel.InvalidAssessmentError) as again:
                heel.fhir_bundle(given)
            assert (again.value.code, again.value.field) == (e.code, e.field)


@pytest.mark.parametrize("case", FHIR["responses"], ids=lambda c: c["name"])
def test_response_reads_as_rusts(case: dict[str, Any]) -> None:
    validate(case["response"])
    assessment = heel.assessment_from_fhir(case["response"])
    assert assessment == reference("fhir", "assessments", f"{case['name']}.json")
    assert heel.assess(assessment) == heel.assess(case["assessment"])
    assert heel.fhir_bundle(case["response"]) == heel.fhir_bundle(case["assessment"])


def test_readme_fhir_section_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = python_blocks(section(readme, "FHIR"))
    printed = run_blocks(blocks, "README.md").splitlines()
    promised = [line.split("  # ", 1)[1] for line in "".join(blocks).splitlines() if "print(" in line]
    assert len(promised) == 2
    assert printed == promised


def test_types(tmp_path: Path) -> None:
    result = mypy(tmp_path, HERE / "typed" / "fhir_consumer.py")
    assert result.returncode == 0, result.stdout + result.stderr
