"""A small program typed against heel's public API: `mypy --strict` must
accept it (tests/test_typing.py). It is type-checked, not run."""

from __future__ import annotations

import json
from typing import Any

import polars as pl
from typing_extensions import assert_type

import heel


def summary(assessment: heel.AssessmentLike) -> str:
    report = heel.assess(assessment)
    assert_type(report, heel.Report)
    top = report.top
    assert_type(top.probability, float)
    assert_type(report.triage.level, heel.TriageLevel)
    assert_type(report.setting, heel.Setting)
    lines = [f"{top.name}: {top.probability:.0%} ({top.icd10cm})"]
    total: float = sum(c.probability for c in report.conditions)
    lines.append(f"{total:.3f} {report.log_normaliser}")
    for c in report.conditions:
        score: float = c.log_prior + sum(k.applied for k in c.contributions)
        lines.append(f"{c.id} {score} {c.log_score}")
        for k in c.contributions:
            source: str | None = k.source
            group: str | None = k.group
            lines.append(
                f"{c.id} {k.item}={k.answer} x{k.likelihood_ratio:.2f} w{k.weight} {group} {source}"
            )
    triage = report.triage
    who: list[heel.Professional] = triage.who_to_see
    lines.append(f"{triage.time_frame}: {triage.who_to_see_text} {who} {triage.who_source}")
    missing: list[str] = report.missing
    lines.extend(missing)
    for reason in report.triage.reasons:
        assert_type(reason.kind, heel.ReasonKind)
        rule: str | None = reason.rule
        lines.append(f"{reason.level} {reason.red_flag} {rule} {reason.text}")
    for step in report.care_plan.steps:
        lines.append(f"{step.advice}: {step.title} {step.for_conditions}")
    if report.triage.level == "emergency":
        lines.append(report.triage.action)
    document: dict[str, Any] = report.to_dict()
    if json.loads(report.to_json()) == document:
        lines.append(report.to_json(indent=2))
    lines.append(report._repr_html_())
    return "\n".join(lines)


def interview(answers: dict[str, Any]) -> str | None:
    dont_know: list[str] = []
    while True:
        nq = heel.next_questions(
            {"answers": answers}, self_report_only=True, limit=1, skip=dont_know
        )
        assert_type(nq.stop_reason, heel.StopReason | None)
        if nq.should_stop or not nq.questions:
            return nq.stop_reason
        question = nq.questions[0]
        spec = next(i for i in heel.catalog()["items"] if i["id"] == question.item)["answer"]
        assert_type(spec, heel.AnswerSpec)
        # The tag tells the variants apart, so the type checker knows `min`.
        if spec["type"] == "number":
            assert_type(spec, heel.NumberAnswer)
            answers[question.item] = spec["min"]
        else:
            dont_know.append(question.item)


def batch(rows: list[dict[str, Any]]) -> list[float]:
    return [r.top.probability for r in heel.assess_many(rows)]


def frame(df: pl.DataFrame) -> pl.DataFrame:
    result = heel.assess_frame(df, keep=["participant"])
    assert_type(result, pl.DataFrame)
    return result


def errors() -> tuple[str, str, str, str | None, int | None]:
    try:
        heel.assess({"answers": {"age": 300}})
    except heel.InvalidAssessmentError as e:
        return (e.code, e.field, e.message, e.suggestion, e.index)
    except heel.HeelError:
        raise
    return ("", "", "", None, None)


def catalog() -> list[str]:
    cat: heel.Catalog = heel.catalog()
    ids = [c["id"] for c in cat["conditions"]] + [s["id"] for s in cat["sources"]]
    bands = [
        b["from"] for i in cat["items"] if i["answer"]["type"] == "number" for b in i["answer"]["bands"]
    ]
    levels: list[heel.TriageLevel] = [lvl["id"] for lvl in cat["triage_levels"]]
    thresholds: list[float] = [lvl["likely_threshold"] for lvl in cat["triage_levels"]]
    who: list[heel.Professional] = [p for lvl in cat["triage_levels"] for p in lvl["who"]]
    who += [p["id"] for p in cat["professionals"]]
    who += [p for c in cat["conditions"] for p in c["who_to_see"]]
    labels = {p["id"]: p["label"] for p in cat["professionals"]}
    return (
        ids
        + [str(b) for b in bands]
        + list(levels)
        + [str(t) for t in thresholds]
        + [labels[p] for p in who]
        + [c["who_source"] for c in cat["conditions"]]
        + [heel.__version__, heel.NOTICE]
    )


def understood(text: str) -> list[str]:
    try:
        parsed = heel.parse(text)
    except heel.InvalidTextError as e:
        return [f"{e.code} {e.field}"]
    assert_type(parsed, heel.Parsed)
    lines: list[str] = []
    for f in parsed.findings:
        assert_type(f.answer, str | float | None)
        span: heel.Span = f.span
        start: int = span.start
        flags: list[bool] = [f.negated, f.hedged, f.approximate]
        lines.append(f"{f.item} {f.answer} {span.text!r} {start}..{span.end} {flags}")
    lines += [u.text for u in parsed.unused]
    report = heel.assess(parsed.assessment)
    nq = heel.next_questions(parsed.assessment, self_report_only=True)
    document: dict[str, Any] = parsed.to_dict()
    lines += [report.top.id, str(nq.should_stop), parsed.to_json(indent=2), str(document)]
    return lines
