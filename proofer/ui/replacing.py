"""Several replacements in the draft as one undo step, each logged as a change.

Used by Godta alla, Ändra alla and Sök och ersätt, so that whatever the copy desk
changes in the text is in the change log (and the tracked-changes export), and one
Ctrl+Z takes back one decision however many places it touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument

from proofer.formats.edits import LINE_SEP
from proofer.ui.live import LiveFinding

FIND_REPLACE_RULE = "Sök och ersätt"


@dataclass
class Replacement:
    start: int  # Qt positions (UTF-16) in the editor's document
    end: int
    before: str
    after: str
    rule: str
    category: str
    finding: LiveFinding | None = None  # the finding this settles, if any
    suggested: bool = True  # the app's own suggestion: not flagged again


def keep_case(found: str, replacement: str) -> str:
    """`replacement` in the case pattern of `found`, as Word's replace does: an
    all-capitals word (a headline) gets capitals, a capitalised one (a sentence
    start) a capital; lower case keeps the replacement as written (a name keeps
    its capital)."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        i = next((k for k, c in enumerate(replacement) if c.isalpha()), None)
        if i is not None:
            return replacement[:i] + replacement[i].upper() + replacement[i + 1:]
    return replacement


def removal_span(doc: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """What removing [start, end) should remove. A whole line removed ("(ta bort)"
    on a leftover from the web page, an empty "Publicerad:") takes its line break
    with it, and one of the empty lines around it when it stood between two, so the
    draft is left as if the line had never been there, not with a hole. A line of
    its own inside a paragraph (an HTML <br>, Word's Shift+Enter: LINE_SEP) takes
    the break after it, or the one before it when it is the paragraph's last line;
    the writers then drop that <br> too."""
    block = doc.findBlock(start)
    first, last = block.position(), block.position() + block.length() - 1
    text = block.text()
    if first == start and last == end:
        if not block.next().isValid():
            return start, end
        end += 1  # the line break
        before, after = block.previous(), block.next()
        if (not before.isValid() or before.length() == 1) and after.length() == 1 \
                and after.next().isValid():
            end += 1  # the empty line after it: no two empty lines in a row
        return start, end
    if start == end or not first <= start < end <= last:
        return start, end
    at_start = start == first or text[start - first - 1] == LINE_SEP
    at_end = end == last or text[end - first] == LINE_SEP
    if not (at_start and at_end):
        return start, end
    if end < last:
        return start, end + 1  # the break after the line
    return start - 1, end  # the paragraph's last line: the break before it


def apply(window, replacements: list[Replacement]) -> list[Replacement]:  # noqa: ANN001
    """Make the replacements whose text is still as expected (one undo step) and
    log them in text order; returns those made."""
    doc = window.editor.document()
    cur = QTextCursor(doc)
    done: list[Replacement] = []
    cur.beginEditBlock()
    for r in sorted(replacements, key=lambda r: r.start, reverse=True):
        cur.setPosition(r.start)
        cur.setPosition(r.end, QTextCursor.MoveMode.KeepAnchor)
        if cur.selectedText() != r.before:
            continue  # the text changed under it meanwhile
        if not r.after:
            r.start, r.end = removal_span(doc, r.start, r.end)
            cur.setPosition(r.start)
            cur.setPosition(r.end, QTextCursor.MoveMode.KeepAnchor)
        cur.insertText(r.after)
        done.append(r)
    cur.endEditBlock()
    done.reverse()  # text order
    shift = 0
    for r in done:  # earlier changes shift later positions
        length = len(r.after.encode("utf-16-le")) // 2
        if r.suggested:
            window.store.accepted(r.start + shift, r.start + shift + length, r.after)
        window.log_change(r.start + shift, r.before, r.after, r.rule, r.category)
        shift += length - (r.end - r.start)
        if r.finding is not None:
            window.store.remove(r.finding)
    return done
