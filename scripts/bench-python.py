#!/usr/bin/env python3
"""Python figures for BENCHMARKS.md, in one process: assess_frame's rows per
second for pandas, polars and pyarrow (batch path, and full reports with
reasons=True), heel.score per call, and the same cohort scored by a plain
pure-Python implementation of heel's model (``PureScorer``), which reads the
model as data (``cargo run --example model_tables``). Before timing, the
pure-Python scorer must give heel's top condition on every vignette of
tests/vignettes.json. Medians of several runs; prints one JSON object.

    target/py-venv/bin/python scripts/bench-python.py MODEL_TABLES.json [ROWS]
"""

from __future__ import annotations

import json
import math
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pandas as pd
import polars as pl
import pyarrow as pa

import heel

REPO = Path(__file__).resolve().parents[1]
RUNS = 3


class PureScorer:
    """heel's scoring model in plain Python: a straightforward reading of the
    model tables, dictionaries in, probabilities out (the same terms, in the
    same order, as heel-core's ``scoring`` module)."""

    def __init__(self, model: Dict[str, Any]) -> None:
        self.conditions: List[str] = model["conditions"]
        self.n = len(self.conditions)
        self.inv_t = 1.0 / model["evidence_temperature"]
        self.decay = model["group_decay"]
        self.log_prior: Dict[str, List[float]] = model["log_prior"]
        self.log_lr: Dict[str, Dict[str, List[List[float]]]] = model["log_lr"]
        self.items = {i["id"]: i for i in model["items"]}
        # Each item's answer labels by position (the finding rows' order).
        self.index = {i["id"]: {a: k for k, a in enumerate(i["answers"])} for i in model["items"]}
        self.slots = model["slots"]
        self.clusters = {c["group"]: c for c in model["clusters"]}

    # -- reading answers -------------------------------------------------

    @staticmethod
    def _yes_no(value: Any) -> Optional[str]:
        if value is True or value == "present":
            return "present"
        if value is False or value == "absent":
            return "absent"
        return None

    def _number(self, answers: Dict[str, Any], item: str) -> Optional[float]:
        value = answers.get(item)
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def _bmi(self, answers: Dict[str, Any]) -> Optional[float]:
        bmi = self._number(answers, "bmi")
        if bmi is not None:
            return bmi
        h, w = self._number(answers, "height_cm"), self._number(answers, "weight_kg")
        if h is None or w is None:
            return None
        h = h / 100.0
        return w / (h * h)

    def _effects(self, setting: str, item: str, answers: Dict[str, Any]) -> Optional[List[float]]:
        """The log ratios of an item's answer for every cause, or None."""
        info = self.items[item]
        rows = self.log_lr[setting][item]
        if not rows:
            return None
        value = self._bmi(answers) if item == "bmi" else answers.get(item)
        if value is None:
            return None
        kind = info["kind"]
        index = self.index[item]
        if kind == "yes_no":
            yn = self._yes_no(value)
            return None if yn is None else rows[index[yn]]
        if kind == "choice":
            return rows[index[value]] if value in index else None
        if kind == "number":
            band = None
            for k, start in enumerate(info["bands"]):
                if value >= start:
                    band = k
            return None if band is None else rows[band]
        places = [value] if isinstance(value, str) else list(value)
        indexes = sorted({index[p] for p in places})
        if not indexes:
            return None
        if len(indexes) == 1:
            return rows[indexes[0]]
        # Several places: the log of the mean of their ratios.
        return [
            math.log(sum(math.exp(rows[k][c]) for k in indexes) / len(indexes))
            for c in range(self.n)
        ]

    def _holds(self, test: Dict[str, Any], answers: Dict[str, Any]) -> bool:
        kind, of = test["test"], test["of"]
        if kind == "present":
            return self._yes_no(answers.get(of)) == "present"
        if kind == "not_present":
            return self._yes_no(answers.get(of)) != "present"
        if kind == "is":
            return bool(answers.get(of[0]) == of[1])
        if kind in ("above", "below"):
            v = self._number(answers, of[0])
            return v is not None and (v > of[1] if kind == "above" else v < of[1])
        if kind == "pain_at":
            places = answers.get("pain_location") or []
            places = [places] if isinstance(places, str) else places
            return any(p in places for p in of)
        if kind == "all":
            return all(self._holds(t, answers) for t in of)
        if kind == "any":
            return any(self._holds(t, answers) for t in of)
        if kind == "not":
            return not self._holds(of, answers)
        raise ValueError(f"unknown test {kind}")

    # -- scoring ---------------------------------------------------------

    def log_scores(self, document: Dict[str, Any]) -> List[float]:
        answers = {k: v for k, v in document.get("answers", {}).items() if v is not None}
        setting = document.get("setting")
        if setting is None:
            age = self._number(answers, "age")
            setting = "children" if age is not None and age < 18 else "runners"
        scores = list(self.log_prior[setting])
        for slot in self.slots:
            if "item" in slot:
                row = self._effects(setting, slot["item"], answers)
                if row is not None:
                    for c in range(self.n):
                        scores[c] += row[c] * self.inv_t
                continue
            answered: List[Tuple[str, List[float]]] = []
            for m in slot["items"]:
                row = self._effects(setting, m, answers)
                if row is not None:
                    answered.append((m, row))
            if not answered:
                continue
            if len(answered) == 1 and slot["group"] not in self.clusters:
                # One answer of a group: it counts in full.
                row = answered[0][1]
                for c in range(self.n):
                    scores[c] += row[c] * self.inv_t
                continue
            cluster = self.clusters.get(slot["group"])
            if cluster is not None and not (
                (cluster["applies_when"] is None or self._holds(cluster["applies_when"], answers))
                and all(self._yes_no(answers.get(m)) is not None for m in cluster["members"])
            ):
                cluster = None
            for c in range(self.n):
                values = [row[c] for _, row in answered]
                replaced = cluster is not None and cluster["condition"] == self.conditions[c]
                if replaced:
                    assert cluster is not None
                    positive = self._holds(cluster["positive"], answers)
                    lr = cluster["positive_lr"] if positive else cluster["negative_lr"]
                    scores[c] += math.log(lr)
                for i, (m, _) in enumerate(answered):
                    v = values[i]
                    if v == 0.0 or (replaced and m in cluster["members"]):  # type: ignore[index]
                        continue
                    # The strongest answer in each direction counts in full,
                    # each further one at decay times the one before.
                    rank = sum(
                        1
                        for j, w in enumerate(values)
                        if j != i
                        and w != 0.0
                        and (w > 0.0) == (v > 0.0)
                        and (abs(w) > abs(v) or (abs(w) >= abs(v) and j < i))
                    )
                    scores[c] += v * (self.decay**rank) * self.inv_t
        return scores

    def probabilities(self, document: Dict[str, Any]) -> List[float]:
        scores = self.log_scores(document)
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        return [w / total for w in weights]

    def top(self, document: Dict[str, Any]) -> str:
        p = self.probabilities(document)
        return self.conditions[max(range(self.n), key=lambda c: (p[c], -c))]


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


