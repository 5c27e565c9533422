"""Every Python example in the documentation runs: the README's "Use it from
Python" section, heel-py/README.md, and the package's docstring examples."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import typing
from pathlib import Path

import pytest

import heel

from shared import REPO, RUNNER


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", markdown, flags=re.S | re.M)


def section(markdown: str, title: str) -> str:
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def run_blocks(blocks: list[str], where: str) -> str:
    assert blocks, f"no python example in {where}"
    out = io.StringIO()
    namespace: dict[str, object] = {"__name__": "__readme__"}
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, where, "exec"), namespace)
    return out.getvalue()


def test_readme_python_section_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = section(readme, "Use it from Python")
    assert "pip install ./heel-py" in text
    blocks = python_blocks(text)
    printed = run_blocks(blocks, "README.md").splitlines()
    # Every `print(...)  # output` comment is a line the example printed.
    promised = [
        m.group(1) for m in re.finditer(r"^\s*print\(.*\)  # (.+)$", "".join(blocks), flags=re.M)
    ]
    assert len(promised) >= 8
    for line in promised:
        assert line in printed, f"the README promises {line!r}; it printed {printed}"
    # What the example prints comes from a real report.
    # The README assesses the same document as the shared RUNNER fixture.
    report = heel.assess(RUNNER)
    assert f"{report.top.name}: {report.top.probability:.0%}" in printed
    for reason in report.triage.reasons:
        assert f"{reason.level}: {reason.text}" in printed
    assert "out_of_range answers.age" in printed


def test_package_readme_runs() -> None:
    readme = (REPO / "heel-py" / "README.md").read_text(encoding="utf-8")
    run_blocks(python_blocks(readme), "heel-py/README.md")


@pytest.mark.parametrize("module", ["heel", "heel._errors", "heel._frame", "heel._interview"])
def test_docstring_examples_run(module: str) -> None:
    import importlib

    result = doctest.testmod(importlib.import_module(module), verbose=False)
    assert result.failed == 0
    if module == "heel":
        assert result.attempted > 0


def test_every_public_name_is_documented() -> None:
    for name in heel.__all__:
        obj = getattr(heel, name)
        if typing.get_origin(obj) is not None:
            continue  # a type alias
        if callable(obj):
            assert (obj.__doc__ or "").strip(), f"heel.{name} has no docstring"
            if isinstance(obj, type):
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and hasattr(member, "__doc__"):
                        assert (member.__doc__ or "").strip(), (
                            f"heel.{name}.{attr} has no docstring"
                        )


def test_the_package_is_marked_typed() -> None:
    assert Path(heel.__file__).with_name("py.typed").is_file()
    assert Path(heel.__file__).with_name("_heel.pyi").is_file()
