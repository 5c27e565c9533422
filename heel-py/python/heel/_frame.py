"""``assess_frame``: a table of assessments in, a table of results out.

Only plumbing lives here. By default each column goes to heel-core's batch
path (``heel_core::batch``) as a raw buffer: numbers as float64 (NaN for
unknown), everything else as int32 codes into a small dictionary of
answers, built by Arrow's ``dictionary_encode``; no row becomes a document
or a report, and the rows are scored on every core with the GIL released. pandas columns go through Arrow too, and a column Arrow cannot
take (an object column mixing types) is encoded in Python instead. With
``reasons=True`` rows become assessment documents, heel-core assesses them
all (``assess_many``) and the reports' triage reasons become a column as
well. The results are built as an Arrow table and handed back as the
caller's kind of table.
pyarrow and the DataFrame library are imported only when ``assess_frame`` is
called.
"""

from __future__ import annotations

import array as array_module
import importlib
import math
import sys
from typing import Any, Dict, Iterable, List, Optional, Tuple, TypeVar

from . import _heel

# pandas, polars and pyarrow are optional and imported when needed; their
# objects are typed `Any` here.
Table = Any

FrameT = TypeVar("FrameT")

#: The column read as the document's ``setting`` (every other column not in
#: ``keep`` is an evidence item).
SETTING_COLUMN = "setting"

#: The result columns, in order, before one probability column per cause
#: (``triage_reasons`` only with ``reasons=True``).
RESULT_COLUMNS = ("top_condition", "top_probability", "triage_level", "triage_reasons")

#: The probability column of a cause is this prefix and its id (``p_other`` for
#: "Something else").
PROBABILITY_PREFIX = "p_"


