"""``assess_frame``: a table of assessments in, a table of results out.

Only plumbing lives here: rows become assessment documents, heel-core scores
them all (``assess_many``), and the reports become columns. polars and
pyarrow tables are read through Arrow; pandas frames column by column, since
a pandas object column may mix types that Arrow refuses. The results are
built as an Arrow table and handed back as the caller's kind of table.
pyarrow and the DataFrame library are imported only when ``assess_frame`` is
called.
"""

from __future__ import annotations

import importlib
import math
import sys
from typing import Any, Dict, Iterable, List, TypeVar

from . import _heel

# pandas, polars and pyarrow are optional and imported when needed; their
# objects are typed `Any` here.
Table = Any

FrameT = TypeVar("FrameT")

#: The column read as the document's ``setting`` (every other column not in
#: ``keep`` is an evidence item).
SETTING_COLUMN = "setting"

#: The result columns, in order, before one probability column per cause.
RESULT_COLUMNS = ("top_condition", "top_probability", "triage_level", "triage_reasons")

#: The probability column of a cause is this prefix and its id (``p_other`` for
#: "Something else").
PROBABILITY_PREFIX = "p_"


def assess_frame(frame: FrameT, *, keep: Iterable[str] = ()) -> FrameT:
    """Assesses every row of a DataFrame.

    Each row is one assessment. Columns are named by evidence item ids (see
    ``heel.catalog().items``), plus an optional ``setting`` column; a missing
    value (``None``, null or NaN) means the item is unknown. Answers are as
    in the assessment document: ``"present"``/``"absent"`` or booleans for
    yes/no items, option ids for choices, numbers for numbers. The
    ``pain_location`` column holds a list of places or a comma-separated
    string (``"arch, calf"``).

    Args:
        frame: A pandas or polars DataFrame (or a pyarrow Table).
        keep: Columns that are not evidence, such as a participant id, to copy
            unchanged into the result instead of reading.

    Returns:
        A table of the same kind with one row per input row (for pandas, the
        same index): the ``keep`` columns, then ``top_condition`` (the id of
        the most likely cause, which can be ``other``), ``top_probability``,
        ``triage_level``, ``triage_reasons`` (a list of the reasons' texts,
        most urgent first) and one probability column per cause, named ``p_``
        and the cause's id, in catalog order: the named conditions, then
        ``p_other`` ("Something else"). A row's probabilities sum to 1.

    Raises:
        InvalidAssessmentError: A row is not a valid assessment; ``index`` is
            its position (0 for the first row) and ``field`` names the answer
            at fault, as in ``answers.age``.
        TypeError: ``frame`` is not a pandas or polars DataFrame or a pyarrow
            Table.
        KeyError: A ``keep`` column does not exist.
        ValueError: Two columns have the same name, or a ``keep`` column has
            the name of a result column.
        ImportError: pyarrow is not installed.
    """
    kind = _kind(frame)
    pa = _pyarrow()
    names = _column_names(frame, kind)
    kept = [keep] if isinstance(keep, str) else list(keep)
    for name in kept:
        if name not in names:
            raise KeyError(f"keep: no column named {name!r}")
    clash = sorted(set(kept) & set(_result_names()))
    if clash:
        raise ValueError(f"keep: {clash} would clash with result columns of the same name")
    evidence = [name for name in names if name not in kept]
    columns = _read_columns(frame, kind, evidence)
    reports = _heel.assess_many(_documents(columns, _row_count(frame, kind)))
    return _combine(frame, kind, kept, _results(pa, reports))  # type: ignore[no-any-return]


def _kind(frame: object) -> str:
    # A DataFrame's library is already imported: look there, import nothing.
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(frame, pd.DataFrame):
        return "pandas"
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(frame, pl.DataFrame):
        return "polars"
    if pl is not None and isinstance(frame, pl.LazyFrame):
        raise TypeError("assess_frame() takes a polars DataFrame: collect() the LazyFrame first")
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(frame, pa.Table):
        return "pyarrow"
    raise TypeError(
        "assess_frame() takes a pandas or polars DataFrame or a pyarrow Table, "
        f"not {type(frame).__module__}.{type(frame).__qualname__}"
    )


