"""The words of the reporting and red-thread sections, (nb, nn, en) per key; merged into
:data:`planverk.status.labels.LABELS`."""

from __future__ import annotations

from .labels import Label, Plural

REPORTING_LABELS: dict[str, tuple[Label, Label, Label]] = {
    # Reporting
    "reporting": ("Rapportering", "Rapportering", "Reporting"),
    "reporting_due": (
        "Forfalt eller snart til rapportering",
        "Forfalle eller snart til rapportering",
        "Overdue or due soon",
    ),
    "reporting_periods": ("Rapportert per periode", "Rapportert per periode", "Reported per period"),
    "reported_what": ("Hva", "Kva", "What"),
    "rhythm": ("Rytme", "Rytme", "Rhythm"),
    "period": ("Periode", "Periode", "Period"),
    "due_date": ("Frist", "Frist", "Due"),
    "kind_reports": ("rapport", "rapport", "report"),
    "kind_kpis": ("KPI", "KPI", "KPI"),
    "kind_measures": ("tiltak", "tiltak", "measure"),
    "kind_benefits": ("gevinst", "gevinst", "benefit"),
    "kind_goals": ("mål", "mål", "goal"),
    "code": ("Kode", "Kode", "Code"),
    "period_overdue": (
        Plural("Forfalt for {count} dag siden", "Forfalt for {count} dager siden"),
        Plural("Forfalle for {count} dag sidan", "Forfalle for {count} dagar sidan"),
        Plural("Overdue by {count} day", "Overdue by {count} days"),
    ),
    "period_due": (
        Plural("Frist om {count} dag", "Frist om {count} dager"),
        Plural("Frist om {count} dag", "Frist om {count} dagar"),
        Plural("Due in {count} day", "Due in {count} days"),
    ),
    "period_state_reported": ("Rapportert", "Rapportert", "Reported"),
    "period_state_overdue": ("Forfalt", "Forfalle", "Overdue"),
    "period_state_due": ("Frist snart", "Frist snart", "Due soon"),
    "period_state_open": ("Pågår", "Går føre seg", "Running"),
    "period_state_upcoming": ("Ikke begynt", "Ikkje byrja", "Not started"),
    "rhythm_month": ("Månedlig", "Månadleg", "Monthly"),
    "rhythm_quarter": ("Kvartalsvis", "Kvartalsvis", "Quarterly"),
    "rhythm_tertial": ("Per tertial", "Kvart tertial", "Per tertial"),
    "rhythm_half-year": ("Halvårlig", "Halvårleg", "Half-yearly"),
    "rhythm_year": ("Årlig", "Årleg", "Yearly"),
    "period_due_today": ("Frist i dag", "Frist i dag", "Due today"),
    "nothing_due": (
        "Ingen rapportering er forfalt eller har frist de neste {days} dagene.",
        "Ingen rapportering er forfalle eller har frist dei neste {days} dagane.",
        "No reporting is overdue or due in the next {days} days.",
    ),
    "no_reporting": (
        "Planen har ingen rapporteringsrytmer (reporting:).",
        "Planen har ingen rapporteringsrytmar (reporting:).",
        "The plan has no reporting rhythms (reporting:).",
    ),
    "reporting_counts": ("Rapportert: {reported} · Forfalt: {overdue} · Frist snart: {due}",
                         "Rapportert: {reported} · Forfalle: {overdue} · Frist snart: {due}",
                         "Reported: {reported} · Overdue: {overdue} · Due soon: {due}"),
    "reporting_rule": (
        "✓ rapportert (en måling datert i perioden, eller levert), ✗ ikke rapportert og fristen er ute, "
        "! frist snart, … perioden pågår, · ikke begynt.",
        "✓ rapportert (ei måling datert i perioden, eller levert), ✗ ikkje rapportert og fristen er ute, "
        "! frist snart, … perioden går føre seg, · ikkje byrja.",
        "✓ reported (a measurement dated in the period, or delivered), ✗ not reported and past due, "
        "! due soon, … period running, · not started.",
    ),
    # The red thread
    "thread": ("Den røde tråden", "Den raude tråden", "The red thread"),
    "thread_chains": ("Fra mål til rapport", "Frå mål til rapport", "From goals to reports"),
    "thread_breaks": ("Brudd i tråden", "Brot i tråden", "Breaks in the thread"),
    "goal": ("Mål", "Mål", "Goal"),
    "benefits_reports": ("Gevinster og rapporter", "Gevinstar og rapportar", "Benefits and reports"),
    "break": ("Brudd", "Brot", "Break"),
    "break_goal-without-measure": (
        "ingen tiltak eller KPI tjener målet",
        "inkje tiltak eller KPI tener målet",
        "no measure or KPI serves the goal",
    ),
    "break_measure-without-goal": ("tiltaket tjener ikke noe mål", "tiltaket tener ikkje noko mål",
                                   "the measure serves no goal"),
    "break_kpi-without-goal": ("KPI-en måler ikke noe mål", "KPI-en måler ikkje noko mål",
                               "the KPI measures no goal"),
    "break_benefit-without-measure": (
        "ingen tiltak eller KPI knyttet til gevinsten",
        "inkje tiltak eller KPI knytt til gevinsten",
        "no measure or KPI linked to the benefit",
    ),
    "break_kpi-without-reporting": ("KPI-en har ingen rapporteringsrytme", "KPI-en har ingen rapporteringsrytme",
                                    "the KPI has no reporting rhythm"),
    "silenced": ("dempet: {reason}", "dempa: {reason}", "silenced: {reason}"),
    "no_goals": ("Planen har ingen mål.", "Planen har ingen mål.", "The plan has no goals."),
    "no_breaks": ("Tråden er hel: ingen brudd.", "Tråden er heil: ingen brot.", "The thread is whole: no breaks."),
    "thread_not_kept": (
        "Ingen tiltak eller KPI-er er knyttet til målene, så tråden fra mål til tiltak følges ikke.",
        "Ingen tiltak eller KPI-ar er knytte til måla, så tråden frå mål til tiltak blir ikkje følgd.",
        "No measure or KPI is linked to the goals, so the thread from goals to measures is not followed.",
    ),
    "thread_rule": (
        "Hvert mål med tiltakene og KPI-ene som tjener det, gevinstene de gir og rapportene som dekker dem. "
        "Et tema tjenes gjennom målene under det.",
        "Kvart mål med tiltaka og KPI-ane som tener det, gevinstane dei gir og rapportane som dekkjer dei. "
        "Eit tema blir tent gjennom måla under det.",
        "Each goal with the measures and KPIs that serve it, the benefits they bring and the reports that "
        "cover them. A theme is served through the goals under it.",
    ),
}