def median_seconds(f: Callable[[], Any], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_vignettes(scorer: PureScorer) -> int:
    """The pure-Python scorer gives heel's top condition on every vignette."""
    vignettes = json.loads((REPO / "tests" / "vignettes.json").read_text())["vignettes"]
    for v in vignettes:
        want = heel.assess(v["assessment"]).top.id
        got = scorer.top(v["assessment"])
        if got != want:
            raise SystemExit(f"pure-Python scorer: {v['id']}: {got}, heel says {want}")
    return len(vignettes)


def main() -> None:
    model = json.loads(Path(sys.argv[1]).read_text())
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    scorer = PureScorer(model)
    figures: Dict[str, Any] = {"rows": rows, "runs": RUNS}
    figures["pure_python_vignettes_agreeing"] = check_vignettes(scorer)

    data = cohort(rows)
    # The pure-Python scorer reads documents (pain_location as a list).
    documents = [
        {"answers": {**r, "pain_location": [r["pain_location"]]}} for r in data[: min(rows, 20_000)]
    ]
    # Same answers, same result: the baseline scores the cohort as heel does.
    for d in documents[:500]:
        if scorer.top(d) != heel.assess(d).top.id:
            raise SystemExit(f"pure-Python scorer disagrees with heel on {d}")
    seconds = median_seconds(lambda: [scorer.probabilities(d) for d in documents])
    figures["pure_python_rows_per_s"] = len(documents) / seconds

    frames = {
        "pandas": pd.DataFrame(data),
        "polars": pl.DataFrame(data),
        "pyarrow": pa.Table.from_pylist(data),
    }
    for name, frame in frames.items():
        seconds = median_seconds(lambda: heel.assess_frame(frame))
        figures[f"assess_frame_{name}_rows_per_s"] = rows / seconds
    small = 2_000
    seconds = median_seconds(lambda: heel.assess_frame(frames["pandas"].head(small), reasons=True))
    figures["assess_frame_pandas_reasons_rows_per_s"] = small / seconds
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
