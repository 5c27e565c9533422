"""The Python API: assess, assess_many, next_questions, catalog and the classes
they return."""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
import threading
import typing
from typing import Any

import pytest

import heel

from shared import CASES, REPO, load



def question_of(item: str) -> str:
    return next(i["question"] for i in heel.catalog()["items"] if i["id"] == item)


def condition_of(condition: str) -> heel.CatalogCondition:
    return next(c for c in heel.catalog()["conditions"] if c["id"] == condition)


def test_version_is_the_packages() -> None:
    assert heel.__version__ == importlib.metadata.version("heel")
    # One version for the crates, the wheel and the npm package: the workspace's.
    cargo = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    workspace = re.search(r'^\[workspace\.package\][^[]*?^version = "([^"]+)"', cargo, re.M | re.S)
    assert workspace is not None
    assert heel.__version__ == workspace.group(1)
    # The engine version adds the fingerprint of the knowledge base.
    engine = heel.catalog()["engine_version"]
    assert re.fullmatch(re.escape(heel.__version__) + r"\+kb\.[0-9a-f]{8}", engine), engine
    assert heel.assess({"answers": {"age": 30}}).engine_version == engine


def test_import_needs_no_dataframe_library() -> None:
    code = (
        "import sys, heel\n"
        "heel.assess({'answers': {'age': 30}})\n"
        "heel.next_questions({})\n"
        "heel.catalog()\n"
        "loaded = {'pandas', 'polars', 'pyarrow', 'numpy'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO / "target")


def test_assess_reads_a_dict_or_json_text(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    assert isinstance(report, heel.Report)
    assert heel.assess(json.dumps(runner)) == report
    assert report.top.id == "plantar_fasciitis"
    assert report.triage.level == "self_care"
    assert report.setting == "runners"
    assert report.answered == len(runner["answers"])


def test_assess_accepts_any_mapping_and_sequence(runner: dict[str, Any]) -> None:
    from types import MappingProxyType

    answers = dict(runner["answers"], pain_location=("plantar_medial_heel",))
    doc = MappingProxyType({"setting": "runners", "answers": MappingProxyType(answers)})
    assert heel.assess(doc) == heel.assess(runner)


def test_yes_no_answers_may_be_booleans(runner: dict[str, Any]) -> None:
    as_bools = dict(runner["answers"], first_step_pain=True, fever=False)
    assert heel.assess({"setting": "runners", "answers": as_bools}) == heel.assess(runner)


def test_unknown_and_null_change_nothing(runner: dict[str, Any]) -> None:
    more = dict(runner["answers"], night_pain="unknown", bmi=None, side=None)
    report = heel.assess({"setting": "runners", "answers": more})
    assert report == heel.assess(runner)


def test_conditions_are_a_distribution(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    conditions = report.conditions
    # 26 named conditions and "other" ("Something else").
    assert len(conditions) == len(heel.catalog()["conditions"]) == 27
    probabilities = [c.probability for c in conditions]
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0.0 < p < 1.0 for p in probabilities)
    assert report.top == conditions[0]
    assert {c.id for c in conditions} == {c["id"] for c in heel.catalog()["conditions"]}
    other = report.condition("other")
    assert other.name == "Something else"
    assert 0.0 < other.probability < report.top.probability


@pytest.mark.parametrize("name", [c["name"] for c in CASES["cases"]])
def test_probabilities_sum_to_one(name: str) -> None:
    import math

    case = next(c for c in CASES["cases"] if c["name"] == name)
    report = heel.assess(case["assessment"])
    assert math.fsum(c.probability for c in report.conditions) == pytest.approx(1.0, abs=1e-12)
    assert math.fsum(c.prior for c in report.conditions) == pytest.approx(1.0, abs=1e-12)


def test_contributions_explain_the_log_score(runner: dict[str, Any]) -> None:
    import math

    item_ids = {i["id"] for i in heel.catalog()["items"]}
    groups = set(_schema_enum("report.schema.json", "EvidenceGroup"))
    report = heel.assess(runner)
    scores = [c.log_score for c in report.conditions]
    normaliser = max(scores) + math.log(math.fsum(math.exp(x - max(scores)) for x in scores))
    assert normaliser == pytest.approx(report.log_normaliser, abs=1e-9)
    weighted = 0
    for c in report.conditions:
        assert c.log_prior == pytest.approx(math.log(c.prior), abs=1e-12)
        total = c.log_prior + math.fsum(k.applied for k in c.contributions)
        assert total == pytest.approx(c.log_score, abs=1e-9)
        assert math.exp(c.log_score - report.log_normaliser) == pytest.approx(
            c.probability, rel=1e-9
        )
        effects = [abs(k.applied) for k in c.contributions]
        assert effects == sorted(effects, reverse=True)
        for k in c.contributions:
            assert k.item in item_ids
            assert k.likelihood_ratio == pytest.approx(math.exp(k.log_lr))
            assert k.applied == pytest.approx(k.log_lr * k.weight, abs=1e-12)
            assert k.weight >= 0.0
            assert k.group is None or k.group in groups
            weighted += k.group is not None
            assert k.grade in {
                "published_lr",
                "derived_from_sens_spec",
                "risk_factor_effect",
                "guideline_feature",
                "expert_estimate",
            }
    # first_step_pain and eases_after_few_minutes share an evidence group.
    assert weighted > 0


def test_condition_lookup(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    for c in report.conditions:
        assert report.condition(c.id) == c
    with pytest.raises(heel.HeelError) as caught:
        report.condition("heel_spurs")
    e = caught.value
    assert type(e) is heel.HeelError
    assert e.code == "unknown_id"
    assert e.suggestion == "heel_spur"
    assert "heel_spurs" in e.message


def test_red_flags_set_the_level() -> None:
    hot_heel = {
        "fever": "present",
        "redness": "present",
        "warmth": "present",
        "swelling": "present",
    }
    report = heel.assess({"answers": hot_heel})
    assert report.triage.level == "urgent"
    rules = [r.rule for r in report.triage.reasons if r.kind == "rule"]
    assert rules[:2] == ["hot_red_swollen_heel", "fever_with_local_signs"]
    assert all(r.red_flag for r in report.triage.reasons if r.kind == "rule")
    assert report.triage.time_frame == "today"
    assert report.triage.who_to_see[0] == "urgent_care"

    # With diabetes, the same heel is an emergency: the emergency department
    # first, then the diabetic foot team.
    report = heel.assess({"answers": dict(hot_heel, diabetes="present")})
    triage = report.triage
    assert triage.level == "emergency"
    first = triage.reasons[0]
    assert first.red_flag
    assert first.kind == "rule"
    assert first.rule == "infection_with_systemic_signs"
    assert first.level == "emergency"
    emergency = next(lvl for lvl in heel.catalog()["triage_levels"] if lvl["id"] == "emergency")
    assert (triage.action, triage.time_frame) == (emergency["action"], emergency["time_frame"])
    assert triage.who_to_see == ["emergency_department", "diabetic_foot_team"]
    assert triage.who_source == "diabetes_uk"
    assert "infection_needs_care" in [s.advice for s in report.care_plan.steps]


def test_who_to_see_is_named_in_words() -> None:
    labels = {p["id"]: p["label"] for p in heel.catalog()["professionals"]}
    cited = {s["id"] for s in heel.catalog()["sources"]}
    for case in CASES["cases"]:
        triage = heel.assess(case["assessment"]).triage
        assert triage.who_to_see, case["name"]
        assert len(set(triage.who_to_see)) == len(triage.who_to_see)
        assert triage.who_to_see_text.startswith("Best placed to see first: ")
        for professional in triage.who_to_see:
            assert labels[professional] in triage.who_to_see_text
        assert triage.who_source is None or triage.who_source in cited
        assert triage.time_frame


def test_who_to_see_follows_the_likely_condition(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    assert report.top.id == "plantar_fasciitis" and report.top.likely
    fasciitis = condition_of("plantar_fasciitis")
    assert report.triage.who_to_see == fasciitis["who_to_see"]
    assert report.triage.who_source == fasciitis["who_source"]


def test_too_little_information_is_never_self_care() -> None:
    report = heel.assess({"answers": {"age": 11}})
    assert report.setting == "children"
    assert report.triage.level == "see_doctor"
    assert report.missing == ["pain_location", "onset"]
    kinds = [r.kind for r in report.triage.reasons]
    assert "not_enough_information" in kinds
    reason = next(r for r in report.triage.reasons if r.kind == "not_enough_information")
    assert reason.level == "see_doctor" and not reason.red_flag
    assert "where it hurts" in reason.text and "1 so far" in reason.text
    # Four answers with a place and a time course: still too few.
    few = {"pain_location": ["plantar_medial_heel"], "onset": "gradual", "duration_days": 10}
    report = heel.assess({"answers": few})
    assert report.missing == []
    assert report.triage.level == "see_doctor"
    assert "not_enough_information" in [r.kind for r in report.triage.reasons]


def test_enough_information_leaves_nothing_missing(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    assert report.missing == []
    assert "not_enough_information" not in [r.kind for r in report.triage.reasons]


def test_retired_items() -> None:
    # redness_warmth was split in two: it is rejected, naming what replaced it.
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess({"answers": {"redness_warmth": "present"}})
    e = caught.value
    assert (e.code, e.field, e.suggestion) == ("unknown_id", "answers.redness_warmth", "redness")
    assert '"redness" and "warmth"' in e.message
    # heel_raise_difficulty is read as heel_raise_painful.
    old = heel.assess({"answers": {"age": 30, "heel_raise_difficulty": "present"}})
    new = heel.assess({"answers": {"age": 30, "heel_raise_painful": "present"}})
    assert old == new
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess(
            {"answers": {"heel_raise_difficulty": "present", "heel_raise_painful": "absent"}}
        )
    assert (caught.value.code, caught.value.field) == ("duplicate", "answers.heel_raise_painful")


def test_to_json_is_compact_or_indented(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    compact = report.to_json()
    assert "\n" not in compact
    indented = report.to_json(indent=2)
    assert '\n  "setting"' in indented
    assert json.loads(indented) == json.loads(compact) == report.to_dict()
    with pytest.raises(ValueError):
        report.to_json(indent=1000)
    with pytest.raises(OverflowError):
        report.to_json(indent=-1)


def test_to_dict_is_a_fresh_plain_document(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    doc = report.to_dict()
    doc["conditions"].clear()
    assert len(report.to_dict()["conditions"]) == 27
    assert json.loads(json.dumps(doc)) == doc


def test_classes_are_immutable_values(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    with pytest.raises(AttributeError):
        report.setting = "children"  # type: ignore[misc]
    with pytest.raises(TypeError):
        heel.Report()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        hash(report)
    other = heel.assess({"answers": {}})
    assert report != other
    assert report != "a report"
    assert report.__module__ == "heel"
    assert type(report).__module__ == "heel"


def test_reports_pickle(runner: dict[str, Any]) -> None:
    import copy
    import pickle

    report = heel.assess(runner)
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.to_dict() == report.to_dict()
    assert copy.deepcopy(report) == report
    with pytest.raises(ValueError):
        heel._heel._report_from_json('{"setting": "runners"}')


def test_repr_is_compact(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    text = repr(report)
    assert "\n" not in text and len(text) < 120
    assert report.top.id in text and report.triage.level in text
    for obj in [
        report.top,
        report.top.contributions[0],
        report.triage,
        report.triage.reasons[0],
        report.care_plan,
        report.care_plan.steps[0],
        heel.next_questions(runner),
        heel.next_questions(runner).questions[0],
    ]:
        r = repr(obj)
        assert r.startswith(f"<heel.{type(obj).__name__}") and r.endswith(">"), r
        assert "\n" not in r


def test_html_shows_the_whole_report() -> None:
    case = next(c for c in CASES["cases"] if c["name"] == "hot_swollen_heel_with_fever")
    report = heel.assess(case["assessment"])
    page = report._repr_html_()
    from html import escape

    for c in report.conditions[:10]:
        assert escape(c.name) in page
    assert [c.id for c in report.conditions[:10]].count("other") == 1
    assert f"{len(report.conditions) - 10} more conditions, together" in page
    assert page.count("<tr data-cause=") == 10
    assert escape(report.triage.action) in page
    assert escape(report.triage.time_frame) in page
    assert escape(report.triage.who_to_see_text) in page
    for reason in report.triage.reasons:
        assert escape(reason.text) in page
    assert page.count("Red flag:") == sum(r.red_flag for r in report.triage.reasons)
    for step in report.care_plan.steps:
        assert escape(step.title) in page and escape(step.text) in page
    assert escape(report.notice) in page
    top = report.top
    assert f"width:{top.probability * 100:.2f}%" in page
    assert report.missing == ["onset"]
    assert escape(question_of("onset")) in page


def test_html_always_shows_something_else(monkeypatch: pytest.MonkeyPatch) -> None:
    from heel import _html

    case = next(c for c in CASES["cases"] if c["name"] == "hot_swollen_heel_with_fever")
    report = heel.assess(case["assessment"])
    ranked = [c.id for c in report.conditions]
    monkeypatch.setattr(_html, "SHOWN", 2)
    assert ranked.index("other") >= 2
    page = report._repr_html_()
    rows = re.findall(r'<tr data-cause="(\w+)"', page)
    assert rows == ranked[:2] + ["other"]
    assert "Something else" in page
    hidden = [c for c in report.conditions[2:] if c.id != "other"]
    together = sum(c.probability for c in hidden)
    assert f"{len(hidden)} more conditions, together {_html._percent(together)}" in page


def test_html_without_missing_items(runner: dict[str, Any]) -> None:
    report = heel.assess(runner)
    assert report.missing == []
    assert "Still needed" not in report._repr_html_()


def test_html_shows_what_is_missing() -> None:
    report = heel.assess({"answers": {"age": 11}})
    page = report._repr_html_()
    from html import escape

    assert "Still needed before heel could advise self-care" in page
    for item in report.missing:
        assert escape(question_of(item)) in page


def test_html_escapes_every_text() -> None:
    from types import SimpleNamespace as NS

    from heel import _html

    evil = "<script>alert('x')</script> & \"quotes\""
    fake = NS(
        setting=evil,
        answered=1,
        remarks=[evil],
        notice=evil,
        missing=[evil],
        conditions=[NS(id=evil, name=evil, icd10cm=evil, probability=0.5, likely=True)],
        triage=NS(
            level=evil,
            time_frame=evil,
            action=evil,
            who_to_see_text=evil,
            reasons=[NS(text=evil, red_flag=True)],
        ),
        care_plan=NS(summary=evil, steps=[NS(title=evil, text=evil)]),
    )
    page = _html.report_html(fake)  # type: ignore[arg-type]
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_assess_many_matches_assess() -> None:
    docs = [c["assessment"] for c in CASES["cases"]]
    reports = heel.assess_many(docs)
    assert reports == [heel.assess(d) for d in docs]
    assert heel.assess_many(iter(docs)) == reports
    assert heel.assess_many(tuple(json.dumps(d) for d in docs)) == reports
    assert heel.assess_many([]) == []


def test_assess_many_names_the_bad_one() -> None:
    docs: list[Any] = [{"answers": {}}, {"answers": {}}, {"answers": {"age": 300}}]
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess_many(docs)
    e = caught.value
    assert (e.index, e.code, e.field) == (2, "out_of_range", "answers.age")
    assert str(e) == f"assessment 2: {e.message}"


@pytest.mark.parametrize("wrong", ["{}", b"{}", {"answers": {}}, 42])
def test_assess_many_wants_an_iterable_of_assessments(wrong: Any) -> None:
    with pytest.raises(TypeError):
        heel.assess_many(wrong)


def test_assess_many_passes_on_errors_of_the_iterable() -> None:
    def broken() -> Any:
        yield {"answers": {}}
        raise RuntimeError("the source failed")

    with pytest.raises(RuntimeError, match="the source failed"):
        heel.assess_many(broken())


def test_threads_get_the_same_reports() -> None:
    docs = [c["assessment"] for c in CASES["cases"]] * 20
    expected = heel.assess_many(docs)
    results: list[list[heel.Report]] = []

    def work() -> None:
        results.append(heel.assess_many(docs))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_next_questions_options() -> None:
    start = {"answers": {"age": 45, "sex": "female", "pain_location": ["plantar_medial_heel"]}}
    every = heel.next_questions(start)
    asked = [q.item for q in every.questions]
    assert len(asked) == len(set(asked))
    assert not {"age", "sex", "pain_location"} & set(asked)
    assert any(q.clinician_only for q in every.questions)

    mine = heel.next_questions(start, self_report_only=True, limit=4, skip={"fever"})
    assert len(mine.questions) == 4
    assert not any(q.clinician_only for q in mine.questions)
    assert "fever" not in [q.item for q in mine.questions]
    assert heel.next_questions(start, skip=(i for i in ["fever"])) == heel.next_questions(
        start, skip=["fever"]
    )
    assert heel.next_questions(start, limit=0).questions == []
    q = mine.questions[0]
    assert q.question == question_of(q.item)
    assert q.information_gain >= 0
    assert q.reason


@pytest.mark.parametrize(
    ("options", "code", "field"),
    [
        ({"limit": -1}, "out_of_range", "limit"),
        ({"limit": 2.5}, "out_of_range", "limit"),
        ({"limit": True}, "wrong_type", "limit"),
        ({"limit": "3"}, "wrong_type", "limit"),
        ({"self_report_only": "yes"}, "wrong_type", "self_report_only"),
        ({"skip": "fever"}, "wrong_type", "skip"),
        ({"skip": ["fever", 3]}, "wrong_type", "skip[1]"),
        ({"skip": ["feverr"]}, "unknown_id", "skip[0]"),
    ],
)
def test_next_questions_rejects_bad_options(options: dict[str, Any], code: str, field: str) -> None:
    with pytest.raises(heel.InvalidOptionsError) as caught:
        heel.next_questions({}, **options)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert isinstance(caught.value, heel.HeelError)
    assert not isinstance(caught.value, heel.InvalidAssessmentError)


def test_next_questions_rejects_a_bad_assessment() -> None:
    with pytest.raises(heel.InvalidAssessmentError):
        heel.next_questions({"answers": {"age": -1}})


def test_an_interview_loop_ends() -> None:
    # A person who has the runner's answers and does not know the rest.
    truth = {
        "age": 45,
        "sex": "female",
        "pain_location": ["plantar_medial_heel"],
        "fever": "absent",
        "redness": "absent",
        "warmth": "absent",
        "swelling": "absent",
        "unable_to_bear_weight": "absent",
        "onset": "gradual",
        "puncture_wound": "absent",
        "duration_days": 10,
        "first_step_pain": "present",
        "eases_after_few_minutes": "present",
    }
    answers: dict[str, Any] = {}
    dont_know: list[str] = []
    for _ in range(len(heel.catalog()["items"]) + 1):
        nq = heel.next_questions(
            {"answers": answers}, self_report_only=True, limit=1, skip=dont_know
        )
        if nq.should_stop or not nq.questions:
            break
        item = nq.questions[0].item
        assert item not in answers and item not in dont_know
        if item in truth:
            answers[item] = truth[item]
        else:
            dont_know.append(item)
    else:
        pytest.fail("the interview did not stop")
    assert nq.should_stop
    assert nq.stop_reason is not None
    assert nq.leading_condition == heel.assess({"answers": answers}).top.id


def test_catalog() -> None:
    catalog = heel.catalog()
    # Plain data: JSON's own types all the way down, and a fresh copy per call.
    assert type(catalog) is dict
    assert json.loads(json.dumps(catalog)) == catalog
    assert catalog == heel.catalog()
    catalog["items"].clear()
    catalog = heel.catalog()
    assert len(catalog["items"]) > 100
    # Every key the TypedDicts promise is there, and no other.
    assert set(catalog) == set(heel.Catalog.__annotations__)
    assert all(set(i) == set(heel.CatalogItem.__annotations__) for i in catalog["items"])
    assert all(
        set(c) == set(heel.CatalogCondition.__annotations__) for c in catalog["conditions"]
    )
    variants = {
        "yes_no": heel.YesNoAnswer,
        "choice": heel.ChoiceAnswer,
        "locations": heel.LocationsAnswer,
        "number": heel.NumberAnswer,
    }
    for item in catalog["items"]:
        spec = item["answer"]
        assert set(spec) == set(variants[spec["type"]].__annotations__), item["id"]
        if spec["type"] == "number":
            assert spec["min"] < spec["max"] and spec["unit"]
            assert all(set(b) == {"id", "from", "label"} for b in spec["bands"])
        else:
            assert spec["options"] and all(o["id"] and o["label"] for o in spec["options"])
    professionals = {p["id"] for p in catalog["professionals"]}
    levels = catalog["triage_levels"]
    assert all(lvl["who"] and set(lvl["who"]) <= professionals for lvl in levels)
    assert all(lvl["label"] and lvl["action"] for lvl in levels)
    order = [lvl["id"] for lvl in levels]
    for condition in catalog["conditions"]:
        assert condition["who_to_see"] and set(condition["who_to_see"]) <= professionals
        # The lowest threshold among the clinician levels up to its own (a
        # possible emergency condition already raises the triage to urgent).
        care = order.index(condition["care_level"])
        thresholds = [
            lvl["likely_threshold"] for i, lvl in enumerate(levels) if 0 < i <= care
        ] or [levels[0]["likely_threshold"]]
        assert condition["likely_at"] == min(thresholds)
    assert catalog["conditions"][-1]["id"] == "other"
    assert catalog["conditions"][-1]["name"] == "Something else"
    cited = {s["id"] for s in catalog["sources"]}
    assert all(c["who_source"] in cited for c in catalog["conditions"])
    for advice in catalog["advice"]:
        assert advice["source"] is None or advice["source"] in cited


def _schema_enum(schema: str, name: str) -> tuple[str, ...]:
    return tuple(load(REPO / "schema" / schema)["$defs"][name]["enum"])


def test_literal_types_match_the_core() -> None:
    catalog = heel.catalog()
    assert typing.get_args(heel.TriageLevel) == tuple(lvl["id"] for lvl in catalog["triage_levels"])
    assert typing.get_args(heel.TriageLevel) == _schema_enum("report.schema.json", "TriageLevel")
    assert typing.get_args(heel.Setting) == tuple(s["id"] for s in catalog["settings"])
    assert typing.get_args(heel.ReasonKind) == _schema_enum("report.schema.json", "ReasonKind")
    assert typing.get_args(heel.Professional) == tuple(p["id"] for p in catalog["professionals"])
    assert typing.get_args(heel.Professional) == _schema_enum(
        "report.schema.json", "Professional"
    )
    assert typing.get_args(heel.StopReason) == _schema_enum(
        "next-questions.schema.json", "StopReason"
    )
    kinds = {i["answer"]["type"] for i in catalog["items"]}
    assert set(typing.get_args(heel.AnswerType)) == kinds


def test_exceptions_are_value_errors() -> None:
    assert issubclass(heel.HeelError, ValueError)
    assert issubclass(heel.InvalidAssessmentError, heel.HeelError)
    assert issubclass(heel.InvalidOptionsError, heel.HeelError)
    with pytest.raises(ValueError):
        heel.assess({"answers": {"age": "forty"}})