def _pyarrow() -> Any:
    try:
        return importlib.import_module("pyarrow")
    except ImportError as e:
        raise ImportError(
            "heel.assess_frame() needs pyarrow: pip install pyarrow "
            "(or install heel with the 'pandas' or 'polars' extra)"
        ) from e


def _column_names(frame: Any, kind: str) -> List[str]:
    names = list(frame.columns) if kind != "pyarrow" else list(frame.column_names)
    if len(set(names)) != len(names):
        raise ValueError("assess_frame() needs distinct column names")
    return names


def _row_count(frame: Any, kind: str) -> int:
    return int(frame.num_rows) if kind == "pyarrow" else len(frame)


def _read_columns(frame: Any, kind: str, names: List[str]) -> Dict[str, List[Any]]:
    """Each evidence column as a list of Python values."""
    if kind == "pandas":
        # Column by column: a pandas object column may mix types (strings and
        # booleans, lists and None), which Arrow would refuse.
        return {name: frame[name].tolist() for name in names}
    table = frame.select(names).to_arrow() if kind == "polars" else frame.select(names)
    return {name: table.column(name).to_pylist() for name in names}


def _location_items() -> frozenset[str]:
    """The items answered with a list of places (``pain_location``)."""
    return frozenset(i.id for i in _heel.catalog().items if i.answer.type == "locations")


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    # pandas.NA and pandas.NaT, without importing pandas.
    return type(value).__name__ in ("NAType", "NaTType")


def _places(text: str) -> List[str]:
    return [place.strip() for place in text.split(",") if place.strip()]


def _documents(columns: Dict[str, List[Any]], rows: int) -> List[Dict[str, Any]]:
    locations = _location_items()
    documents = []
    for row in range(rows):
        document: Dict[str, Any] = {}
        answers: Dict[str, Any] = {}
        for name, values in columns.items():
            value = values[row]
            if _missing(value):
                continue
            if name == SETTING_COLUMN:
                document["setting"] = value
                continue
            if name in locations and isinstance(value, str):
                value = _places(value)
            answers[name] = value
        document["answers"] = answers
        documents.append(document)
    return documents


def _condition_ids() -> List[str]:
    return [c.id for c in _heel.catalog().conditions]


def _result_names() -> List[str]:
    return list(RESULT_COLUMNS) + [PROBABILITY_PREFIX + c for c in _condition_ids()]


def _results(pa: Any, reports: List[_heel.Report]) -> Table:
    condition_ids = _condition_ids()
    top_condition: List[str] = []
    top_probability: List[float] = []
    triage_level: List[str] = []
    triage_reasons: List[List[str]] = []
    probabilities: Dict[str, List[float]] = {c: [] for c in condition_ids}
    for report in reports:
        ranked = report.conditions
        top_condition.append(ranked[0].id)
        top_probability.append(ranked[0].probability)
        triage = report.triage
        triage_level.append(triage.level)
        triage_reasons.append([reason.text for reason in triage.reasons])
        for result in ranked:
            probabilities[result.id].append(result.probability)

    columns: Dict[str, Any] = {
        "top_condition": pa.array(top_condition, pa.string()),
        "top_probability": pa.array(top_probability, pa.float64()),
        "triage_level": pa.array(triage_level, pa.string()),
        "triage_reasons": pa.array(triage_reasons, pa.list_(pa.string())),
    }
    for c in condition_ids:
        columns[PROBABILITY_PREFIX + c] = pa.array(probabilities[c], pa.float64())
    return pa.table(columns)


def _combine(frame: Any, kind: str, kept: List[str], results: Table) -> Any:
    """The result table as the caller's kind of table, after the kept columns."""
    if kind == "pandas":
        pandas = importlib.import_module("pandas")
        out = results.to_pandas()
        out.index = frame.index
        # Lists of reasons as Python lists (pyarrow gives numpy arrays).
        out["triage_reasons"] = pandas.Series(
            [list(reasons) for reasons in out["triage_reasons"]], index=out.index, dtype=object
        )
        return pandas.concat([frame[kept], out], axis=1) if kept else out
    if kind == "polars":
        polars = importlib.import_module("polars")
        out = polars.from_arrow(results)
        return polars.concat([frame.select(kept), out], how="horizontal") if kept else out
    for name in reversed(kept):
        results = results.add_column(0, name, frame.column(name))
    return results
