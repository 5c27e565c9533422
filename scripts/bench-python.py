#!/usr/bin/env python3
"""assess_frame throughput: rows per second for pandas, polars and pyarrow,
batch path and full reports (reasons=True), medians of several runs in one
process. Prints one JSON object to stdout (scripts/bench reads it).

    target/py-venv/bin/python scripts/bench-python.py [ROWS]
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

import pandas as pd
import polars as pl
import pyarrow as pa

import heel

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
RUNS = 3


def cohort(n: int) -> List[Dict[str, Any]]:
    """n plausible assessments (seeded): a place, a story, a few yes/no answers."""
    rng = random.Random(10)
    places = ["plantar_medial_heel", "achilles_midportion", "achilles_insertion", "arch"]
    yes_no = ["first_step_pain", "eases_after_few_minutes", "fever", "night_pain", "trauma"]
    out = []
    for _ in range(n):
        row: Dict[str, Any] = {
            "age": float(rng.randint(18, 80)),
            "pain_location": rng.choice(places),
            "onset": rng.choice(["gradual", "sudden"]),
            "duration_days": float(rng.randint(1, 400)),
        }
        for item in yes_no:
            row[item] = rng.choice(["present", "absent", None])
        out.append(row)
    return out


def median_rate(f: Callable[[], Any], rows: int) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return rows / statistics.median(times)


def main() -> None:
    data = cohort(ROWS)
    frames = {
        "pandas": pd.DataFrame(data),
        "polars": pl.DataFrame(data),
        "pyarrow": pa.Table.from_pylist(data),
    }
    figures: Dict[str, Any] = {"rows": ROWS, "runs": RUNS}
    for name, frame in frames.items():
        figures[f"assess_frame_{name}_rows_per_s"] = median_rate(
            lambda: heel.assess_frame(frame), ROWS
        )
    small = 2_000
    figures["assess_frame_pandas_reasons_rows_per_s"] = median_rate(
        lambda: heel.assess_frame(frames["pandas"].head(small), reasons=True), small
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
