"""pytest fixtures for the heel test suite (shared data is in shared.py).

The tests import the installed package (scripts/test-python installs
./heel-py into target/py-venv first), never the source tree.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from shared import RUNNER


@pytest.fixture
def runner() -> dict[str, Any]:
    return json.loads(json.dumps(RUNNER))
