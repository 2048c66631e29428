"""Where each element and text node of a parsed HTML page sits in its source.

BeautifulSoup forgets this (and rewrites whitespace-only text when it serialises),
but saving a corrected article must leave every byte outside the corrected text as
the newsroom's CMS wrote it. So the parser is told to record the source range of
every text node and of every element's start and end tag, and the writer splices
its edits into the original source.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder


class UnknownPosition(Exception):
    """A node whose source range was not recorded (an end tag left out)."""


class Positions:
    def __init__(self) -> None:
        self.source = ""
        self.texts: dict[int, tuple[int, int]] = {}
        # start of start tag, end of start tag, start of end tag, end of end tag
        self.tags: dict[int, list[int | None]] = {}

    def span(self, node: PageElement) -> tuple[int, int]:
        """The whole node: a text node, or an element from "<" to its end tag's ">"."""
        if isinstance(node, Tag):
            rec = self.tags.get(id(node))
            if rec is None or rec[0] is None or rec[3] is None:
                raise UnknownPosition(getattr(node, "name", "?"))
            return rec[0], rec[3]
        found = self.texts.get(id(node))
        if found is None:
            raise UnknownPosition("text")
        return found

    def inner(self, tag: Tag) -> tuple[int, int]:
        """Between the end of the start tag and the start of the end tag."""
        rec = self.tags.get(id(tag))
        if rec is None or rec[1] is None or rec[2] is None:
            raise UnknownPosition(tag.name)
        return rec[1], rec[2]


def parse_with_positions(source: str) -> tuple[BeautifulSoup, Positions]:
    builder = _Builder()
    soup = BeautifulSoup(source, builder=builder)
    if builder.positions.source != source:
        builder.positions = Positions()  # the parser saw other text: record nothing
    return soup, builder.positions


class _Builder(HTMLParserTreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.positions = Positions()
        # BeautifulSoup shrinks a text node of only white space to " " or "\n"; the
        # article's typed spaces ("ord <em> ord") must read as they were written.
        # The document itself counts as a white-space-keeping element, so all do.
        self.preserve_whitespace_tags = {*self.preserve_whitespace_tags, "[document]"}

    def feed(self, markup: object, _parser_class: type = BeautifulSoupHTMLParser) -> None:
        assert isinstance(markup, str)
        self.positions.source = markup
        super().feed(markup, _parser_class=_Recorder)


class _Recorder(BeautifulSoupHTMLParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.positions: Positions = self.soup.builder.positions
        source = self.positions.source
        self._line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self._text_start: int | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _ending_text(self, event: Callable[[], None]) -> None:
        """Run a parser event that closes any pending text node, and record that
        node's range: from its first character to where this event starts."""
        parent = self.soup.currentTag
        count = len(parent.contents)
        start, end = self._text_start, self._offset()
        event()
        if start is not None:
            self._text_start = None
            if len(parent.contents) > count and isinstance(parent.contents[count],
                                                           NavigableString):
                self.positions.texts[id(parent.contents[count])] = (start, end)

    def _text_event(self) -> None:
        if self._text_start is None:
            self._text_start = self._offset()

    def handle_data(self, data: str) -> None:
        self._text_event()
        super().handle_data(data)

    def handle_charref(self, name: str) -> None:
        self._text_event()
        super().handle_charref(name)

    def handle_entityref(self, name: str) -> None:
        self._text_event()
        super().handle_entityref(name)

    def handle_starttag(self, tag: str, attrs: list, handle_empty_element: bool = True
                        ) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        self._ending_text(lambda: super(_Recorder, self).handle_starttag(
            tag, attrs, handle_empty_element))
        created = self.soup._most_recent_element
        if isinstance(created, Tag) and created.name == tag and id(created) not in \
                self.positions.tags:
            void = created.is_empty_element and handle_empty_element
            self.positions.tags[id(created)] = [start, end, end if void else None,
                                                end if void else None]

    def handle_endtag(self, tag: str, check_already_closed: bool = True) -> None:
        start = self._offset()
        open_tag = self.soup.currentTag
        while open_tag is not None and open_tag.name != tag:
            open_tag = open_tag.parent
        self._ending_text(lambda: super(_Recorder, self).handle_endtag(
            tag, check_already_closed))
        rec = self.positions.tags.get(id(open_tag)) if open_tag is not None else None
        if rec is not None and rec[2] is None and rec[1] is not None and start >= rec[1]:
            close = self.positions.source.find(">", start)
            rec[2], rec[3] = start, (close + 1 if close >= 0 else None)

    def handle_comment(self, data: str) -> None:
        self._ending_text(lambda: super(_Recorder, self).handle_comment(data))

    def handle_decl(self, decl: str) -> None:
        self._ending_text(lambda: super(_Recorder, self).handle_decl(decl))

    def unknown_decl(self, data: str) -> None:
        self._ending_text(lambda: super(_Recorder, self).unknown_decl(data))

    def handle_pi(self, data: str) -> None:
        self._ending_text(lambda: super(_Recorder, self).handle_pi(data))


def splice(source: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits; insertions at one point keep their
    order. Overlapping edits mean the positions cannot be trusted."""
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[1][1], e[0]))
    last_end = -1
    for _, (start, end, _text) in ordered:
        if start < last_end:
            raise UnknownPosition("overlapping edits")
        last_end = max(last_end, end)
    out = source
    for _, (start, end, text) in reversed(ordered):
        out = out[:start] + text + out[end:]
    return out
