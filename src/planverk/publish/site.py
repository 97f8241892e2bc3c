"""``planverk site``: one static site for one or many plans, for an intranet, a SharePoint
library or Pages.

The site is a folder::

    index.html                 the plans, with links to each
    style.css                  the one stylesheet
    PLAN/index.html            overview: status as of the build date, what comes next,
                               pictures, the documents and calendars
    PLAN/schedule.html         every built-in (and the plan's own) document as a page...
    PLAN/workbook-GROUP.html   ...and the workbook of each group
    PLAN/docx/NAME.docx        ...each also as Word, to download and print
    PLAN/calendars.html        the feeds, with subscribe and copy-address buttons
    PLAN/PLAN.ics, PLAN/groups/ID.ics, PLAN/people/ID.ics   the feeds (as ``planverk ical``)

Pages need no JavaScript to read and nothing from another server; a few lines of
JavaScript on the calendars page copy an address, and work it out from the page's own
location when no ``--base-url`` is given, so a copied site still gives the right
addresses. The same plans, date and ``SOURCE_DATE_EPOCH`` give the same bytes; the
folder is replaced as a whole once everything is written.
"""

from __future__ import annotations

import html
import os
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import __version__, formatting
from ..errors import UsageError
from ..i18n import tr
from ..files import replace_folder
from ..model import Plan
from ..render import Document, checked_render, render_documents
from ..render.filters import cell, when
from ..validate import Validation
from .figures import Picture, document_pictures
from .html import inline_svg, markdown_body, page, stylesheet
from .words import WORDS

MARKER = ".planverk-site"
"""A file in the site's folder that says planverk wrote it (and may replace it)."""

NEXT_MAX = 10
"""How many of the coming meetings and deadlines the overview lists."""

e = html.escape
_CURRENT = ' aria-current="page"'


@dataclass
class SitePlan:
    """A plan checked and ready to publish."""

    slug: str
    plan: Plan
    validation: Validation
    documents: list[Document] = field(default_factory=list)


@dataclass
class Site:
    """What a site build wrote: the plans (by slug) and the number of files."""

    plans: list[str]
    files: int


def _slug(plan: Plan) -> str:
    return plan.plan.id


def load_plans(targets: Sequence[Path], as_of: date, language: str | None = None) -> list[SitePlan]:
    """Validate each plan and render its documents (each built-in or plan template, and the
    workbook of each group), in ``language`` when given (``--lang``), else each plan's own.
    Raises :class:`InvalidPlanError` for a plan with errors and :class:`UsageError` when
    two plans have the same id."""
    loaded: list[SitePlan] = []
    for target in targets:
        validation, folders, names = checked_render(target, (), refusal=tr("no site was built"), language=language)
        plan = validation.plan
        assert plan is not None
        site_plan = SitePlan(_slug(plan), plan, validation)
        if any(other.slug == site_plan.slug for other in loaded):
            raise UsageError(tr("two plans have the id '{id}': give each plan once", id=site_plan.slug))
        site_plan.documents = render_documents(plan, folders, names, as_of=as_of, mermaid=False)
        if "workbook" in names:
            for group in plan.groups:
                site_plan.documents += render_documents(
                    plan, folders, ["workbook"], as_of=as_of, group=group.id, mermaid=False
                )
        loaded.append(site_plan)
    return loaded


# --- Page parts ----------------------------------------------------------------------------


def _header(words: dict[str, str], root: str, site_plan: SitePlan | None, current: str) -> str:
    parts = [f'<a class="skip" href="#main">{e(words["skip"])}</a>', '<header class="site-header"><div>']
    if site_plan is None:
        parts.append(f'<p class="plan">{e(words["plans"])}</p>')
    else:
        info = site_plan.plan.plan
        parts.append(f'<p class="plan"><a href="index.html">{e(info.title)}</a></p>')
        links = [("index.html", words["overview"])]
        names = {d.filename for d in site_plan.documents}
        labels = _document_names(site_plan)
        for name in ("schedule.md", "workbook.md", "status-report.md"):
            if name in names:
                links.append((name.removesuffix(".md") + ".html", labels[name]))
        links += [("calendars.html", words["calendars"]), (f"{root}index.html", words["all_plans"])]
        items = "".join(
            f'<li><a href="{e(href)}"{_CURRENT if href == current else ""}>{e(text)}</a></li>'
            for href, text in links
        )
        parts.append(f'<nav aria-label="{e(info.title)}"><ul>{items}</ul></nav>')
    parts.append("</div></header>\n")
    return "".join(parts)


