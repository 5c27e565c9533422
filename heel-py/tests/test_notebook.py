"""The tour notebook (examples/python/tour.ipynb) runs from top to bottom
against the installed package and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from shared import REPO

NOTEBOOK = REPO / "examples" / "python" / "tour.ipynb"


def test_tour_runs(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Stored without outputs, so that the repository holds only what was written.
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
    client = NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out.data["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert sum("heel-report" in page for page in html) == 2  # the report and the interview's
    assert any("top_condition" in page for page in html)  # the results table
    assert any("image/png" in out.get("data", {}) for out in outputs)  # the plot
    text = "".join(out.get("text", "") for out in outputs)
    assert "Stopped after" in text and "code:       unknown_id" in text
    assert "sum of probabilities: 1.000000" in text
    assert "With only an age: see_doctor" in text
    assert "There is not enough information to advise self-care" in text
