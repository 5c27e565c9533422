"""The type stubs are tested, not trusted: stubtest compares them with the
compiled module, and mypy checks a typed program against them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # From an empty directory, so that the installed package is the one checked.
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def mypy(tmp_path: Path, path: Path) -> subprocess.CompletedProcess[str]:
    return run(
        tmp_path,
        "mypy",
        "--strict",
        "--strict-equality",
        "--no-incremental",
        "--cache-dir",
        str(tmp_path / "mypy-cache"),
        "--config-file",
        "",
        str(path),
    )


def test_stubs_match_the_compiled_module(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "mypy.stubtest",
        "heel",
        "--allowlist",
        str(HERE / "stubtest-allowlist.txt"),
        "--mypy-config-file",
        str(tmp_path / "none.ini"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_the_package_checks_strictly(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        str(tmp_path / "cache"),
        "--config-file",
        "",
        "-p",
        "heel",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_typed_program_checks(tmp_path: Path) -> None:
    result = mypy(tmp_path, HERE / "typed" / "consumer.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mistakes_are_caught(tmp_path: Path) -> None:
    path = HERE / "typed" / "misuse.py"
    marked = {
        n for n, line in enumerate(path.read_text().splitlines(), start=1) if "  # error:" in line
    }
    result = mypy(tmp_path, path)
    assert result.returncode == 1, result.stdout + result.stderr
    reported = {int(m.group(1)) for m in re.finditer(r"misuse\.py:(\d+): error", result.stdout)}
    assert reported == marked, result.stdout
