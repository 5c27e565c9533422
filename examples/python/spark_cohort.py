#!/usr/bin/env python3
"""Scoring a cohort with Spark: every row of a Spark DataFrame of assessments
through heel's batch path, on the executors.

Each partition reaches the executor's Python worker as Arrow record batches
(``mapInArrow``); ``heel.assess_frame`` scores a batch in bulk
(``heel_core::batch``, no per-row document or report) and hands Arrow back,
so no row ever becomes a Python object. The result has the same columns and
the same values, bit for bit, as ``heel.assess_frame`` on the same rows.

    python examples/python/spark_cohort.py [COHORT.parquet [OUT.parquet]]

Without arguments it scores a small demonstration cohort on a local session
(``local[*]``) and prints it. Columns are named by evidence item ids, plus
an optional ``setting``; ``id`` (when present) is copied through. Every
executor needs heel and pyarrow installed: see README.md, "Spark".
"""

from __future__ import annotations

import sys
from typing import Any, Iterable, Iterator, Sequence

import heel

# pyspark is imported where it is needed, so this module can be read (and its
# schema function used) without it.
DataFrame = Any


def result_schema(df: DataFrame, keep: Sequence[str] = ()) -> Any:
    """The Spark schema of ``assess_spark``'s result: the ``keep`` columns
    as they are, then assess_frame's columns (the top condition, its
    probability, the triage level, one probability per cause)."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    fields = [df.schema[name] for name in keep]
    fields += [
        StructField("top_condition", StringType()),
        StructField("top_probability", DoubleType()),
        StructField("triage_level", StringType()),
    ]
    fields += [StructField(f"p_{c['id']}", DoubleType()) for c in heel.catalog()["conditions"]]
    return StructType(fields)


def assess_spark(df: DataFrame, keep: Sequence[str] = ()) -> DataFrame:
    """Scores every row of ``df`` with ``heel.assess_frame``, partition by
    partition on the executors. ``keep`` names columns to copy through (an
    id); every other column is read as evidence.

    An invalid row fails its task with heel's ``InvalidAssessmentError``
    (``index`` counts from the start of its Arrow batch, not of the frame)."""
    kept = list(keep)

    # A nested function: Spark pickles it by value, so the executors need
    # heel and pyarrow installed, not this file.
    def score(batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa

        import heel

        for batch in batches:
            table = heel.assess_frame(pa.Table.from_batches([batch]), keep=kept)
            yield from table.to_batches()

    return df.mapInArrow(score, result_schema(df, kept))


def demo_cohort(spark: Any) -> DataFrame:
    """A few assessments as a Spark DataFrame (one column per item)."""
    rows = [
        ("p1", "runners", 44.0, ["plantar_medial_heel"], "present", "present", "absent"),
        ("p2", "general_practice", 67.0, ["achilles_insertion"], "absent", None, "absent"),
        ("p3", "children", 11.0, ["heel_pad_centre"], None, None, "absent"),
        ("p4", None, 35.0, ["arch", "calf"], "present", "absent", "present"),
    ]
    schema = (
        "id string, setting string, age double, pain_location array<string>, "
        "first_step_pain string, eases_after_few_minutes string, fever string"
    )
    return spark.createDataFrame(rows, schema)


def main(argv: Sequence[str]) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[*]").appName("heel-cohort").getOrCreate()
    try:
        df = spark.read.parquet(argv[0]) if argv else demo_cohort(spark)
        keep = ["id"] if "id" in df.columns else []
        scored = assess_spark(df, keep)
        if len(argv) > 1:
            scored.write.mode("overwrite").parquet(argv[1])
        else:
            scored.select(*keep, "top_condition", "top_probability", "triage_level").show(
                truncate=False
            )
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
