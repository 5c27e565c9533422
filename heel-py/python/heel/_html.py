"""How a ``Report`` shows in Jupyter (``Report._repr_html_``).

Presentation only: every figure, level, reason and step comes from the report
as heel-core made it. All text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._heel import ConditionResult, Report

#: How many causes the chart shows; the others are summed below it, except
#: "Something else" (``other``), which is always shown.
SHOWN = 10

#: The id of the remainder cause, "Something else".
OTHER = "other"

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

    for entry in catalog()["triage_levels"]:
        if entry["id"] == level:
            return entry["label"]
    return level


def _question(item: str) -> str:
    # The catalog holds the question of every item; an id it does not know
    # is shown as it is.
    from ._heel import catalog

    for entry in catalog()["items"]:
        if entry["id"] == item:
            return entry["question"]
    return item


def _percent(p: float) -> str:
    if p < 0.001:
        return "&lt;0.1%"
    return f"{p * 100:.1f}%"


def _bar(c: ConditionResult) -> str:
    width = max(0.0, min(100.0, c.probability * 100))
    name = escape(c.name)
    if c.likely:
        name = f"<strong>{name}</strong>"
    # "Something else" is not a diagnosis: a grey bar, in italics.
    other = c.id == OTHER
    colour = "#9aa0a6" if other else "#3b6fb6"
    if other:
        name = f"<em>{name}</em>"
    return (
        f'<tr data-cause="{escape(c.id)}">'
        f'<td style="text-align:left;padding:2px 8px 2px 0;white-space:nowrap" '
        f'title="{escape(c.id)} ({escape(c.icd10cm)})">{name}</td>'
        '<td style="width:100%;min-width:120px;padding:2px 0">'
        '<div style="background:#e8eaed;border-radius:3px;height:14px">'
        f'<div style="background:{colour};border-radius:3px;height:14px;width:{width:.2f}%">'
        "</div></div></td>"
        f'<td style="text-align:right;padding:2px 0 2px 8px;white-space:nowrap">'
        f"{_percent(c.probability)}</td>"
        "</tr>"
    )


def _chart(report: Report) -> str:
    causes = report.conditions
    shown = causes[:SHOWN]
    hidden = [c for c in causes[SHOWN:] if c.id != OTHER]
    rows = [_bar(c) for c in shown]
    if hidden:
        together = sum(c.probability for c in hidden)
        rows.append(
            '<tr><td colspan="3" style="text-align:left;color:#5f6368;padding:2px 0">'
            f"{len(hidden)} more conditions, together {_percent(together)}</td></tr>"
        )
    rows += [_bar(c) for c in causes[SHOWN:] if c.id == OTHER]
    return (
        '<table style="border-collapse:collapse;width:100%;margin:8px 0;font-size:inherit">'
        '<caption style="text-align:left;color:#5f6368;padding-bottom:2px">'
        "How likely each cause is to be the main one (together 100%)</caption>"
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
        f"<div><strong>Triage: {escape(_level_label(triage.level))}</strong> "
        f"({escape(triage.time_frame)}). {escape(triage.action)}</div>"
        f'<div style="margin-top:4px">{escape(triage.who_to_see_text)}</div>'
        f'<ul style="margin:4px 0 0 0;padding-left:20px">{reasons}</ul>'
        "</div>"
    )


def _missing(report: Report) -> str:
    if not report.missing:
        return ""
    items = "".join(f"<li>{escape(_question(item))}</li>" for item in report.missing)
    return (
        '<div style="margin:8px 0"><strong>Still needed before heel could advise '
        "self-care:</strong>"
        f'<ul style="margin:4px 0 0 0;padding-left:20px">{items}</ul></div>'
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
    """The report as HTML: the triage banner (level, time frame, who to see
    and the reasons), what heel still needs to know, the distribution over
    the causes as horizontal bars ("Something else" always among them), the
    care plan and the notice."""
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
        + _missing(report)
        + f'<div style="{grey}">Setting: {setting}; {report.answered} answers</div>'
        + _chart(report)
        + _care_plan(report)
        + remarks
        + notice
        + "</div>"
    )
