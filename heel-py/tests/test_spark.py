"""The Spark example (examples/python/spark_cohort.py) on a local session:
a DataFrame of assessments scored with mapInArrow through heel's batch path
gives exactly what assess_frame gives for the same rows.

One local[2] session serves the module; it needs Java (the test is skipped,
saying so, when no Java runtime is found).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pytest

import heel

from shared import CASES, REPO

EXAMPLE = REPO / "examples" / "python" / "spark_cohort.py"
# The fixture cases, repeated: a few hundred rows over several partitions.
REPEAT = 30
PARTITIONS = 5


def java_found() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


pytestmark = pytest.mark.skipif(not java_found(), reason="Spark needs a Java runtime (none found)")


def load_example() -> Any:
    spec = importlib.util.spec_from_file_location("spark_cohort", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The executors' Python workers are this interpreter, where heel is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("heel-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def cohort() -> pa.Table:
    """The fixture cases as a table, one type per column (yes/no booleans as
    "present"/"absent"), with an id per row."""
    docs = [c["assessment"] for c in CASES["cases"]] * REPEAT
    items = sorted({item for d in docs for item in d.get("answers", {})})
    yes_no = {True: "present", False: "absent"}
    rows = []
    for k, d in enumerate(docs):
        row: dict[str, Any] = {"id": f"row-{k:04d}", "setting": d.get("setting")}
        for item in items:
            value = d.get("answers", {}).get(item)
            row[item] = yes_no.get(value, value) if isinstance(value, bool) else value
        rows.append(row)
    return pa.Table.from_pylist(rows)


def test_map_in_arrow_equals_assess_frame(spark: Any) -> None:
    example = load_example()
    table = cohort()
    assert table.num_rows >= 200
    df = spark.createDataFrame(table).repartition(PARTITIONS)
    assert df.rdd.getNumPartitions() == PARTITIONS

    scored = example.assess_spark(df, keep=["id"])
    got = pa.Table.from_pylist([r.asDict() for r in scored.collect()]).sort_by("id")
    expected = heel.assess_frame(table, keep=["id"]).sort_by("id")

    assert got.column_names == expected.column_names
    assert got.num_rows == table.num_rows
    for name in expected.column_names:
        # Exact equality: the same floats, bit for bit.
        assert got.column(name).to_pylist() == expected.column(name).to_pylist(), name
    # Real answers were read: the cohort's cases do not all score alike.
    assert len(set(got.column("top_condition").to_pylist())) > 3


def test_demo_cohort_runs(spark: Any) -> None:
    example = load_example()
    df = example.demo_cohort(spark)
    rows = {r["id"]: r for r in example.assess_spark(df, keep=["id"]).collect()}
    assert rows["p1"]["top_condition"] == "plantar_fasciitis"
    for r in rows.values():
        total = sum(v for k, v in r.asDict().items() if k.startswith("p_"))
        assert abs(total - 1.0) < 1e-12