def assess_frame(frame: FrameT, *, keep: Iterable[str] = (), reasons: bool = False) -> FrameT:
    """Assesses every row of a DataFrame.

    Each row is one assessment. Columns are named by evidence item ids (see
    ``heel.catalog()["items"]``), plus an optional ``setting`` column; a missing
    value (``None``, null or NaN) means the item is unknown. Answers are as
    in the assessment document: ``"present"``/``"absent"`` or booleans for
    yes/no items, option ids for choices, numbers for numbers. The
    ``pain_location`` column holds a list of places or a comma-separated
    string (``"arch, calf"``).

    Args:
        frame: A pandas or polars DataFrame (or a pyarrow Table).
        keep: Columns that are not evidence, such as a participant id, to copy
            unchanged into the result instead of reading.
        reasons: Also build every row's full report and add its
            ``triage_reasons`` column (the behaviour before heel 0.1's batch
            path, and about a hundred times slower). Without it, only the
            scores and the triage level are computed, in bulk.

    Returns:
        A table of the same kind with one row per input row (for pandas, the
        same index): the ``keep`` columns, then ``top_condition`` (the id of
        the most likely cause, which can be ``other``), ``top_probability``,
        ``triage_level``, with ``reasons=True`` ``triage_reasons`` (a list of
        the reasons' texts, most urgent first), and one probability column per
        cause, named ``p_`` and the cause's id, in catalog order: the named
        conditions, then ``p_other`` ("Something else"). A row's
        probabilities sum to 1. The values are exactly those of
        ``heel.assess`` for the row.

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
    clash = sorted(set(kept) & set(_result_names(True)))
    if clash:
        raise ValueError(f"keep: {clash} would clash with result columns of the same name")
    evidence = [name for name in names if name not in kept]
    rows = _row_count(frame, kind)
    if reasons:
        columns = _read_columns(frame, kind, evidence)
        reports = _heel.assess_many(_documents(columns, rows))
        return _combine(frame, kind, kept, _results(pa, reports))  # type: ignore[no-any-return]
    encoded = _encode_columns(pa, frame, kind, evidence)
    scored = _heel._score_columns(encoded, rows)
    return _combine(frame, kind, kept, _batch_results(pa, rows, scored))  # type: ignore[no-any-return]


# A column for the batch path: (name, float64 or int32 bytes, dictionary or None).
Encoded = Tuple[str, bytes, Optional[List[Any]]]


def _encode_columns(pa: Any, frame: Any, kind: str, names: List[str]) -> List[Encoded]:
    out: List[Encoded] = []
    if kind == "pandas":
        for name in names:
            series = frame[name]
            try:
                array = pa.Array.from_pandas(series)
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                # A column Arrow cannot take (mixed types): encoded in Python.
                out.append(_encode_python(name, series.tolist()))
                continue
            out.append(_encode_arrow(pa, name, array))
        return out
    table = frame.select(names).to_arrow() if kind == "polars" else frame.select(names)
    for name in names:
        out.append(_encode_arrow(pa, name, table.column(name)))
    return out


def _encode_arrow(pa: Any, name: str, array: Any) -> Encoded:
    pc = importlib.import_module("pyarrow.compute")
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    kind = array.type
    if pa.types.is_dictionary(kind):
        array = array.dictionary_decode()
        kind = array.type
    if pa.types.is_null(kind):
        return (name, b"", [])
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        numbers = pc.cast(array, pa.float64()).fill_null(math.nan)
        return (name, numbers.to_numpy(zero_copy_only=False).tobytes(), None)
    if pa.types.is_boolean(kind):
        codes = pc.if_else(array, 1, 0).cast(pa.int32()).fill_null(-1)
        return (name, codes.to_numpy(zero_copy_only=False).tobytes(), [False, True])
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        if pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type):
            # Places as one text, "arch,calf", which heel-core splits again.
            array = pc.binary_join(array, pa.scalar(",", kind.value_type))
            kind = array.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        encoded = array.dictionary_encode()
        codes = encoded.indices.cast(pa.int32()).fill_null(-1)
        return (
            name,
            codes.to_numpy(zero_copy_only=False).tobytes(),
            encoded.dictionary.to_pylist(),
        )
    return _encode_python(name, array.to_pylist())


def _encode_python(name: str, values: List[Any]) -> Encoded:
    """Codes and a dictionary built in Python, for a column Arrow cannot take."""
    codes = array_module.array("i")
    dictionary: List[Any] = []
    seen: Dict[Any, int] = {}
    for value in values:
        if _missing(value):
            codes.append(-1)
            continue
        # The type is part of the key: True and 1 are equal in Python.
        key = (type(value), tuple(value) if isinstance(value, list) else value)
        code = seen.get(key)
        if code is None:
            code = seen[key] = len(dictionary)
            dictionary.append(list(value) if isinstance(value, (list, tuple)) else value)
        codes.append(code)
    return (name, codes.tobytes(), dictionary)


def _batch_results(pa: Any, rows: int, scored: Any) -> Table:
    pc = importlib.import_module("pyarrow.compute")
    probabilities, top_probability, top, triage, condition_ids, level_ids = scored
    matrix = pa.py_buffer(probabilities)

    def floats(buffer: Any, offset: int = 0) -> Any:
        return pa.Array.from_buffers(pa.float64(), rows, [None, buffer], offset=offset)

    def ids(codes: bytes, names: List[str]) -> Any:
        indices = pa.Array.from_buffers(pa.uint8(), rows, [None, pa.py_buffer(codes)])
        return pc.take(pa.array(names, pa.string()), indices)

    columns: Dict[str, Any] = {
        "top_condition": ids(top, condition_ids),
        "top_probability": floats(pa.py_buffer(top_probability)),
        "triage_level": ids(triage, level_ids),
    }
    for k, c in enumerate(condition_ids):
        columns[PROBABILITY_PREFIX + c] = floats(matrix, k * rows)
    return pa.table(columns)


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
    items = _heel.catalog()["items"]
    return frozenset(i["id"] for i in items if i["answer"]["type"] == "locations")


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
    return [c["id"] for c in _heel.catalog()["conditions"]]


def _result_names(reasons: bool) -> List[str]:
    first = [c for c in RESULT_COLUMNS if reasons or c != "triage_reasons"]
    return first + [PROBABILITY_PREFIX + c for c in _condition_ids()]


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
        if "triage_reasons" in out.columns:
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
