"""assess_frame with pandas, polars and pyarrow: every result row is what
assess gives for the same answers."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import heel

from shared import CASES

# The named conditions and "other", in catalog order.
CONDITIONS = [c["id"] for c in heel.catalog()["conditions"]]
PROBABILITY_COLUMNS = [f"p_{c}" for c in CONDITIONS]
assert PROBABILITY_COLUMNS[-1] == "p_other"
RESULT_COLUMNS = ["top_condition", "top_probability", "triage_level"]


def result_columns(reasons: bool) -> list[str]:
    """The columns before the probabilities: triage_reasons only when asked for."""
    return RESULT_COLUMNS + (["triage_reasons"] if reasons else [])

# One row per fixture case: the columns are the union of their answers.
DOCS = [c["assessment"] for c in CASES["cases"]]
ITEMS = sorted({item for d in DOCS for item in d.get("answers", {})})


def rows() -> list[dict[str, Any]]:
    """The fixture cases as table rows (None where a case has no answer)."""
    out = []
    for d in DOCS:
        row: dict[str, Any] = {"setting": d.get("setting")}
        for item in ITEMS:
            row[item] = d.get("answers", {}).get(item)
        out.append(row)
    return out


def typed_rows() -> list[dict[str, Any]]:
    """rows() with one type per column, as Arrow and polars need: yes/no
    answers given as booleans become "present" and "absent" (what they mean in
    the assessment document)."""
    yes_no = {True: "present", False: "absent"}
    return [
        {k: yes_no.get(v, v) if isinstance(v, bool) else v for k, v in r.items()} for r in rows()
    ]


def check_row(result: dict[str, Any], report: heel.Report) -> None:
    """One result row against the report assess gives."""
    assert result["top_condition"] == report.top.id
    assert result["top_probability"] == report.top.probability
    assert result["triage_level"] == report.triage.level
    if "triage_reasons" in result:
        assert list(result["triage_reasons"]) == [r.text for r in report.triage.reasons]
    for c in report.conditions:
        assert result[f"p_{c.id}"] == c.probability


def expected_reports() -> list[heel.Report]:
    return [heel.assess(d) for d in DOCS]


def pandas_frame() -> pd.DataFrame:
    # Missing answers are NaN in numeric columns and None in the others, as
    # pandas makes them; pain_location stays a list.
    return pd.DataFrame(rows(), index=[f"case-{i}" for i in range(len(DOCS))])


@pytest.mark.parametrize("reasons", [False, True])
def test_pandas_round_trip(reasons: bool) -> None:
    frame = pandas_frame()
    assert frame["age"].dtype.kind == "f"  # NaN for the cases without an age
    result = heel.assess_frame(frame, reasons=reasons)
    assert isinstance(result, pd.DataFrame)
    assert list(result.columns) == result_columns(reasons) + PROBABILITY_COLUMNS
    assert list(result.index) == list(frame.index)
    assert result["top_probability"].dtype == "float64"
    for label, report in zip(frame.index, expected_reports()):
        check_row(result.loc[label].to_dict(), report)
    if reasons:
        assert isinstance(result["triage_reasons"].iloc[0], list)


@pytest.mark.parametrize("reasons", [False, True])
def test_polars_round_trip(reasons: bool) -> None:
    frame = pl.DataFrame(typed_rows())
    result = heel.assess_frame(frame, reasons=reasons)
    assert isinstance(result, pl.DataFrame)
    assert result.columns == result_columns(reasons) + PROBABILITY_COLUMNS
    if reasons:
        assert result.schema["triage_reasons"] == pl.List(pl.String)
    assert result.schema["p_plantar_fasciitis"] == pl.Float64
    for row, report in zip(result.iter_rows(named=True), expected_reports()):
        check_row(row, report)


def test_pyarrow_round_trip() -> None:
    table = pa.Table.from_pylist(typed_rows())
    result = heel.assess_frame(table)
    assert isinstance(result, pa.Table)
    for row, report in zip(result.to_pylist(), expected_reports()):
        check_row(row, report)


def test_missing_values_are_unknown() -> None:
    answers = {"age": 42, "first_step_pain": "present", "fever": "absent"}
    report = heel.assess({"answers": answers})
    frame = pd.DataFrame(
        {
            "age": [42.0, 42.0],
            "first_step_pain": ["present", "present"],
            "fever": ["absent", "absent"],
            "night_pain": [None, float("nan")],
            "bmi": [float("nan"), None],
            "sex": [pd.NA, None],
        }
    )
    result = heel.assess_frame(frame)
    for i in range(2):
        check_row(result.iloc[i].to_dict(), report)
    lazy_nulls = pl.DataFrame(
        {
            "age": [42],
            "first_step_pain": ["present"],
            "fever": ["absent"],
            "bmi": [float("nan")],
            "sex": [None],
        }
    )
    check_row(heel.assess_frame(lazy_nulls).row(0, named=True), report)


def test_yes_no_columns_may_be_booleans() -> None:
    as_text = pd.DataFrame({"first_step_pain": ["present", "absent"], "age": [30, 50]})
    as_bool = pd.DataFrame({"first_step_pain": [True, False], "age": [30, 50]})
    pd.testing.assert_frame_equal(heel.assess_frame(as_text), heel.assess_frame(as_bool))


def test_pain_location_as_text_or_list() -> None:
    places = ["arch", "plantar_medial_heel"]
    report = heel.assess({"answers": {"pain_location": places}})
    texts = [
        "arch,plantar_medial_heel",
        " arch , plantar_medial_heel ,",
        "arch, plantar_medial_heel",
    ]
    frame = pd.DataFrame({"pain_location": texts + [places]})
    result = heel.assess_frame(frame)
    for i in range(len(frame)):
        check_row(result.iloc[i].to_dict(), report)
    pl_result = heel.assess_frame(pl.DataFrame({"pain_location": [places, None]}))
    check_row(pl_result.row(0, named=True), report)
    check_row(pl_result.row(1, named=True), heel.assess({}))
    empty = heel.assess_frame(pd.DataFrame({"pain_location": ["", " , "]}))
    check_row(empty.iloc[0].to_dict(), heel.assess({}))


def test_keep_copies_columns_through() -> None:
    frame = pl.DataFrame({"participant": ["a", "b"], "cohort": [1, 2], "age": [12, 40]})
    result = heel.assess_frame(frame, keep=["participant", "cohort"])
    assert result.columns[:2] == ["participant", "cohort"]
    assert result["participant"].to_list() == ["a", "b"]
    assert result["cohort"].to_list() == [1, 2]
    assert result.schema["cohort"] == frame.schema["cohort"]
    check_row(result.row(0, named=True), heel.assess({"answers": {"age": 12}}))
    one = heel.assess_frame(frame.drop("cohort"), keep="participant")
    assert one.columns == ["participant"] + RESULT_COLUMNS + PROBABILITY_COLUMNS
    kept_pandas = heel.assess_frame(frame.to_pandas(), keep=["participant", "cohort"])
    assert list(kept_pandas.columns[:2]) == ["participant", "cohort"]
    assert kept_pandas["cohort"].tolist() == [1, 2]
    kept_arrow = heel.assess_frame(frame.drop("participant").to_arrow(), keep=["cohort"])
    assert kept_arrow.column_names[0] == "cohort"
    with pytest.raises(KeyError):
        heel.assess_frame(frame, keep=["nope"])


def test_setting_column_is_the_setting() -> None:
    frame = pd.DataFrame({"setting": ["general_practice", None], "age": [30, 10]})
    result = heel.assess_frame(frame)
    check_row(
        result.iloc[0].to_dict(),
        heel.assess({"setting": "general_practice", "answers": {"age": 30}}),
    )
    check_row(result.iloc[1].to_dict(), heel.assess({"answers": {"age": 10}}))


def test_a_bad_row_is_named() -> None:
    frame = pd.DataFrame({"age": [30, 40, 130]})
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess_frame(frame)
    e = caught.value
    assert (e.index, e.code, e.field) == (2, "out_of_range", "answers.age")
    unknown = pl.DataFrame({"participant": ["a"], "age": [30]})
    with pytest.raises(heel.InvalidAssessmentError) as caught:
        heel.assess_frame(unknown)
    assert (caught.value.code, caught.value.field) == ("unknown_id", "answers.participant")


def test_empty_frames() -> None:
    result = heel.assess_frame(pd.DataFrame({"age": pd.Series([], dtype="float64")}))
    assert len(result) == 0
    assert list(result.columns) == RESULT_COLUMNS + PROBABILITY_COLUMNS
    assert heel.assess_frame(pl.DataFrame({"age": []}, schema={"age": pl.Float64})).height == 0


def test_result_columns_must_not_clash() -> None:
    frame = pd.DataFrame({"top_condition": ["x"], "age": [30]})
    with pytest.raises(ValueError, match="clash"):
        heel.assess_frame(frame, keep=["top_condition"])


@pytest.mark.parametrize("wrong", [[{"age": 30}], {"age": [30]}, "age", None])
def test_only_frames_are_accepted(wrong: Any) -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        heel.assess_frame(wrong)


def test_lazy_frames_must_be_collected() -> None:
    with pytest.raises(TypeError, match="collect"):
        heel.assess_frame(pl.DataFrame({"age": [30]}).lazy())


def test_probabilities_are_plottable() -> None:
    result = heel.assess_frame(pandas_frame())
    probabilities = result[PROBABILITY_COLUMNS]
    assert probabilities.shape == (len(DOCS), len(CONDITIONS))
    assert all(0 < p < 1 for p in probabilities.to_numpy().ravel())
    assert all(
        math.isclose(result.loc[i, "top_probability"], probabilities.loc[i].max())
        for i in result.index
    )
    # Each row is a distribution over the causes, "Something else" included.
    assert all(
        math.isclose(math.fsum(probabilities.loc[i]), 1.0, abs_tol=1e-12) for i in result.index
    )
    assert (result["p_other"] > 0).all()


def test_batch_equals_assess_on_the_vignettes() -> None:
    """The batch path against heel.assess, row by row, on every vignette
    (many item types, settings and triage levels): exactly equal."""
    from shared import REPO, load

    vignettes = load(REPO / "tests" / "vignettes.json")["vignettes"]
    docs = [v["assessment"] for v in vignettes]
    items = sorted({item for d in docs for item in d.get("answers", {})})
    table = [
        {"setting": d.get("setting"), **{i: d.get("answers", {}).get(i) for i in items}}
        for d in docs
    ]
    frames = [pd.DataFrame(table), pl.DataFrame(table, infer_schema_length=None)]
    for frame in frames:
        result = heel.assess_frame(frame)
        rows_out = result.to_dict("records") if isinstance(result, pd.DataFrame) else result.to_dicts()
        assert len(rows_out) == len(docs)
        for row, d in zip(rows_out, docs):
            check_row(row, heel.assess(d))
