"""What a new-user trial found speaking the wrong language or reading a setting its own way,
tried through the command line on plans written as users write them (CR LF, byte-order
mark, nynorsk, flow style)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from test_written_as_users_write import windows_plan

REFUSED_EPOCH = ("sett den til tiden for planens siste commit (git log -1 --format=%ct), eller fjern den",
                 "set han til tida for den siste commiten til planen (git log -1 --format=%ct), eller fjern han")


@pytest.mark.parametrize(("epoch", "said"), [("-1", "er før 1970"), ("1.5", "er ikkje eit heilt tal sekund sidan 1970")])
def test_word_documents_read_source_date_epoch_as_calendars_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, said: str
) -> None:
    """A negative SOURCE_DATE_EPOCH was silently ignored by Word output while calendars refuse it."""
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)

    for args in (("render", str(plan), "-f", "docx", "-o", str(tmp_path / "word")),
                 ("ical", str(plan), "-o", "-")):
        refused = run_cli(*args)

        assert refused.code == 2, args
        assert refused.err == f"planverk: SOURCE_DATE_EPOCH={epoch} {said}: {REFUSED_EPOCH[1]}\n", args
    assert not (tmp_path / "word").exists()


def test_word_documents_take_their_file_times_from_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1700000000\n")  # as $(git log -1 --format=%ct) may carry it

    written = run_cli("render", str(plan), "workbook", "-f", "docx", "-o", str(tmp_path / "word"))

    assert written.code == 0, written.err
    with zipfile.ZipFile(tmp_path / "word" / "workbook.docx") as document:
        assert document.getinfo("word/document.xml").date_time[:3] == (2023, 11, 14)
