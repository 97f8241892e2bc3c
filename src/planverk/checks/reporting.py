"""The red thread's breaks (PV640-PV644), and reporting that is overdue or has no period."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import plural, tr
from ..reporting.schedule import duties, period_statuses, periods
from ..reporting.thread import BREAK_CODES, red_thread
from ..reporting.words import PeriodName
from .context import Issue, PlanIndex

_MESSAGES = {
    "goal-without-measure": lambda name: tr(
        "no measure or KPI serves the goal '{name}': name it in a measure's or KPI's 'goals', "
        "or silence this with the reason", name=name),
    "measure-without-goal": lambda name: tr(
        "the measure '{name}' serves no goal: give it 'goals', so the red thread runs from a "
        "goal through it", name=name),
    "kpi-without-goal": lambda name: tr(
        "the KPI '{name}' measures no goal: give it 'goals', or name it in the 'kpis' of a "
        "measure that serves one", name=name),
    "benefit-without-measure": lambda name: tr(
        "no measure brings the benefit '{name}' and no KPI shows it: give it 'measures' or 'kpis'",
        name=name),
    "kpi-without-reporting": lambda name: tr(
        "the KPI '{name}' has no reporting rhythm: add 'reporting: {{every: tertial, due: 1 "
        "month}}' (or the rhythm it has), or name it in the 'covers' of a report", name=name),
}


def check_thread(index: PlanIndex) -> Iterator[Issue]:
    """PV640-PV644: the red thread from goals through measures and KPIs to benefits and reports."""
    for found in red_thread(index.plan).breaks:
        item = (found.list, found.position)
        yield Issue(BREAK_CODES[found.kind], _MESSAGES[found.kind](found.name), (*item, "id"), item)


def check_reporting(index: PlanIndex) -> Iterator[Issue]:
    """PV645 reporting overdue as of ``--as-of``; PV646 a rhythm with no period in its span."""
    plan = index.plan
    for duty in duties(plan):
        item = (duty.kind, duty.position)
        where = (*item, "reporting")
        if not periods(duty.reporting, plan.plan.period.start, plan.plan.period.end):
            yield Issue(
                "PV646",
                tr("no reporting period of '{name}' ends between {start} and {end}: check 'from' and "
                   "'until', or the plan's period", name=duty.name,
                   start=duty.reporting.from_ or plan.plan.period.start,
                   end=duty.reporting.until or plan.plan.period.end),
                where,
                item,
            )
            continue
        if index.as_of is None:
            continue
        late = [s for s in period_statuses(plan, duty, index.as_of) if s.state == "overdue"]
        if late:
            first = late[0]
            message = tr(
                "'{name}' is not reported for {period}, due {due}: record the measurement or "
                "the delivery ('delivered'), or silence this with the reason",
                name=duty.name, period=PeriodName(first.period), due=first.period.due,
            ) if len(late) == 1 else plural(
                "'{name}' is not reported for {count} period, the first {period}, due {due}: "
                "record the measurements or deliveries ('delivered'), or silence this with the reason",
                "'{name}' is not reported for {count} periods, the first {period}, due {due}: "
                "record the measurements or deliveries ('delivered'), or silence this with the reason",
                len(late), name=duty.name, period=PeriodName(first.period), due=first.period.due,
            )
            yield Issue("PV645", message, where, item)
