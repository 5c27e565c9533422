#!/usr/bin/env python3
"""Writes BENCHMARKS.md (to stdout) from the raw outputs scripts/bench left in
one folder: machine.txt, rust.txt and rust-parallel.txt (divan's tables),
python.json (scripts/bench-python.py) and, if present, js.json
(heel-wasm/bench/bench.mjs). The explanations of the misses come from
docs/performance.md, written by hand from profiles.

    python3 scripts/bench-report.py target/bench > BENCHMARKS.md
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parents[1]
UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
# Rows per call in the batch benchmarks (heel-core/benches/engine.rs).
BATCH_ROWS = 20_000


def nanoseconds(cell: str) -> Optional[float]:
    m = re.match(r"^\s*([0-9.]+)\s*(ps|ns|µs|us|ms|s)\s*$", cell)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def divan(text: str) -> Dict[str, Dict[str, float]]:
    """Each benchmark's median time (ns) and, from divan's allocation
    profiler, its median allocations per call (0 when divan lists none)."""
    out: Dict[str, Dict[str, float]] = {}
    current: Optional[str] = None
    want_allocs = False
    for line in text.splitlines():
        # A continuation line starts with the tree's "│": drop that first cell.
        cells = line.split("│")[1:] if line.startswith("│") else line.split("│")
        head = cells[0]
        m = re.match(r"^[├╰]─ (\S+)", head)
        if m and len(cells) >= 3:
            current = m.group(1)
            median = nanoseconds(cells[2])
            if median is not None:
                out[current] = {"median_ns": median, "allocs": 0.0}
            want_allocs = False
            continue
        if current is None or current not in out:
            continue
        if head.strip(" │").startswith("alloc:"):
            want_allocs = True
            continue
        if want_allocs and len(cells) >= 3:
            count = cells[2].strip()
            if re.match(r"^[0-9.]+$", count):
                out[current]["allocs"] = float(count)
            want_allocs = False
    return out


def read_kv(path: Path) -> Dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k: v for k, v in pairs}


def fmt_ns(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def main() -> None:
    raw = Path(sys.argv[1])
    machine = read_kv(raw / "machine.txt")
    rust = divan((raw / "rust.txt").read_text())
    rust_par = divan((raw / "rust-parallel.txt").read_text())
    py = json.loads((raw / "python.json").read_text())
    js_path = raw / "js.json"
    js: Optional[Dict[str, Any]] = json.loads(js_path.read_text()) if js_path.exists() else None

    rows: List[Tuple[str, str, str, str]] = []

    def rust_row(path: str, name: str, target_ns: float, alloc_free: bool = False) -> None:
        b = rust.get(name)
        if b is None:
            rows.append((path, "not measured", fmt_ns(target_ns), "missed (no figure)"))
            return
        figure = fmt_ns(b["median_ns"])
        met = b["median_ns"] <= target_ns
        target = f"≤ {fmt_ns(target_ns)}"
        if alloc_free:
            figure += f", {b['allocs']:.0f} heap allocations"
            target += ", no heap allocation"
            met = met and b["allocs"] == 0
        rows.append((path, figure, target, "met" if met else "missed"))

    rust_row("`score` (probabilities only)", "score_15_answers", 150, alloc_free=True)
    rust_row("`assess` (full report)", "assess_15_answers", 3_000)
    rust_row("`next_questions` (15 answers)", "next_questions_15_answers", 30_000)

    target_rows = 2_000_000
    for lib in ("pandas", "polars"):
        rate = py[f"assess_frame_{lib}_rows_per_s"]
        rows.append(
            (
                f"Python `assess_frame`, {lib}",
                f"{rate:,.0f} rows/s",
                f"≥ {target_rows:,} rows/s",
                "met" if rate >= target_rows else "missed",
            )
        )
    pure = py["pure_python_rows_per_s"]
    best = max(py[f"assess_frame_{k}_rows_per_s"] for k in ("pandas", "polars", "pyarrow"))
    slowest = min(py[f"assess_frame_{k}_rows_per_s"] for k in ("pandas", "polars", "pyarrow"))
    rows.append(
        (
            "a naive pure-Python scorer of the same shape",
            f"{pure:,.0f} rows/s; heel's assess_frame {slowest / pure:.0f}× to {best / pure:.0f}× it",
            "heel ≥ 100× it",
            "met" if slowest / pure >= 100 else "missed",
        )
    )

    # bench.mjs's keys (heel-wasm/bench/bench.mjs prints them).
    absent = "not measured: heel-wasm/bench/bench.mjs is absent"
    for path, key, target, limit in (
        ("JS `assess` (object in, object out)", "assess_object_us_per_call", "≤ 30 µs", 30.0),
        ("JS `nextQuestions`", "next_questions_object_us_per_call", "≤ 60 µs", 60.0),
    ):
        if js is None or key not in js:
            rows.append((path, absent if js is None else f"no `{key}` in bench.mjs's output", target, "—"))
        else:
            value = js[key]
            rows.append((path, f"{value:.1f} µs", target, "met" if value <= limit else "missed"))
    modules = (js or {}).get("wasm", {})
    if not modules:
        rows.append((".wasm, gzipped", absent if js is None else "no `wasm` in bench.mjs's output", "≤ 100 KB", "—"))
    else:
        total = sum(m["gzip_bytes"] for m in modules.values())
        names = " + ".join(f"`{n}`" for n in modules)
        kb = total / 1024
        rows.append((".wasm, gzipped", f"{kb:.0f} KB ({names}, gzip -9)", "≤ 100 KB", "met" if kb <= 100 else "missed"))

    print("# Benchmarks")
    print()
    print(
        f"Written by `{machine['command'].strip()}` on {machine['date']}: {machine['cpu']}, "
        f"{machine['cores']} cores, load average {machine['load']} at the start; {machine['rustc']}."
    )
    print("Every figure below comes from that one run (the machines are noisy: compare within a run).")
    print()
    print("## Issue 10's table")
    print()
    print("| path | measured (median) | target | |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print("## Rust (heel-core, divan)")
    print()
    print("`cargo bench -p heel-core --bench engine`; the parallel batch row with")
    print("`--features parallel -- batch`. Medians; allocations per call from divan's counting")
    print("allocator.")
    print()
    print("| benchmark | median | heap allocations per call |")
    print("|---|---|---|")
    for name, b in rust.items():
        extra = ""
        if name.startswith("batch"):
            extra = f" ({fmt_ns(b['median_ns'] / BATCH_ROWS)} per row)"
        print(f"| {name} | {fmt_ns(b['median_ns'])}{extra} | {b['allocs']:.0f} |")
    for name, b in rust_par.items():
        print(
            f"| {name} | {fmt_ns(b['median_ns'])} ({fmt_ns(b['median_ns'] / BATCH_ROWS)} per row) "
            f"| {b['allocs']:.0f} |"
        )
    single = next((b for n, b in rust.items() if n.startswith("batch")), None)
    par = next((b for n, b in rust_par.items() if n.startswith("batch")), None)
    if single and par:
        print()
        print(
            f"Batch path: {BATCH_ROWS * 1e9 / single['median_ns']:,.0f} rows/s on one core, "
            f"{BATCH_ROWS * 1e9 / par['median_ns']:,.0f} rows/s with `parallel` "
            f"({single['median_ns'] / par['median_ns']:.2f}× on {machine['cores']} cores)."
        )
    print()
    print("## Python")
    print()
    print(
        f"`scripts/bench-python.py`: {py['rows']:,} rows per frame, medians of {py['runs']} runs; "
        f"the pure-Python scorer first gave heel's top condition on all "
        f"{py['pure_python_vignettes_agreeing']} vignettes and on 500 cohort rows."
    )
    print()
    print("| path | rows/s | ratio to pure Python |")
    print("|---|---|---|")
    for key, value in py.items():
        if key.endswith("_rows_per_s"):
            print(f"| {key[: -len('_rows_per_s')]} | {value:,.0f} | {value / pure:.1f}× |")
    if js is not None:
        print()
        print("## JavaScript (heel-wasm/bench/bench.mjs)")
        print()
        print("```json")
        print(json.dumps(js, indent=2))
        print("```")
    notes = REPO / "docs" / "performance.md"
    if notes.exists():
        print()
        text = notes.read_text()
        # The notes' own title gives way to this document's section.
        text = re.sub(r"^# .*\n+", "", text, count=1)
        print("## Where the time goes (docs/performance.md)")
        print()
        print(text.rstrip())


if __name__ == "__main__":
    main()
