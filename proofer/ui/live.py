"""The findings on screen, kept in step with the text while the person types.

Positions here are Qt's (UTF-16 units). A check's findings are converted once when
they arrive; after that every edit shifts the findings behind it, and a finding
whose own text was touched is dropped until the next check has looked again.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass, field

from proofer.finding import Category, Finding, Severity
from proofer.ui.offsets import OffsetMap

_ids = itertools.count(1)


@dataclass(eq=False)
class LiveFinding:
    finding: Finding
    start: int  # UTF-16 position in the editor's document
    end: int
    paragraph: str  # the paragraph's text when it was checked (for "ignore here")
    id: int = field(default_factory=lambda: next(_ids))

    @property
    def hint(self) -> bool:
        return self.finding.severity is Severity.INFO


def paragraph_of(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a: b if b >= 0 else len(text)]


def _identity(item: LiveFinding) -> tuple[object, ...]:
    """What makes two checks' findings the same one: where it is on screen now and
    what it says. Not the Finding's own offsets: they are into the text as it was when
    it was checked, and an accepted change before it has moved it since."""
    f = item.finding
    return (item.start, item.end, f.text, f.rule, f.category, f.message, f.suggestions,
            f.severity)


def to_live(text: str, findings: list[Finding]) -> list[LiveFinding]:
    omap = OffsetMap(text)
    return [LiveFinding(f, omap.to_utf16(f.start), omap.to_utf16(f.end),
                        paragraph_of(text, f.start, f.end)) for f in findings]


@dataclass(eq=False)
class QuietSpan:
    """Text the person has already decided about, followed through edits like a
    finding: an ignored finding (its rule) or a suggestion they accepted (any rule:
    the app offered it, so it must not flag it afterwards)."""

    start: int
    end: int
    text: str
    rule: str | None  # None: every rule

    def silences(self, item: LiveFinding) -> bool:
        f = item.finding
        if self.rule is not None:
            return (f.rule, f.text, item.start, item.end) == \
                (self.rule, self.text, self.start, self.end)
        return self.start <= item.start and item.end <= self.end and f.text in self.text


def _follow(span: QuietSpan, pos: int, edit_end: int, delta: int) -> bool:
    """Shift a span after an edit; False when the edit touched its text."""
    if edit_end <= span.start:
        span.start += delta
        span.end += delta
        return True
    return pos >= span.end


class FindingStore:
    """Every live finding, sorted by position, plus what the person chose to ignore
    or accepted.

    An ignore is kept two ways, so that a re-check of the paragraph cannot bring it
    back: as a span that follows the edits around it (an accepted change in the same
    paragraph), and as rule + text + paragraph (the text typed again the same way)."""

    def __init__(self) -> None:
        self.items: list[LiveFinding] = []
        self.ignored_here: set[tuple[str, str, str]] = set()  # (rule, text, paragraph)
        self.ignored_everywhere: set[tuple[str, str]] = set()  # (rule, text)
        self.quiet: list[QuietSpan] = []
        self.hidden: set[Category] = set()
        #: bumped whenever findings come or go (not when an edit only shifts them),
        #: so that views can tell cheaply whether they have anything to redo
        self.generation = 0
        self._visible: list[LiveFinding] = []
        self._visible_key: tuple[object, ...] = ()

    def new_text(self) -> None:
        """Another draft: spans of the old one mean nothing there."""
        self.items = []
        self.quiet = []
        self.generation += 1

    # -- filling -----------------------------------------------------------
    def replace_all(self, items: list[LiveFinding]) -> None:
        """Take a new check's findings; one that was already on screen keeps its
        identity, so its card and the review position survive the re-check."""
        old = {_identity(i): i for i in self.items}
        kept: list[LiveFinding] = []
        for i in items:
            if self._ignored(i):
                continue
            same = old.pop(_identity(i), None)
            if same is not None:  # the same finding, maybe shifted by an edit before it
                same.finding, same.paragraph = i.finding, i.paragraph
                i = same
            kept.append(i)
        self.items = sorted(kept, key=lambda i: (i.start, i.end))
        self.generation += 1

    def _ignored(self, item: LiveFinding) -> bool:
        f = item.finding
        return ((f.rule, f.text) in self.ignored_everywhere
                or (f.rule, f.text, item.paragraph) in self.ignored_here
                or any(q.silences(item) for q in self.quiet))

    def ignore(self, item: LiveFinding, everywhere: bool = False) -> None:
        f = item.finding
        if everywhere:
            self.ignored_everywhere.add((f.rule, f.text))
        else:
            self.ignored_here.add((f.rule, f.text, item.paragraph))
            self.quiet.append(QuietSpan(item.start, item.end, f.text, f.rule))
        self.items = [i for i in self.items if not self._ignored(i)]
        self.generation += 1

    def decided(self, start: int, end: int, text: str) -> bool:
        """The person has ignored `text` there or everywhere (Ändra alla leaves it)."""
        return any(t == text for _rule, t in self.ignored_everywhere) or any(
            q.rule is not None and q.start <= start and end <= q.end and text == q.text
            for q in self.quiet)

    def accepted(self, start: int, end: int, text: str) -> None:
        """The person put `text` at start..end from the app's own suggestion."""
        if end > start:
            self.quiet.append(QuietSpan(start, end, text, None))

    def changed(self) -> None:
        """Findings were changed in place (corrections found for one): views redo."""
        self.generation += 1

    def remove(self, item: LiveFinding) -> None:
        self.items = [i for i in self.items if i is not item]
        self.generation += 1

    # -- following edits ---------------------------------------------------
    def apply_edit(self, pos: int, removed: int, added: int) -> bool:
        """Shift findings after an edit at `pos`.

        True if the underlines must be rebuilt: a finding was dropped, or text was
        inserted right at a finding's end (an underline's QTextCursor would grow over
        it). Otherwise the underlines' own cursors have followed the edit already.

        An insertion exactly at a finding's edge does not touch its text; anything
        inside or across it does, and the finding goes until re-checked.
        """
        delta = added - removed
        edit_end = pos + removed
        kept: list[LiveFinding] = []
        dropped = False
        for i in self.items:
            if edit_end <= i.start:  # wholly before the finding (or inserted at its start)
                i.start += delta
                i.end += delta
                kept.append(i)
            elif pos >= i.end:  # wholly after it
                kept.append(i)
                dropped = dropped or pos == i.end
            else:
                dropped = True
        if len(kept) != len(self.items):  # else the same list, its items shifted
            self.items = kept
            self.generation += 1
        self.quiet = [q for q in self.quiet if _follow(q, pos, edit_end, delta)]
        return dropped

    # -- looking up --------------------------------------------------------
    def visible(self) -> list[LiveFinding]:
        """The findings of the categories shown, in text order (the same list until
        findings come or go: asked several times on every keystroke). Not to be
        changed by the caller."""
        key = (self.generation, id(self.items), frozenset(self.hidden))
        if key != self._visible_key:
            self._visible = [i for i in self.items if i.finding.category not in self.hidden]
            self._visible_key = key
        return self._visible

    def at(self, pos: int) -> LiveFinding | None:
        """The shown finding under a position (the narrowest if several)."""
        hits = [i for i in self.visible() if i.start <= pos <= i.end and i.end > i.start]
        return min(hits, key=lambda i: i.end - i.start) if hits else None

    def next_after(self, pos: int, backwards: bool = False) -> LiveFinding | None:
        shown = self.visible()
        if not shown:
            return None
        starts = [i.start for i in shown]
        if backwards:
            k = bisect_right(starts, pos - 1) - 1
            return shown[k] if k >= 0 else shown[-1]
        k = bisect_right(starts, pos)
        return shown[k] if k < len(shown) else shown[0]

    def by_id(self, fid: int) -> LiveFinding | None:
        return next((i for i in self.items if i.id == fid), None)

    def same_rule(self, item: LiveFinding) -> list[LiveFinding]:
        return [i for i in self.visible() if i.finding.rule == item.finding.rule
                and i.finding.suggestions]

    def counts(self) -> tuple[dict[Category, int], int]:
        """Errors and warnings per category, and the number of hints apart."""
        per: dict[Category, int] = {}
        hints = 0
        for i in self.visible():
            if i.hint:
                hints += 1
            else:
                per[i.finding.category] = per.get(i.finding.category, 0) + 1
        return per, hints


__all__ = ["FindingStore", "LiveFinding", "to_live"]
