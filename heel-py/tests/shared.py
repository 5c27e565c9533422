"""Paths and fixture documents shared by the heel test suite.

The tests import the installed package (scripts/test-python installs
./heel-py into target/py-venv first), never the source tree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
# Written by `cargo run --example fixtures` (scripts/test-python runs it first).
REFERENCE = REPO / "target" / "fixtures"


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def reference(*parts: str) -> Any:
    path = REFERENCE.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `cargo run --example fixtures` from the repository root "
            "(scripts/test-python does)"
        )
    return load(path)


CASES = load(FIXTURES / "cases.json")
ERRORS = load(FIXTURES / "errors.json")
# The stable error codes, listed once for every language's tests.
ERROR_CODES = [c["code"] for c in load(FIXTURES / "error-codes.json")["codes"]]

# A complete, ordinary assessment used across the tests.
RUNNER = {
    "setting": "runners",
    "answers": {
        "age": 42,
        "sex": "female",
        "pain_location": ["plantar_medial_heel"],
        "onset": "gradual",
        "duration_days": 10,
        "first_step_pain": "present",
        "eases_after_few_minutes": "present",
        "fever": "absent",
    },
}
