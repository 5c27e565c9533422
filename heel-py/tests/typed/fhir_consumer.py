"""heel's FHIR functions typed: `mypy --strict` must accept this program
(tests/test_fhir.py). It is type-checked, not run."""

from __future__ import annotations

import json
from typing import Any

from typing_extensions import assert_type

import heel


def file_results(response: dict[str, Any]) -> list[str]:
    questionnaire = heel.fhir_questionnaire()
    assert_type(questionnaire, dict[str, Any])
    assessment = heel.assessment_from_fhir(response)
    assert_type(assessment, dict[str, Any])
    report = heel.assess(assessment)
    bundle = heel.fhir_bundle(response)
    assert_type(bundle, dict[str, Any])
    again = heel.fhir_bundle(json.dumps(response))
    from_assessment = heel.fhir_bundle({"answers": {"age": 40}})
    try:
        heel.assessment_from_fhir("{}")
    except heel.InvalidAssessmentError as e:
        return [e.code, e.field]
    return [str(questionnaire["url"]), report.top.id, str(again == from_assessment)]