def _footer(words: dict[str, str], as_of: date, language: str) -> str:
    built = formatting.fmt_date(as_of, "long", language=language)
    return (
        f'<footer class="site-footer"><p>{e(words["status_as_of"])} {e(built)}. '
        f"planverk {e(__version__)}.</p></footer>\n"
    )


def _site_page(
    title: str, body: str, *, language: str, as_of: date, site_plan: SitePlan | None, current: str, script: str = ""
) -> str:
    words = WORDS[language]
    root = "" if site_plan is None else "../"
    head = _header(words, root, site_plan, current)
    text = page(title, body, language=language, stylesheet_href=f"{root}style.css", head=head)
    tail = _footer(words, as_of, language) + (f"<script>\n{script}</script>\n" if script else "")
    return text.replace("</main>\n</body>", "</main>\n" + tail + "</body>", 1)


def _document_names(site_plan: SitePlan) -> dict[str, str]:
    """Each document's file name (``workbook-kultur.md``) to its title in the plan's language."""
    from ..render.labels import LABELS

    labels = LABELS[site_plan.plan.plan.language]
    groups = {g.id: g.name for g in site_plan.plan.groups}
    base = {"schedule": labels["schedule"], "workbook": labels["workbook"], "status-report": labels["status_report"]}
    names = {}
    for document in site_plan.documents:
        name = base.get(document.template, document.template)
        if document.group:
            name = f"{name}: {groups.get(document.group, document.group)}"
        names[document.filename] = name
    return names


# --- Pages ---------------------------------------------------------------------------------


def _next_up(site_plan: SitePlan, as_of: date) -> str:
    """Markdown: a table of the next NEXT_MAX meetings and deadlines from ``as_of`` on."""
    from ..render.context import build_context
    from ..render.labels import LABELS

    language = site_plan.plan.plan.language
    labels = LABELS[language]
    words = WORDS[language]
    context = build_context(site_plan.plan, labels, as_of=as_of)
    rows: list[tuple[date, str, str]] = []
    for o in context.occurrences:
        if o.day >= as_of and not o.cancelled:
            what = o.event.title + (f" ({o.place})" if o.place else "")
            at = when(o, language=language) + (f" ({labels['tentative']})" if o.tentative else "")
            rows.append((o.day, at, what))
    for d in [*context.deadlines, *context.milestones]:
        if d.date >= as_of and not d.done:
            rows.append((d.date, when(d, language=language), f"{d.task} ({labels['deadline'].lower()})"))
    rows.sort(key=lambda row: row[0])
    if not rows:
        return words["nothing_next"] + "\n"
    lines = [f"| {words['when']} | {words['what']} |", "| --- | --- |"]
    lines += [f"| {cell(formatting.upper_first(w))} | {cell(t)} |" for _, w, t in rows[:NEXT_MAX]]
    return "\n".join(lines) + "\n"


def _status_markdown(site_plan: SitePlan, as_of: date) -> str:
    """The status overview as ``planverk status`` prints it, headings two levels down."""
    from ..status import render_status

    text = render_status(site_plan.plan, "overview", as_of, fmt="markdown")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines))
    return "\n".join("#" + line if line.startswith("#") else line for line in lines[start:])


def overview_page(site_plan: SitePlan, as_of: date, pictures: Sequence[Picture]) -> str:
    """PLAN/index.html."""
    info = site_plan.plan.plan
    language = info.language
    words = WORDS[language]
    period = formatting.fmt_date_range(info.period.start, info.period.end, language=language)
    shown_date = formatting.fmt_date(as_of, "long", language=language)
    names = _document_names(site_plan)
    parts = [
        f"<h1>{e(info.title)}</h1>",
        f"<p>{e(info.organisation)}. {e(words['period'])}: {e(period)}.</p>",
        f"<h2>{e(words['next'])}</h2>",
        markdown_body(_next_up(site_plan, as_of))[1],
        f"<h2>{e(words['status_as_of'])} {e(shown_date)}</h2>",
        markdown_body(_status_markdown(site_plan, as_of))[1],
    ]
    if pictures:
        parts.append(f"<h2>{e(words['pictures'])}</h2>")
        parts += [inline_svg(p) for p in pictures]
    rows = "".join(
        f'<tr><td>{e(names[d.filename])}</td><td><a href="{e(_html_name(d))}">{e(words["read"])}'
        f'<span class="muted"> (HTML)</span></a></td>'
        f'<td><a href="docx/{e(_docx_name(d))}" download>{e(words["download"])}'
        f'<span class="muted"> (Word)</span></a></td></tr>'
        for d in site_plan.documents
    )
    parts += [
        f"<h2>{e(words['documents'])}</h2>",
        f'<div class="table"><table><thead><tr><th scope="col">{e(words["document"])}</th>'
        f'<th scope="col">{e(words["read"])}</th><th scope="col">{e(words["download"])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>",
        f"<h2>{e(words['calendars'])}</h2>",
        f'<p>{e(words["calendars_intro"])}</p><p><a href="calendars.html">{e(words["calendars"])}</a></p>',
    ]
    return _site_page(
        info.title, "\n".join(parts) + "\n", language=language, as_of=as_of, site_plan=site_plan, current="index.html"
    )


