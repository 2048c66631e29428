"""Findings follow edits; UTF-16 vs code points; stale results are dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from proofer.finding import Category, Finding
from proofer.ui.checking import LiveChecker
from proofer.ui.live import FindingStore, to_live
from proofer.ui.offsets import OffsetMap
from tests.ui.conftest import wait_checked

NAME = "Frderik Johanssomn"


def test_offset_map_round_trip() -> None:
    text = "a😀b👍🏽c"
    omap = OffsetMap(text)
    assert [omap.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert all(omap.to_codepoint(omap.to_utf16(i)) == i for i in range(len(text) + 1))


def _f(start: int, end: int, text: str) -> Finding:
    return Finding(start, end, text, Category.SPELLING, "r", "m", ("x",))


def test_store_shifts_keeps_and_drops() -> None:
    store = FindingStore()
    text = "ab cd ef"
    store.replace_all(to_live(text, [_f(0, 2, "ab"), _f(3, 5, "cd"), _f(6, 8, "ef")]))
    # Insert at the end of "ab": it stays as it was (but its underline is redrawn).
    assert store.apply_edit(2, 0, 1)
    assert [(i.start, i.end) for i in store.items] == [(0, 2), (4, 6), (7, 9)]
    assert store.apply_edit(5, 1, 0)  # delete inside "cd": dropped
    assert [(i.start, i.end) for i in store.items] == [(0, 2), (6, 8)]
    assert not store.apply_edit(3, 1, 0)  # between findings: shift only, cursors follow
    assert [(i.start, i.end) for i in store.items] == [(0, 2), (5, 7)]
    assert not store.apply_edit(0, 0, 2)  # insert before everything
    assert [(i.start, i.end) for i in store.items] == [(2, 4), (7, 9)]


def test_emoji_offsets_and_shift(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "emoji.txt"
    path.write_text(f"👍🏽 {NAME} berättar om 😀 verksamheten.\n", encoding="utf-8")
    window.open_path(path)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.text.startswith("Frderik"))
    n = len(item.finding.text)
    assert (item.start, item.end) == (5, 5 + n)  # two astral characters before it
    assert (item.start, item.end) in [s[:2] for s in window.editor.underline_spans()]
    window.checker.timer.setInterval(60_000)  # look before the re-check comes
    cur = window.editor.textCursor()
    cur.setPosition(0)
    window.editor.setTextCursor(cur)
    window.editor.insertPlainText("🎉")  # before the finding: it moves by two units
    assert (item.start, item.end) == (7, 7 + n)
    qtbot.wait(1)
    assert (7, 7 + n) in [s[:2] for s in window.editor.underline_spans()]
    window.accept(item.id, 0)
    assert window.editor_text().startswith("🎉👍🏽 " + item.finding.suggestions[0])
    assert window.editor_text().endswith(" berättar om 😀 verksamheten.\n")
    window.checker.check_now()
    wait_checked(qtbot, window)
    text = window.editor_text()
    assert all(text[f.start:f.end] == f.text for f in window.findings())


def test_edited_finding_disappears_until_rechecked(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.text.startswith("Frderik"))
    cur = window.editor.textCursor()
    cur.setPosition(item.start + 3)
    window.editor.setTextCursor(cur)
    window.editor.setFocus()
    window.checker.timer.setInterval(60_000)  # the re-check has not come yet
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)  # "Frderik" -> "Frerik"
    assert item not in window.store.items
    qtbot.wait(1)
    assert all(s[0] != item.start for s in window.editor.underline_spans())
    window.checker.check_now()
    wait_checked(qtbot, window)
    # Re-checked: the misspelt name is flagged again, now as it reads after the edit.
    assert any(i.start == item.start and i.finding.text.startswith("Frerik")
               for i in window.store.visible()), [i.finding for i in window.store.items[:5]]


class HeldRunner:
    """Keeps jobs until released: a check that is still running while the user types."""

    def __init__(self) -> None:
        self.jobs: list = []

    def submit(self, job, done, failed) -> None:  # noqa: ANN001
        self.jobs.append((job, done))

    def release(self) -> None:
        jobs, self.jobs = self.jobs, []
        for job, done in jobs:
            done(job())

    def wait(self) -> None:
        pass

    def busy(self) -> bool:
        return bool(self.jobs)


class FakeEngine:
    def check(self, text, skip=frozenset()):  # noqa: ANN001, ANN201
        from proofer.engine import Report

        found = [_f(0, 2, text[:2])]
        if "grammar_rules" not in skip:  # the slow checker's finding
            found.append(_f(3, 5, text[3:5]))
        return Report(found, {"fake": "ok"})

    def close(self) -> None:
        pass


def test_results_for_an_old_revision_are_thrown_away(qtbot) -> None:  # noqa: ANN001
    text = ["ab cd"]
    runner = HeldRunner()
    checker = LiveChecker(runner, lambda: text[0], lambda _s: FakeEngine())
    got: list[int] = []
    checker.checked.connect(lambda rev, _t, _r: got.append(rev))
    checker.rebuild(None)
    runner.release()  # engine built; its first check is now queued
    checker.text_changed()  # the user typed while that check ran
    text[0] = "xy cd"
    runner.release()
    assert got == [] and not checker.idle
    checker.check_now()
    runner.release()
    assert got == [1] and checker.idle
    # The findings were put in Qt's units on the worker; the thrown-away report's
    # are not kept (only the shown one's, until the window takes them).
    assert len(checker._live) == 1  # noqa: SLF001


def test_findings_are_converted_on_the_worker(qtbot) -> None:  # noqa: ANN001
    runner = HeldRunner()
    checker = LiveChecker(runner, lambda: "ab cd", lambda _s: FakeEngine())
    shown = []
    checker.checked.connect(lambda _rev, text, report: shown.append(
        checker.live_findings(text, report)))
    checker.rebuild(None)
    runner.release()
    job, done = runner.jobs.pop(0)
    report = job()  # on the worker: the check and the conversion
    worked_out = checker._live[id(report)][1]  # noqa: SLF001
    done(report)
    assert shown == [worked_out] and shown[0] is worked_out


def test_a_new_draft_shows_the_fast_checkers_findings_first(qtbot) -> None:  # noqa: ANN001
    runner = HeldRunner()
    checker = LiveChecker(runner, lambda: "ab cd", lambda _s: FakeEngine())
    got: list[int] = []
    checker.checked.connect(lambda _rev, _t, report: got.append(len(report.findings)))
    checker.rebuild(None)
    runner.release()  # the engine is built: two passes queued
    assert len(runner.jobs) == 2
    job, done = runner.jobs.pop(0)
    done(job())
    assert got == [1] and checker.first_pass_shown and not checker.idle
    runner.release()
    assert got == [1, 2] and not checker.first_pass_shown and checker.idle
    # A re-check after typing is one pass; a newly opened draft gets two again.
    checker.text_changed()
    checker.check_now()
    assert len(runner.jobs) == 1
    runner.release()
    checker.new_text()
    checker.check_now()
    assert len(runner.jobs) == 2


def test_typing_is_not_blocked_by_checking(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "abc")
    # The check waits for the pause in typing (debounce), it did not run per key.
    assert window.checker.timer.isActive()
    wait_checked(qtbot, window)
