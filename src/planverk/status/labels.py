"""The words of status reports in bokmål, nynorsk and English: (nb, nn, en) per key.

A label with a number in it takes the number as ``{count}`` and is a :class:`Plural` in
every language, even where both forms are the same, so that "1 frister" cannot slip in
unseen. Counts of states, levels and statuses are written ``Høy: 2``, the word before its
number, so that no adjective or participle has to agree with the number.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import language_index


@dataclass(frozen=True)
class Plural:
    """A label that counts: ``one`` where CLDR's plural rule of the language says one (1),
    ``other`` for the rest (0, 2, 1,5, ...)."""

    one: str
    other: str

    def form(self, category: str) -> str:
        """The text for a CLDR plural category (``one`` or ``other``)."""
        return self.one if category == "one" else self.other


Label = str | Plural

LABELS: dict[str, tuple[Label, Label, Label]] = {
    # Shared
    "as_of": ("Status per {date}", "Status per {date}", "Status as of {date}"),
    "none": ("ingen", "ingen", "none"),
    "none_in_plan": (
        "Planen har ingen {what}.",
        "Planen har ingen {what}.",
        "The plan has no {what}.",
    ),
    "date": ("Dato", "Dato", "Date"),
    "responsible": ("Ansvarlig", "Ansvarleg", "Responsible"),
    "owner": ("Ansvarlig", "Ansvarleg", "Owner"),
    "status": ("Status", "Status", "Status"),
    "state": ("Status", "Status", "State"),
    "source": ("Kilde", "Kjelde", "Source"),
    "target": ("Mål", "Mål", "Target"),
    "trend": ("Utvikling", "Utvikling", "Trend"),
    "type": ("Type", "Type", "Type"),
    "on-track": ("I rute", "I rute", "On track"),
    "at-risk": ("I faresone", "I faresone", "At risk"),
    "off-track": ("Utenfor kurs", "Utanfor kurs", "Off track"),
    "unknown": ("Ukjent", "Ukjend", "Unknown"),
    # Overview
    "overview": ("Oversikt", "Oversikt", "Overview"),
    "section": ("Del", "Del", "Section"),
    "goals": ("Mål", "Mål", "Goals"),
    "goal_count": (
        Plural("{count} i målhierarkiet", "{count} i målhierarkiet"),
        Plural("{count} i målhierarkiet", "{count} i målhierarkiet"),
        Plural("{count} in the hierarchy", "{count} in the hierarchy"),
    ),
    "choices_made": (
        Plural("{made} av {count} gruppevalg gjort", "{made} av {count} gruppevalg gjort"),
        Plural("{made} av {count} gruppeval gjort", "{made} av {count} gruppeval gjort"),
        Plural("{made} of {count} group choice made", "{made} of {count} group choices made"),
    ),
    "of_max": ("{score} av {max}", "{score} av {max}", "{score} of {max}"),
    "next_deadlines": ("Neste frister", "Neste fristar", "Next deadlines"),
    "days_ago": (
        Plural("{count} dag siden", "{count} dager siden"),
        Plural("{count} dag sidan", "{count} dagar sidan"),
        Plural("{count} day ago", "{count} days ago"),
    ),
    "in_days": (
        Plural("om {count} dag", "om {count} dager"),
        Plural("om {count} dag", "om {count} dagar"),
        Plural("in {count} day", "in {count} days"),
    ),
    "today": ("i dag", "i dag", "today"),
    "tomorrow": ("i morgen", "i morgon", "tomorrow"),
    "yesterday": ("i går", "i går", "yesterday"),
    "top_risks": ("Største risikoer", "Største risikoar", "Largest risks"),
    # Deadlines
    "deadlines": ("Frister", "Fristar", "Deadlines"),
    "overdue": ("Forfalt", "Forfalle", "Overdue"),
    # Annual cycle
    "cycle": ("Årshjul {year}", "Årshjul {year}", "Annual cycle {year}"),
    "cycle_note": (
        "Ordnet etter når aktivitetene forfaller: ved slutten av perioden de står i.",
        "Ordna etter når aktivitetane forfell: ved slutten av perioden dei står i.",
        "In the order the activities become due: at the end of their period.",
    ),
    "activities": ("aktiviteter", "aktivitetar", "activities"),
    "activity": ("Aktivitet", "Aktivitet", "Activity"),
    "month": ("Måned", "Månad", "Month"),
    "rollout": ("Utrulling: {title}", "Utrulling: {title}", "Rollout: {title}"),
    "units": ("Enheter", "Einingar", "Units"),
    "month_by_month": ("Måned for måned", "Månad for månad", "Month by month"),
    "due_day": ("Forfaller", "Forfell", "Due"),
    "period": ("Periode", "Periode", "Period"),
    "past": ("Avsluttet", "Avslutta", "Past"),
    "running": ("Pågår", "Pågår", "Running"),
    "due_within": (
        Plural("Innen {count} dag", "Innen {count} dager"),
        Plural("Innan {count} dag", "Innan {count} dagar"),
        Plural("Due within {count} day", "Due within {count} days"),
    ),
    "done": ("Fullført", "Fullført", "Done"),
    "later": ("Senere", "Seinare", "Later"),
    "later_count": (
        Plural("{count} frist senere, den {date}.", "{count} frister senere, den første {date}."),
        Plural("{count} frist seinare, den {date}.", "{count} fristar seinare, den første {date}."),
        Plural(
            "{count} later deadline, on {date}.", "{count} later deadlines, the first on {date}."
        ),
    ),
    "milestone": ("milepæl", "milepæl", "milestone"),
    "no_one": ("Ingen ansvarlig", "Ingen ansvarleg", "No one responsible"),
    "task": ("Oppgave", "Oppgåve", "Task"),
    "days_late": ("Dager over fristen", "Dagar over fristen", "Days late"),
    "days_left": ("Dager igjen", "Dagar att", "Days left"),
    "done_on": ("Utført", "Utført", "Done on"),
    # KPIs
    "kpis": ("KPI-er", "KPI-ar", "KPIs"),
    "kpi": ("KPI", "KPI", "KPI"),
    "baseline": ("Utgangspunkt", "Utgangspunkt", "Baseline"),
    "latest": ("Siste måling", "Siste måling", "Latest"),
    "by_date": ("innen {date}", "innan {date}", "by {date}"),
    "improving": ("bedre", "betre", "better"),
    "worsening": ("dårligere", "dårlegare", "worse"),
    "unchanged": ("uendret", "uendra", "unchanged"),
    "points": ("prosentpoeng", "prosentpoeng", "points"),
    "reason_no-target": ("mangler mål", "manglar mål", "no target"),
    "reason_no-measurement": ("ingen måling ennå", "inga måling enno", "no measurement yet"),
    "reason_met": ("målet er nådd", "målet er nådd", "target met"),
    "reason_missed": ("fristen er ute, målet ikke nådd", "fristen er ute, målet ikkje nådd", "due date passed, target missed"),
    "reason_on-line": ("på eller foran linja", "på eller framfor linja", "on or ahead of the line"),
    "reason_behind-line": ("bak linja", "bak linja", "behind the line"),
    "reason_no-progress": ("ikke bedre enn utgangspunktet", "ikkje betre enn utgangspunktet", "no better than the baseline"),
    "reason_not-met": ("målet er ikke nådd", "målet er ikkje nådd", "target not met"),
    "kpi_rule": (
        "I rute: målet er nådd, eller siste måling ligger på eller foran en rett linje fra "
        "utgangspunkt til mål. I faresone: bak linja, men bedre enn utgangspunktet. Utenfor kurs: "
        "ikke bedre enn utgangspunktet, eller fristen er ute.",
        "I rute: målet er nådd, eller siste måling ligg på eller framfor ei rett linje frå "
        "utgangspunkt til mål. I faresone: bak linja, men betre enn utgangspunktet. Utanfor kurs: "
        "ikkje betre enn utgangspunktet, eller fristen er ute.",
        "On track: the target is met, or the latest reading is on or ahead of a straight line "
        "from baseline to target. At risk: behind the line but better than the baseline. Off "
        "track: no better than the baseline, or past the due date.",
    ),
    # Measures and savings
    "measures": ("Tiltak", "Tiltak", "Measures"),
    "measure": ("Tiltak", "Tiltak", "Measure"),
    "year": ("År", "År", "Year"),
    "identified": ("Identifisert", "Identifisert", "Identified"),
    "decided": ("Vedtatt", "Vedteke", "Decided"),
    "realised": ("Realisert", "Realisert", "Realised"),
    "gap": ("Gap", "Gap", "Gap"),
    "savings_rule": (
        "Mål: hvor mye lavere netto driftsutgifter skal være det året. Identifisert: anslått "
        "effekt av tiltak som ikke er lagt bort; vedtatt: av vedtatte tiltak. Gap: mål minus identifisert.",
        "Mål: kor mykje lågare netto driftsutgifter skal vere det året. Identifisert: anslått "
        "effekt av tiltak som ikkje er lagde bort; vedteke: av vedtekne tiltak. Gap: mål minus identifisert.",
        "Target: how much lower net operating costs are to be that year. Identified: estimated "
        "effect of measures not dropped; decided: of decided measures. Gap: target minus identified.",
    ),
    "outside_period": (
        "Ikke talt med over, fordi året ligger utenfor målets år ({first}-{last}): {figures}.",
        "Ikkje talt med over, fordi året ligg utanfor åra til målet ({first}-{last}): {figures}.",
        "Not counted above, as the year lies outside the target's years ({first}-{last}): {figures}.",
    ),
    "outside_effect": ("{measure}, anslått {amount} i {year}", "{measure}, anslått {amount} i {year}",
                       "{measure}, estimated {amount} in {year}"),
    "outside_realised": ("{measure}, realisert {amount} i {year}", "{measure}, realisert {amount} i {year}",
                         "{measure}, realised {amount} in {year}"),
    "savings_target": ("Innsparingsmål", "Innsparingsmål", "Savings target"),
    "unallocated": ("Ikke fordelt", "Ikkje fordelt", "Unallocated"),
    "savings_tree_rule": (
        "Et tiltak teller for sitt eget mål og alle mål over det. Ikke fordelt: den delen av "
        "målet ingen delmål har, og tiltak ført direkte på målet. Mål: hvor mye lavere netto "
        "driftsutgifter skal være det året. Identifisert: anslått effekt av tiltak som ikke er "
        "lagt bort; vedtatt: av vedtatte tiltak. Gap: mål minus identifisert.",
        "Eit tiltak tel for sitt eige mål og alle mål over det. Ikkje fordelt: den delen av "
        "målet ingen delmål har, og tiltak førte direkte på målet. Mål: kor mykje lågare netto "
        "driftsutgifter skal vere det året. Identifisert: anslått effekt av tiltak som ikkje er "
        "lagde bort; vedteke: av vedtekne tiltak. Gap: mål minus identifisert.",
        "A measure counts toward its own target and every target above it. Unallocated: the "
        "part of the target no sub-target holds, and measures counted toward the target itself. "
        "Target: how much lower net operating costs are to be that year. Identified: estimated "
        "effect of measures not dropped; decided: of decided measures. Gap: target minus identified.",
    ),
    "quadrant": ("Kvadrant", "Kvadrant", "Quadrant"),
    "effect": ("Effekt", "Effekt", "Effect"),
    "feasibility": ("Gjennomførbarhet", "Gjennomførbarheit", "Feasibility"),
    "estimated_year": ("Anslått {year}", "Anslått {year}", "Estimated {year}"),
    "realised_year": ("Realisert {year}", "Realisert {year}", "Realised {year}"),
    "unrated": ("Ikke vurdert", "Ikkje vurdert", "Not rated"),
    "matrix": ("Effekt × gjennomførbarhet", "Effekt × gjennomførbarheit", "Effect × feasibility"),
    "effect_high": ("Høy effekt", "Høg effekt", "High effect"),
    "effect_low": ("Lav effekt", "Låg effekt", "Low effect"),
    "feasibility_high": ("Lett å gjennomføre", "Lett å gjennomføre", "Easy to carry out"),
    "feasibility_low": ("Vanskelig å gjennomføre", "Vanskeleg å gjennomføre", "Hard to carry out"),
    "quick-win": ("Gjør nå", "Gjer no", "Quick win"),
    "major": ("Krevende, men viktig", "Krevjande, men viktig", "Major project"),
    "fill-in": ("Lett, liten effekt", "Lett, lita effekt", "Fill-in"),
    "reconsider": ("Vurder på nytt", "Vurder på nytt", "Reconsider"),
    "quadrant_rule": (
        "E: effekt, G: gjennomførbarhet, på skala 1-5; over 3 regnes som høy. Gjennomførbarhet er "
        "snittet av (6 - belastning for ansatte), (6 - belastning for brukere) og politisk aksept.",
        "E: effekt, G: gjennomførbarheit, på skala 1-5; over 3 vert rekna som høg. Gjennomførbarheit "
        "er snittet av (6 - belastning for tilsette), (6 - belastning for brukarar) og politisk aksept.",
        "E: effect, F: feasibility, on a 1-5 scale; above 3 counts as high. Feasibility is the mean "
        "of (6 - impact on staff), (6 - impact on users) and political acceptance.",
    ),
    "effect_short": ("E", "E", "E"),
    "feasibility_short": ("G", "G", "F"),
    "measure_proposed": ("Foreslått", "Føreslått", "Proposed"),
    "measure_decided": ("Vedtatt", "Vedteke", "Decided"),
    "measure_in-progress": ("Under arbeid", "Under arbeid", "In progress"),
    "measure_realised": ("Gjennomført", "Gjennomført", "Realised"),
    "measure_dropped": ("Lagt bort", "Lagt bort", "Dropped"),
    # Benefits
    "benefits": ("Gevinster", "Gevinstar", "Benefits"),
    "benefit": ("Gevinst", "Gevinst", "Benefit"),
    "benefit_quality": ("Kvalitet", "Kvalitet", "Quality"),
    "benefit_time": ("Tid", "Tid", "Time"),
    "benefit_money": ("Penger", "Pengar", "Money"),
    "next_step": ("Neste steg", "Neste steg", "Next step"),
    "realisation_plan": ("Gevinstrealiseringsplan", "Gevinstrealiseringsplan", "Realisation plan"),
    "step": ("Steg", "Steg", "Step"),
    "step_done": ("Fullført", "Fullført", "Done"),
    "step_overdue": ("Forfalt", "Forfalle", "Overdue"),
    "step_open": ("Åpen", "Open", "Open"),
    "benefit_rule": (
        "Utenfor kurs når en KPI er det; i faresone når en KPI er i faresone eller et steg har "
        "passert fristen; ellers i rute når en KPI er i rute eller et steg er fullført.",
        "Utanfor kurs når ein KPI er det; i faresone når ein KPI er i faresone eller eit steg har "
        "passert fristen; elles i rute når ein KPI er i rute eller eit steg er fullført.",
        "Off track when a KPI is; at risk when a KPI is at risk or a step is overdue; otherwise "
        "on track when a KPI is on track or a step is done.",
    ),
    # Risks
    "risks": ("Risikoer", "Risikoar", "Risks"),
    "risk": ("Risiko", "Risiko", "Risk"),
    "probability": ("Sannsynlighet", "Sannsyn", "Probability"),
    "consequence": ("Konsekvens", "Konsekvens", "Consequence"),
    "probability_short": ("S", "S", "P"),
    "consequence_short": ("K", "K", "C"),
    "risk_columns": (
        "S: sannsynlighet, K: konsekvens, 1 svært lav til 5 svært høy. Uten K har risikoen ingen score.",
        "S: sannsyn, K: konsekvens, 1 svært låg til 5 svært høg. Utan K har risikoen ingen score.",
        "P: probability, C: consequence, 1 very low to 5 very high. Without C a risk has no score.",
    ),
    "not_rated": ("Ikke vurdert", "Ikkje vurdert", "Not rated"),
    "risk_matrix": ("Risikomatrise", "Risikomatrise", "Risk matrix"),
    "score": ("Score", "Score", "Score"),
    "level": ("Nivå", "Nivå", "Level"),
    "risk_trend": ("Utvikling", "Utvikling", "Trend"),
    "review": ("Ny vurdering", "Ny vurdering", "Review"),
    "high": ("Høy", "Høg", "High"),
    "moderate": ("Moderat", "Moderat", "Moderate"),
    "low": ("Lav", "Låg", "Low"),
    "unscored": ("Uten score", "Utan score", "Without a score"),
    "rating_1": ("svært lav", "svært låg", "very low"),
    "rating_2": ("lav", "låg", "low"),
    "rating_3": ("moderat", "moderat", "moderate"),
    "rating_4": ("høy", "høg", "high"),
    "rating_5": ("svært høy", "svært høg", "very high"),
    "risk_growing": ("Økende", "Aukande", "Growing"),
    "risk_shrinking": ("Avtagende", "Minkande", "Shrinking"),
    "risk_steady": ("Uendret", "Uendra", "Steady"),
    "risk_status_open": ("Åpen", "Open", "Open"),
    "risk_status_mitigated": ("Redusert", "Redusert", "Mitigated"),
    "risk_status_closed": ("Lukket", "Lukka", "Closed"),
    "risk_rule": (
        "Score = sannsynlighet × konsekvens (1-25). Lav: til og med 4, moderat: 5-9, høy: 10 og over.",
        "Score = sannsyn × konsekvens (1-25). Låg: til og med 4, moderat: 5-9, høg: 10 og over.",
        "Score = probability × consequence (1-25). Low: up to 4, moderate: 5-9, high: 10 and above.",
    ),
    # Scorecards
    "scorecards": ("Målekort", "Målekort", "Scorecards"),
    "area": ("Område", "Område", "Area"),
    "max": ("Maks", "Maks", "Max"),
    "change": ("Endring", "Endring", "Change"),
    "total": ("Totalt", "Totalt", "Total"),
    "no_assessments": ("ingen vurderinger ennå", "ingen vurderingar enno", "no assessments yet"),
    "unscored_questions": (
        "Spørsmål uten score",
        "Spørsmål utan score",
        "Questions without a score",
    ),
    "score_rule": (
        "I parentes: avstand til maks, der alt er vurdert.",
        "I parentes: avstand til maks, der alt er vurdert.",
        "In brackets: the gap to the maximum, where everything is assessed.",
    ),
    "assessed": (
        Plural("{count} av {of} spørsmål vurdert", "{count} av {of} spørsmål vurdert"),
        Plural("{count} av {of} spørsmål vurdert", "{count} av {of} spørsmål vurderte"),
        Plural("{count} of {of} questions assessed", "{count} of {of} questions assessed"),
    ),
    "assessed_short": (
        Plural("{count} av {of} vurdert", "{count} av {of} vurdert"),
        Plural("{count} av {of} vurdert", "{count} av {of} vurderte"),
        Plural("{count} of {of} assessed", "{count} of {of} assessed"),
    ),
    "of_max_assessed": (
        "{score} av {max} ({assessed})",
        "{score} av {max} ({assessed})",
        "{score} of {max} ({assessed})",
    ),
    "as_a_whole": ("som helhet", "som heilskap", "as a whole"),
    "score_missing": ("mangler", "manglar", "missing"),
    "common_total": ("Sum på felles spørsmål", "Sum på felles spørsmål", "Total on common questions"),
    "common_rule": (
        Plural(
            "Sum på felles spørsmål: bare det {count} av {of} spørsmål som er vurdert i alle kolonnene, så de kan sammenlignes.",
            "Sum på felles spørsmål: bare de {count} av {of} spørsmålene som er vurdert i alle kolonnene, så de kan sammenlignes.",
        ),
        Plural(
            "Sum på felles spørsmål: berre det {count} av {of} spørsmål som er vurdert i alle kolonnane, så dei kan samanliknast.",
            "Sum på felles spørsmål: berre dei {count} av {of} spørsmåla som er vurderte i alle kolonnane, så dei kan samanliknast.",
        ),
        Plural(
            "Total on common questions: only the {count} of {of} questions assessed in every column, so that they compare.",
            "Total on common questions: only the {count} of {of} questions assessed in every column, so that they compare.",
        ),
    ),
    "change_rule": (
        Plural(
            "{change} for {organisation} regner bare med det {count} av {of} spørsmål som er vurdert begge år.",
            "{change} for {organisation} regner bare med de {count} av {of} spørsmålene som er vurdert begge år.",
        ),
        Plural(
            "{change} for {organisation} reknar berre med det {count} av {of} spørsmål som er vurdert begge år.",
            "{change} for {organisation} reknar berre med dei {count} av {of} spørsmåla som er vurderte begge år.",
        ),
        Plural(
            "{change} for {organisation} counts only the {count} of {of} questions assessed in both years.",
            "{change} for {organisation} counts only the {count} of {of} questions assessed in both years.",
        ),
    ),
    "approximate_rule": (
        "ca.: minst én score i summen er anslått.",
        "ca.: minst éin score i summen er anslått.",
        "approx.: at least one score in the sum is an estimate.",
    ),
    "question": ("Spørsmål", "Spørsmål", "Question"),
    "by_question": (
        "{title}: spørsmål for spørsmål",
        "{title}: spørsmål for spørsmål",
        "{title}: question by question",
    ),
    "area_goals": ("Mål: {goals}", "Mål: {goals}", "Goals: {goals}"),
    "max_not_stated": ("ikke oppgitt", "ikkje oppgitt", "not stated"),
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


def label(key: str, language: str) -> Label:
    """The label ``key`` in ``language`` (nb, nn or en; bokmål for anything else)."""
    return LABELS[key][language_index(language)]



@dataclass(frozen=True)
class Word:
    """A label for a message (:func:`planverk.i18n.tr`), rendered in the message's language:
    ``Word("measure_decided")`` is *vedtatt*, *vedteke* or *decided*; lower case in a
    sentence unless ``capital``. A key without a label is shown as it is."""

    key: str
    capital: bool = False

    def render(self, language: str) -> str:
        """The word in ``language``."""
        if self.key not in LABELS:
            return self.key
        text = str(label(self.key, language))
        return text if self.capital else text[:1].lower() + text[1:]