def _html_name(document: Document) -> str:
    return document.filename.removesuffix(".md") + ".html"


def _docx_name(document: Document) -> str:
    return document.filename.removesuffix(".md") + ".docx"


def document_page(site_plan: SitePlan, document: Document, as_of: date, pictures: Sequence[Picture]) -> str:
    """PLAN/NAME.html: a rendered document, with a link to its Word version."""
    language = document.language
    words = WORDS[language]
    title, body = markdown_body(document.text, pictures)
    download = (
        f'<p class="muted"><a href="docx/{e(_docx_name(document))}" download>{e(words["download"])} '
        f"({e(words['word'])})</a></p>\n"
    )
    return _site_page(
        title or document.template,
        download + body,
        language=language,
        as_of=as_of,
        site_plan=site_plan,
        current=_html_name(document),
    )


COPY_SCRIPT = """(function () {
  var base = document.documentElement.getAttribute('data-base');
  document.querySelectorAll('[data-feed]').forEach(function (row) {
    var path = row.getAttribute('data-feed');
    var url = base ? base + path : new URL(path, document.baseURI).href;
    var code = row.querySelector('code');
    var link = row.querySelector('a.subscribe');
    var button = row.querySelector('button.copy');
    code.textContent = url;
    if (link) { link.href = url.replace(/^https?:/, 'webcal:'); }
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () { button.textContent = button.getAttribute('data-done'); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done);
      } else {
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (document.execCommand('copy')) { done(); }
      }
    });
  });
})();
"""
"""Copies a feed's address; without --base-url, works it out from the page's own address."""


def calendars_page(site_plan: SitePlan, feeds: Sequence, as_of: date, base_url: str | None) -> str:
    """PLAN/calendars.html: each feed with its address, subscribe link, copy button and download."""
    from ..ical.site import _sections, _short, _webcal
    from ..ical.words import WORDS as FEED_WORDS

    info = site_plan.plan.plan
    language = info.language
    words = WORDS[language]
    feed_words = FEED_WORDS[language]
    parts = [f"<h1>{e(words['calendars'])}: {e(info.title)}</h1>", f"<p>{e(words['calendars_intro'])}</p>"]
    for label, group in _sections(list(feeds)):
        if not group:
            continue
        parts.append(f"<h2>{e(feed_words[label])}</h2>")
        rows = []
        for feed in group:
            url = f"{base_url.rstrip('/')}/{site_plan.slug}/{feed.path}" if base_url else feed.path
            subscribe = _webcal(url) if base_url else feed.path
            rows.append(
                f'<tr data-feed="{e(feed.path)}"><th scope="row">{e(_short(feed, info))}</th>'
                f"<td>{feed.events}</td>"
                f'<td><span class="address"><code>{e(url)}</code>'
                f'<button type="button" class="copy" hidden data-done="{e(words["copied"])}">'
                f'{e(words["copy"])}</button></span></td>'
                f'<td><a class="subscribe" href="{e(subscribe)}">{e(words["subscribe"])}</a> · '
                f'<a href="{e(feed.path)}" download>{e(words["download"])}</a></td></tr>'
            )
        parts.append(
            f'<div class="table"><table><thead><tr><th scope="col">{e(words["calendar"])}</th>'
            f'<th scope="col">{e(words["events"])}</th><th scope="col">{e(words["address"])}</th>'
            f'<th scope="col">{e(words["subscribe"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
        )
    text = _site_page(
        f"{words['calendars']}: {info.title}",
        "\n".join(parts) + "\n",
        language=language,
        as_of=as_of,
        site_plan=site_plan,
        current="calendars.html",
        script=COPY_SCRIPT,
    )
    if base_url:
        base = f"{base_url.rstrip('/')}/{site_plan.slug}/"
        text = text.replace("<html ", f'<html data-base="{e(base)}" ', 1)
    return text


