"""Mistakes heel's types catch: `mypy --strict` must report an error on every
line marked `# error` and nowhere else (tests/test_typing.py)."""

from __future__ import annotations

import heel

report = heel.assess({"answers": {}})
report.triage.level == "urgentt"  # error: no such level
report.setting == "gym"  # error: no such setting
report.top.probability.upper()  # error: a float
report.top.log_odds  # error: removed; the score is log_score
report.triage.who_to_see[0] == "surgeon"  # error: no such professional
report.triage = report.triage  # error: read-only
heel.assess(42)  # error: not an assessment
heel.next_questions({}, limit="3")  # error: limit is an int
heel.next_questions({}, 3)  # error: options are keywords
heel.parse(b"No fever")  # error: text is a str
heel.parse("No fever").findings[0].span.start.upper()  # error: an int
heel.catalog()["itemz"]  # error: a key the catalog does not have
