"""How a ``Report`` shows in Jupyter (``Report._repr_html_``).

Presentation only: every figure, level, reason and step comes from the report
as heel-core made it. All text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._heel import Report

#: How many conditions the chart shows; the others are counted below it.
SHOWN = 10

# Banner colours by triage level (background, text); unknown levels are grey.
_LEVEL_COLOURS = {
    "emergency": ("#fde2e1", "#8a1111"),
    "urgent": ("#fde9d7", "#8a3b00"),
    "see_doctor": ("#fdf3c9", "#6b4e00"),
    "self_care": ("#ddf3e4", "#14532d"),
}
_GREY = ("#eceff1", "#263238")


def _level_label(level: str) -> str:
    # The catalog holds the display name of every level.
    from ._heel import catalog

    for entry in catalog().triage_levels:
        if entry.id == level:
            return entry.label
    return level


def _percent(p: float) -> str:
    if p < 0.001:
        return "&lt;0.1%"
    return f"{p * 100:.1f}%"


def _chart(report: Report) -> str:
    conditions = report.conditions
    rows = []
    for c in conditions[:SHOWN]:
        width = max(0.0, min(100.0, c.probability * 100))
        name = escape(c.name)
        if c.likely:
            name = f"<strong>{name}</strong>"
        rows.append(
            "<tr>"
            f'<td style="text-align:left;padding:2px 8px 2px 0;white-space:nowrap" '
            f'title="{escape(c.id)} ({escape(c.icd10cm)})">{name}</td>'
            '<td style="width:100%;min-width:120px;padding:2px 0">'
            '<div style="background:#e8eaed;border-radius:3px;height:14px">'
            f'<div style="background:#3b6fb6;border-radius:3px;height:14px;width:{width:.2f}%">'
            "</div></div></td>"
            f'<td style="text-align:right;padding:2px 0 2px 8px;white-space:nowrap">'
            f"{_percent(c.probability)}</td>"
            "</tr>"
        )
    hidden = conditions[SHOWN:]
    if hidden:
        highest = max(c.probability for c in hidden)
        rows.append(
            '<tr><td colspan="3" style="text-align:left;color:#5f6368;padding-top:4px">'
            f"{len(hidden)} more conditions, each at most {_percent(highest)}</td></tr>"
        )
    return (
        '<table style="border-collapse:collapse;width:100%;margin:8px 0;font-size:inherit">'
        + "".join(rows)
        + "</table>"
    )


def _banner(report: Report) -> str:
    triage = report.triage
    background, colour = _LEVEL_COLOURS.get(triage.level, _GREY)
    reasons = "".join(
        "<li>" + ("<strong>Red flag:</strong> " if r.red_flag else "") + escape(r.text) + "</li>"
        for r in triage.reasons
    )
    return (
        f'<div style="background:{background};color:{colour};border-radius:6px;'
        'padding:8px 12px;margin:8px 0">'
        f"<div><strong>Triage: {escape(_level_label(triage.level))}</strong>. "
        f"{escape(triage.action)}</div>"
        f'<ul style="margin:4px 0 0 0;padding-left:20px">{reasons}</ul>'
        "</div>"
    )


def _care_plan(report: Report) -> str:
    plan = report.care_plan
    steps = "".join(
        f"<li><strong>{escape(s.title)}</strong>: {escape(s.text)}</li>" for s in plan.steps
    )
    return (
        '<details open style="margin:8px 0"><summary><strong>Care plan</strong> '
        f"({len(plan.steps)} steps)</summary>"
        f'<p style="margin:4px 0">{escape(plan.summary)}</p>'
        f'<ol style="margin:4px 0;padding-left:20px">{steps}</ol>'
        "</details>"
    )


def report_html(report: Report) -> str:
    """The report as HTML: the ranked conditions as horizontal bars, the
    triage banner with its reasons, the care plan and the notice."""
    grey = "color:#5f6368"
    remarks = "".join(f'<p style="margin:2px 0;{grey}">{escape(r)}</p>' for r in report.remarks)
    setting = escape(report.setting.replace("_", " ").capitalize())
    notice = (
        f'<p style="margin:8px 0 0 0;font-size:12px;{grey}"><em>{escape(report.notice)}</em></p>'
    )
    return (
        '<div class="heel-report" style="font-family:system-ui,sans-serif;'
        'font-size:13px;line-height:1.4;max-width:760px">'
        + _banner(report)
        + f'<div style="{grey}">Setting: {setting}; {report.answered} answers</div>'
        + _chart(report)
        + _care_plan(report)
        + remarks
        + notice
        + "</div>"
    )