def front_page(plans: Sequence[SitePlan], as_of: date) -> str:
    """index.html: every plan, with its organisation and period."""
    languages = {p.plan.plan.language for p in plans}
    language = languages.pop() if len(languages) == 1 else "nb"
    words = WORDS[language]
    cards = []
    for site_plan in plans:
        info = site_plan.plan.plan
        period = formatting.fmt_date_range(info.period.start, info.period.end, language=info.language)
        cards.append(
            f'<li lang="{e(info.language)}"><h2><a href="{e(site_plan.slug)}/index.html">{e(info.title)}</a></h2>'
            f"<p>{e(info.organisation)}<br>{e(period)}</p></li>"
        )
    body = f"<h1>{e(words['plans'])}</h1>\n<p>{e(words['plans_intro'])}</p>\n<ul class=\"cards\">{''.join(cards)}</ul>\n"
    return _site_page(words["plans"], body, language=language, as_of=as_of, site_plan=None, current="index.html")


# --- Building ------------------------------------------------------------------------------


def site_files(
    plans: Sequence[SitePlan],
    *,
    as_of: date,
    base_url: str | None,
    source_date_epoch: str | None,
    reference_doc: Path | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> dict[str, bytes]:
    """Every file of the site, by its path in the site folder."""
    from ..ical import calendar_feeds
    from .docx import markdown_to_docx

    files: dict[str, bytes] = {"style.css": stylesheet().encode("utf-8"), MARKER: b"planverk site\n"}
    words: list[tuple[str, SitePlan, Document, list[Picture]]] = []
    for site_plan in plans:
        slug = site_plan.slug
        feeds = calendar_feeds(site_plan.validation, source_date_epoch=source_date_epoch)
        for feed in feeds:
            files[f"{slug}/{feed.path}"] = feed.body
        files[f"{slug}/calendars.html"] = calendars_page(site_plan, feeds, as_of, base_url).encode("utf-8")
        overview_pictures: list[Picture] = []
        for document in site_plan.documents:
            pictures = document_pictures(document)
            if document.template == "status-report" and document.group is None:
                overview_pictures = pictures
            page_text = document_page(site_plan, document, as_of, pictures)
            files[f"{slug}/{_html_name(document)}"] = page_text.encode("utf-8")
            words.append((f"{slug}/docx/{_docx_name(document)}", site_plan, document, pictures))
        files[f"{slug}/index.html"] = overview_page(site_plan, as_of, overview_pictures).encode("utf-8")
    files["index.html"] = front_page(plans, as_of).encode("utf-8")

    def word(job: tuple[str, SitePlan, Document, list[Picture]]) -> tuple[str, bytes]:
        path, _, document, pictures = job
        data = markdown_to_docx(
            document.text, language=document.language, as_of=as_of, pictures=pictures,
            reference_doc=reference_doc, source_date_epoch=source_date_epoch,
        )
        return path, data

    # pandoc runs as its own process: a few at once use the machine's cores.
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        for done, (path, data) in enumerate(pool.map(word, words), 1):
            files[path] = data
            progress(done, len(words))
    return files


def _is_ours(folder: Path) -> bool:
    return not any(folder.iterdir()) or (folder / MARKER).is_file()


def write_site_folder(files: dict[str, bytes], out: Path) -> None:
    """Replace ``out`` by ``files`` as one (:func:`planverk.files.replace_folder`, as
    ``planverk ical`` does): a failed run leaves the previous site as it was.

    A folder that holds anything but a site planverk wrote is never replaced.
    """
    if out.exists() and not out.is_dir():
        raise UsageError(tr("{folder} is a file: give a folder for the site", folder=str(out)))
    if out.is_dir() and not _is_ours(out):
        raise UsageError(tr(
            "{folder} holds files planverk did not write there: give an empty or new folder, "
            "so that nothing of yours is replaced", folder=str(out)
        ))

    def fill(staging: Path) -> None:
        for name in sorted(files):
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name])

    replace_folder(out, fill, what=tr("the site"))


def build_site(
    targets: Sequence[Path],
    out: Path,
    *,
    as_of: date,
    base_url: str | None = None,
    source_date_epoch: str | None = None,
    reference_doc: Path | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    language: str | None = None,
) -> Site:
    """Check the plans, build every page, document and feed, and put the site at ``out``;
    ``language`` (``--lang``) replaces each plan's own.

    Raises :class:`InvalidPlanError` (nothing written) when a plan has errors,
    :class:`UsageError` for two plans with the same id or an ``out`` holding other files,
    and :class:`OutputError` when the site cannot be written.
    """
    plans = load_plans(targets, as_of, language)
    files = site_files(
        plans,
        as_of=as_of,
        base_url=base_url,
        source_date_epoch=source_date_epoch,
        reference_doc=reference_doc,
        progress=progress,
    )
    write_site_folder(files, out)
    return Site([p.slug for p in plans], len(files))
