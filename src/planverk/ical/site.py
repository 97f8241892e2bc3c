"""Write feeds to a folder, with index.html and index.md, so that a failed run changes nothing.

The whole site is written into a hidden folder next to the output folder and then takes its
place in one step (:func:`planverk.files.replace_folder`); a run that fails or is killed
leaves the previous feeds as they were. A folder holding anything planverk does not write
there is never replaced.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..errors import UsageError
from ..i18n import tr
from ..files import replace_folder, write_atomic
from ..formatting import markdown_text
from ..model import PlanInfo
from .feeds import Feed
from .words import WORDS

_SECTIONS = (("plan", "all_feed"), ("group", "groups"), ("person", "people"))


def _url(base_url: str | None, path: str) -> str | None:
    return f"{base_url.rstrip('/')}/{path}" if base_url else None


def _webcal(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"webcal://{rest}" if scheme in ("http", "https") else url


def _sections(feeds: list[Feed]) -> list[tuple[str, list[Feed]]]:
    return [(label, [f for f in feeds if f.key.partition(":")[0] == kind]) for kind, label in _SECTIONS]


def _short(feed: Feed, info: PlanInfo) -> str:
    """The feed's name without the plan title the calendar name carries."""
    suffix = f" – {info.title}"
    return feed.name[: -len(suffix)] if feed.key != "plan" and feed.name.endswith(suffix) else feed.name


def index_markdown(feeds: list[Feed], info: PlanInfo, base_url: str | None) -> str:
    """index.md: the feeds as tables, with subscribe addresses when the base URL is known."""
    words = WORDS[info.language]
    lines = [f"# {markdown_text(info.title)}", "", words["how"], ""]
    for label, group in _sections(feeds):
        if not group:
            continue
        lines += [f"## {words[label]}", ""]
        head = f"| {words['feed']} | {words['events'].capitalize()} |"
        lines += [head + (f" {words['subscribe']} |" if base_url else ""),
                  "|---|---:|" + ("---|" if base_url else "")]
        for feed in group:
            name = markdown_text(_short(feed, info))
            url = _url(base_url, feed.path)
            row = f"| [{name}]({url or feed.path}) | {feed.events} |"
            lines.append(row + (f" <{_webcal(url)}> |" if url else ""))
        lines.append("")
    return "\n".join(lines)


def index_html(feeds: list[Feed], info: PlanInfo, base_url: str | None) -> str:
    """index.html: the same as index.md, as a page a browser opens."""
    words = WORDS[info.language]
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(info.language)}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(info.title)}</title></head>",
        "<body>",
        f"<h1>{e(info.title)}</h1>",
        f"<p>{e(words['how'])}</p>",
    ]
    for label, group in _sections(feeds):
        if not group:
            continue
        out += [f"<h2>{e(words[label])}</h2>", "<table>",
                f"<tr><th>{e(words['feed'])}</th><th>{e(words['events'].capitalize())}</th><th></th></tr>"]
        for feed in group:
            url = _url(base_url, feed.path)
            links = f'<a href="{e(feed.path)}">{e(words["download"])}</a>'
            if url:
                links = (f'<a href="{e(_webcal(url))}">{e(words["subscribe"])}</a> '
                         f"<code>{e(url)}</code> " + links)
            out.append(f"<tr><td>{e(_short(feed, info))}</td><td>{feed.events}</td><td>{links}</td></tr>")
        out.append("</table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _is_ours(folder: Path) -> bool:
    """Whether ``folder`` holds only what a previous run could have written."""
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink() and entry.name in ("groups", "people"):
            if any(not (f.is_file() and f.suffix == ".ics") for f in entry.iterdir()):
                return False
        elif not (entry.is_file() and (entry.suffix == ".ics" or entry.name in ("index.html", "index.md"))):
            return False
    return True


def write_site(feeds: list[Feed], out: Path, info: PlanInfo, base_url: str | None) -> None:
    """Replace ``out`` by the feeds and their index pages as one (see :func:`replace_folder`)."""
    if out.exists() and not out.is_dir():
        raise UsageError(tr("{folder} is a file: give a folder for the feeds", folder=str(out)))
    if names_a_feed(out):
        raise UsageError(tr(
            "{file} names one file, but the plan gives many feeds: write one with --only "
            "(plan, group:ID or person:ID), or give a folder for them all", file=str(out)
        ))
    if out.is_dir() and not _is_ours(out):
        raise UsageError(tr(
            "{folder} holds files planverk did not write there: give an empty or new folder, "
            "so that nothing of yours is replaced", folder=str(out)
        ))

    def fill(staging: Path) -> None:
        for sub in ("groups", "people"):
            (staging / sub).mkdir()
        for feed in feeds:
            (staging / feed.path).write_bytes(feed.body)
        (staging / "index.md").write_text(index_markdown(feeds, info, base_url), encoding="utf-8")
        (staging / "index.html").write_text(index_html(feeds, info, base_url), encoding="utf-8")

    replace_folder(out, fill, what=tr("the feeds"))


def names_a_feed(out: Path) -> bool:
    """Whether ``-o`` names one feed file (``olav.ics``) rather than a folder: it ends in
    ``.ics`` and is no folder already."""
    return out.suffix.lower() == ".ics" and not out.is_dir()


def write_feed(feed: Feed, out: Path) -> Path:
    """Write one feed through a temporary file: to ``out`` itself when it names a feed file
    (``-o olav.ics``), else into the folder ``out`` at its usual place there
    (``people/olav.ics``)."""
    target = out if names_a_feed(out) else out / feed.path
    write_atomic(target, feed.body)
    return target
