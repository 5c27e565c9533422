"""Runs the README's Python example against the installed wheel.

scripts/test-dist runs this with a fresh virtual environment's Python, into
which only the wheel from dist/ was installed, and with no Rust toolchain on
PATH: what a user who runs `pip install heel` gets. Every `print(...)  # out`
comment in the example must be a line it printed.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from pathlib import Path

import heel

readme = Path(sys.argv[1]).read_text(encoding="utf-8")
start = readme.index("\n## Use it from Python\n")
end = readme.find("\n## ", start + 1)
blocks = re.findall(r"^```python\n(.*?)^```$", readme[start:end], flags=re.S | re.M)
assert blocks, "no python block in the README's Python section"

assert shutil.which("cargo") is None and shutil.which("rustc") is None, "a Rust toolchain is on PATH"
location = Path(heel.__file__).resolve()
assert "site-packages" in location.parts, f"heel was imported from {location}, not the installed wheel"

out = io.StringIO()
# The blocks are one example in parts: later ones use what earlier ones made.
namespace: dict[str, object] = {"__name__": "__readme__"}
with contextlib.redirect_stdout(out):
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
printed = out.getvalue().splitlines()
promised = [m.group(1) for m in re.finditer(r"^\s*print\(.*\)  # (.+)$", "".join(blocks), re.M)]
assert len(promised) >= 5, promised
missing = [line for line in promised if line not in printed]
assert not missing, f"the README promises {missing}; the wheel printed {printed}"
print(f"ok  heel {heel.__version__} from {location.parent}")
print(f"ok  the README's Python example printed the {len(promised)} promised lines")
