"""HTML drafts: the article's text, one block element per line.

What counts as text: the largest <article> if there is one, else <main>, else
<body>. Inside it, scripts, styles, forms, navigation, asides, footers, cookie and
browser notices (by class/id/role), hidden elements and site headers are skipped; a
<header> inside an <article> is kept because it holds the headline and the lead.
Every block element (p, h1-h6, li, td, figcaption, ...) with text becomes one line,
and <br> becomes LINE_SEP, which the checkers treat as a line end of its own
(document.split_paragraphs). White space reads as the writer typed it, not as a
browser shows it: a double space typed in the CMS ("ord  ord", "ord&nbsp; ord") is
in the draft and the copy desk wants it found and fixed; a run with a line break or
a tab is the source's layout and reads as one space (see _mark_spaces).

Saving puts each changed line back into its element. When the change lies inside
one text node (the usual corrected word), only that node changes, so links and
emphasis around it survive; otherwise the element's text content is replaced by the
new text (inline markup inside that element is lost, images kept). Added lines
become new elements like their neighbour, removed lines remove their element
(table cells are emptied instead).

The edits are spliced into the original source at positions recorded while
parsing, so every byte outside the changed text stays as it was (indentation,
attribute quotes, entities). Only when a position is unknown (an end tag the
author left out, "<li>one<li>two") is the page re-serialised by BeautifulSoup,
which keeps the markup's meaning but not its exact spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.dammit import EntitySubstitution
from bs4.element import PreformattedString
from bs4.formatter import HTMLFormatter

from proofer.document import Document
from proofer.formats.decode import GUESSED_NOTE, decode_bytes, encode_text
from proofer.formats.edits import LINE_SEP, changed_span, locate
from proofer.formats.errors import LoadError
from proofer.formats.htmlsource import Positions, UnknownPosition, parse_with_positions, splice
from proofer.formats.linemap import LinePlan, plan_lines

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul legend".split())
SKIP_TAGS = frozenset(
    "script style noscript template nav aside form button iframe svg math select "
    "textarea head title meta link object embed canvas video audio picture map dialog "
    "input label option footer".split())
_NOISE = re.compile(r"cookie|consent|gdpr|samtycke|browser|webbl[äa]sare|outdated", re.I)
_NOISE_ROLES = frozenset(
    "navigation banner contentinfo complementary search dialog alertdialog".split())
_NOT_A_TEMPLATE = frozenset("h1 h2 h3 h4 h5 h6 td th caption figcaption".split())
# Longer paragraphs are compared by their changed middle only (a character diff is
# quadratic at worst); several corrections there may then cost inline markup.
_DIFF_LIMIT = 20_000
_SPACES = frozenset(" \t\n\r\f")  # HTML's white space; a no-break space is text
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


class _Formatter(HTMLFormatter):
    """Writes <br> and boolean attributes as HTML does, escapes only & < >, and
    keeps attributes in the author's order (BeautifulSoup sorts them)."""

    def __init__(self) -> None:
        super().__init__(entity_substitution=EntitySubstitution.substitute_xml,
                         void_element_close_prefix="", empty_attributes_are_booleans=True)

    def attributes(self, tag: Tag) -> list[tuple[str, object]]:
        return [(k, None if v == "" else v) for k, v in (tag.attrs or {}).items()]


_FORMATTER = _Formatter()


@dataclass
class _Segment:
    node: PageElement  # a text node, or the <br> tag that LINE_SEP stands for
    text: str
    # starts[k]: index in the node's string of text[k]; starts[len(text)]: where the
    # text ends there. Lets an edit replace only the characters it changed.
    starts: list[int] = field(default_factory=list)
    # Indices in text of spaces that stand for a layout run (a line break, a tab):
    # an edit touching one must replace the whole run, or the spaces it writes
    # would merge with the run and show as one. "spilling": the run goes on into
    # the next text node, so no edit of this node alone can replace it.
    layout: set[int] = field(default_factory=set)
    spilling: set[int] = field(default_factory=set)


@dataclass
class _Block:
    nodes: list[PageElement]  # consecutive siblings holding the block's text
    owner: Tag | None  # the element that is exactly this block (a <p>), if any
    segments: list[_Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def load_html(path: Path, data: bytes) -> Document:
    match = _META_CHARSET.search(data[:4096])
    decoded = decode_bytes(data, path, declared=match.group(1).decode("ascii") if match
                           else None)
    try:
        _, _, blocks = _parse(decoded.text)
    except RecursionError as exc:
        # The parser and the walk over the tree recurse once per level of nesting:
        # a page nested a thousand levels deep is no article (issue 13).
        raise LoadError(path, "HTML-koden är nästlad i för många nivåer (element i "
                              "element i tusental) för att vara en artikel; filen "
                              "läses inte") from exc
    doc = Document("\n".join(b.text for b in blocks), path=path, format="html",
                   encoding=decoded.encoding, source_data={"bom": decoded.bom})
    if decoded.guessed:
        doc.notes.append(GUESSED_NOTE.format(encoding=decoded.encoding))
    return doc


def render_html(doc: Document, text: str, raw: bytes) -> bytes:
    """The page with `text` put back; unchanged text gives the original bytes."""
    if text == doc.text:
        return raw
    source = raw.decode(doc.encoding)
    bom = source.startswith("\ufeff")
    source = source.removeprefix("\ufeff")
    soup, positions, blocks = _parse(source)
    plan = plan_lines([b.text for b in blocks], text.split("\n"))
    try:
        out = splice(source, _source_edits(soup, positions, blocks, plan))
    except UnknownPosition:
        soup, _, blocks = _parse(source)
        _edit_tree(soup, blocks, plan)
        out = soup.decode(formatter=_FORMATTER)
    return encode_text(out, doc.encoding, bom, errors="xmlcharrefreplace")


def _parse(source: str) -> tuple[BeautifulSoup, Positions, list[_Block]]:
    soup, positions = parse_with_positions(source)
    root = _article_root(soup)
    blocks: list[_Block] = []
    _collect(root, root, blocks)
    return soup, positions, [b for b in blocks if b.text.strip()]


def _insertions(blocks: list[_Block], plan: LinePlan) -> list[tuple[_Block, bool, list[str]]]:
    """(neighbour, before it?, lines). A new line is like the paragraph before it
    (a sentence added after a paragraph, an item after an item), except after a
    headline or a table cell, where it is like the paragraph that follows."""
    out = []
    for index, lines in plan.inserted.items():
        lines = [line for line in lines if line.strip()]  # HTML has no empty paragraphs
        if not lines:
            continue
        previous = blocks[index] if index >= 0 else None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if previous is None or (following is not None and previous.owner is not None
                                and previous.owner.name in _NOT_A_TEMPLATE):
            out.append((following, True, lines))
        else:
            out.append((previous, False, lines))
    return out


# ------------------------------------------------------------ splicing into the source

def _source_edits(soup: BeautifulSoup, pos: Positions, blocks: list[_Block],
                  plan: LinePlan) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for template, before, lines in _insertions(blocks, plan):
        edits.append(_source_insert(soup, pos, template, before, lines))
    for block, new in zip(blocks, plan.texts, strict=True):
        if new is None:
            edits.extend(_source_remove(pos, block))
        elif new != block.text:
            edits.extend(_source_set_text(pos, block, new))
    return edits


def _source_set_text(pos: Positions, block: _Block, new: str) -> list[tuple[int, int, str]]:
    nodes = _node_edits(block, new)
    if nodes is not None:
        return [(*pos.span(seg.node), _escape(text)) for seg, text in nodes]
    start, end = pos.inner(block.owner) if block.owner is not None else (
        pos.span(block.nodes[0])[0], pos.span(block.nodes[-1])[1])
    # Everything in the element that is not its text stays: images, and the
    # skipped children (a script in a paragraph) that are not among the block's nodes.
    children = list(block.owner.children) if block.owner is not None else block.nodes
    kept = "".join(pos.source[slice(*pos.span(n))] for n in children
                   if _keeps_content(n))
    return [(start, end, "<br>".join(_escape(p) for p in new.split(LINE_SEP)) + kept)]


def _source_remove(pos: Positions, block: _Block) -> list[tuple[int, int, str]]:
    if block.owner is not None and block.owner.name not in ("td", "th"):
        start, end = pos.span(block.owner)
        src = pos.source
        line_start = src.rfind("\n", 0, start)
        line_end = src.find("\n", end)
        line_end = len(src) if line_end < 0 else line_end
        if line_start >= 0 and not src[line_start + 1:start].strip() \
                and not src[end:line_end].strip():
            start = line_start  # the element had its own line: remove the line
        return [(start, end, "")]
    return [(*pos.span(n), "") for n in block.nodes if not _keeps_content(n)]


def _source_insert(soup: BeautifulSoup, pos: Positions, template: _Block, before: bool,
                   lines: list[str]) -> tuple[int, int, str]:
    tags = [t.decode(formatter=_FORMATTER) for t in _new_tags(soup, template, lines)]
    owner = template.owner
    if owner is not None and owner.name in ("td", "th"):
        start, end = pos.inner(owner)
        at = start if before else end
        return at, at, "".join(tags)
    start, end = pos.span(owner) if owner is not None else (
        pos.span(template.nodes[0])[0], pos.span(template.nodes[-1])[1])
    src = pos.source
    line_start = src.rfind("\n", 0, start) + 1
    indent = src[line_start:start]
    sep = "\n" + indent if not indent.strip() else ""
    if before:
        return start, start, "".join(t + sep for t in tags)
    return end, end, "".join(sep + t for t in tags)


def _escape(text: str) -> str:
    return EntitySubstitution.substitute_xml(text)


def _node_edits(block: _Block, new: str) -> list[tuple[_Segment, str]] | None:
    """Each changed text node with its new text, when every change lies inside one
    node: then links and emphasis around the changed words survive, also when a
    paragraph got several corrections. None: the change crosses markup."""
    old = block.text
    if len(old) + len(new) > _DIFF_LIMIT:
        changes = [changed_span(old, new)]
        spans = [(c[0], c[1], c[0], c[2]) for c in changes]
    else:
        spans = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in
                 SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
                 if tag != "equal"]
    # New white space written next to a layout run would merge with it and show as
    # one space: then the edit takes the run in (it is the same text in both).
    layout, spilling = _layout_spaces(block)
    grown: list[list[int]] = []
    for i1, i2, j1, j2 in spans:
        first = new[j1] if j2 > j1 else new[j2:j2 + 1]
        last = new[j2 - 1] if j2 > j1 else new[j1 - 1:j1] if j1 else ""
        if i1 - 1 in layout and first in _SPACES and first:
            i1, j1 = i1 - 1, j1 - 1
        if i2 in layout and last in _SPACES and last:
            i2, j2 = i2 + 1, j2 + 1
        if any(k in spilling for k in range(i1 - 1, i2 + 1)):
            return None
        if grown and i1 < grown[-1][1]:
            grown[-1][1], grown[-1][3] = max(grown[-1][1], i2), max(grown[-1][3], j2)
        else:
            grown.append([i1, i2, j1, j2])
    pieces = [s.text for s in block.segments]
    offsets = [sum(len(p) for p in pieces[:i]) for i in range(len(pieces))]
    by_segment: dict[int, list[tuple[int, int, str]]] = {}
    for i1, i2, j1, j2 in grown:
        i = locate(pieces, i1, i2)
        replacement = new[j1:j2]
        if i is None or pieces[i] == LINE_SEP or LINE_SEP in replacement:
            return None
        seg = block.segments[i]
        by_segment.setdefault(i, []).append(
            (seg.starts[i1 - offsets[i]], seg.starts[i2 - offsets[i]], replacement))
    out = []
    for i, changes in by_segment.items():
        text = str(block.segments[i].node)
        for a, b, replacement in reversed(changes):
            text = text[:a] + replacement + text[b:]
        out.append((block.segments[i], text))
    return out


# ------------------------------------------------- editing the tree (no positions known)

def _edit_tree(soup: BeautifulSoup, blocks: list[_Block], plan: LinePlan) -> None:
    for template, before, lines in _insertions(blocks, plan):
        _insert_blocks(soup, template, lines, before)
    for block, new in zip(blocks, plan.texts, strict=True):
        if new is None:
            _remove_block(block)
        elif new != block.text:
            _set_text(soup, block, new)


def _article_root(soup: BeautifulSoup) -> Tag:
    articles = [a for a in soup.find_all("article")
                if not _skipped(a) and not any(_skipped(p) for p in a.parents
                                               if isinstance(p, Tag))]
    if articles:
        return max(articles, key=lambda a: len(a.get_text(" ", strip=True)))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if isinstance(main, Tag):
        return main
    return soup.body or soup


def _skipped(tag: Tag) -> bool:
    if tag.name in SKIP_TAGS:
        return True
    if tag.name == "header" and tag.find_parent("article") is None:
        return True  # the site's header; an article's own header has the headline
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    if str(tag.get("role", "")).lower() in _NOISE_ROLES:
        return True
    if re.search(r"display\s*:\s*none", str(tag.get("style", ""))):
        return True
    names = " ".join([str(tag.get("id", "")), " ".join(tag.get("class", []) or [])])
    return bool(_NOISE.search(names))


def _layout_spaces(block: _Block) -> tuple[set[int], set[int]]:
    """Block-text indices of the spaces that stand for layout runs (see _Segment)."""
    layout: set[int] = set()
    spilling: set[int] = set()
    offset = 0
    for seg in block.segments:
        layout.update(offset + k for k in seg.layout | seg.spilling)
        spilling.update(offset + k for k in seg.spilling)
        offset += len(seg.text)
    return layout, spilling


def _collect(element: Tag, root: Tag, blocks: list[_Block]) -> None:
    run: list[PageElement] = []
    nested = False
    for child in list(element.children):
        if isinstance(child, Tag):
            if _skipped(child):
                continue
            if child.name in BLOCK_TAGS:
                _flush(run, None, blocks)
                run = []
                nested = True
                _collect(child, root, blocks)
                continue
        elif isinstance(child, PreformattedString) or not isinstance(child, NavigableString):
            continue
        run.append(child)
    owner = element if not nested and element is not root and element.name not in (
        "body", "html", "[document]") else None
    _flush(run, owner, blocks)


def _flush(run: list[PageElement], owner: Tag | None, blocks: list[_Block]) -> None:
    if run:
        block = _Block(list(run), owner)
        block.segments = _segments(block.nodes)
        blocks.append(block)


def _segments(nodes: list[PageElement]) -> list[_Segment]:
    segs: list[_Segment] = []

    def visit(node: PageElement) -> None:
        if isinstance(node, Tag):
            if _skipped(node):
                return
            if node.name == "br":
                segs.append(_Segment(node, LINE_SEP))
                return
            for child in node.children:
                visit(child)
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            segs.append(_Segment(node, str(node)))

    for node in nodes:
        visit(node)
    line: list[tuple[_Segment, int]] = []
    states: dict[int, list[str]] = {id(s): ["keep"] * len(s.text) for s in segs}
    for seg in [*segs, None]:
        if seg is None or seg.text == LINE_SEP:
            _mark_spaces(line, states)
            line = []
        else:
            line.extend((seg, k) for k in range(len(seg.text)))
    for seg in segs:
        if seg.text != LINE_SEP:
            _apply(seg, states[id(seg)])
    return segs


def _mark_spaces(line: list[tuple[_Segment, int]], states: dict[int, list[str]]) -> None:
    """What a reader of the draft sees between two words, tags between them or not.

    A run of plain spaces is the writer's own typing: kept as it is, so that a double
    space in a CMS draft is seen and fixed as in a .txt. A run holding a line break or
    a tab is the source's layout (a wrapped line, indentation): one space, as a
    browser shows it. At a line's edges (the paragraph's, or a <br>) spaces go.
    """
    k = 0
    while k < len(line):
        seg, i = line[k]
        if seg.text[i] not in _SPACES:
            k += 1
            continue
        end = k
        while end < len(line) and line[end][0].text[line[end][1]] in _SPACES:
            end += 1
        run = line[k:end]
        if k == 0 or end == len(line):
            marks = ["trim"] * len(run)
        elif all(s.text[j] == " " for s, j in run):
            marks = ["keep"] * len(run)
        else:
            spills = any(s is not seg for s, _ in run)
            marks = ["layout-spills" if spills else "layout"] + ["absorb"] * (len(run) - 1)
        for (s, j), mark in zip(run, marks, strict=True):
            states[id(s)][j] = mark
        k = end


def _apply(seg: _Segment, marks: list[str]) -> None:
    original = seg.text
    text: list[str] = []
    starts: list[int] = []
    end = 0
    for i, mark in enumerate(marks):
        if mark in ("keep", "layout", "layout-spills"):
            if mark != "keep":
                (seg.spilling if mark == "layout-spills" else seg.layout).add(len(text))
            text.append(" " if mark != "keep" else original[i])
            starts.append(i)
        if mark != "trim":
            end = i + 1
    seg.text = "".join(text)
    seg.starts = [*starts, end]


def _set_text(soup: BeautifulSoup, block: _Block, new: str) -> None:
    nodes = _node_edits(block, new)
    if nodes is not None:
        for seg, text in nodes:
            seg.node.replace_with(NavigableString(text))
        return
    anchor = block.nodes[0]
    anchor.insert_before(*_content(soup, new))
    for node in block.nodes:
        if not _keeps_content(node):
            node.extract()


def _content(soup: BeautifulSoup, text: str) -> list[PageElement]:
    nodes: list[PageElement] = []
    for k, part in enumerate(text.split(LINE_SEP)):
        if k:
            nodes.append(soup.new_tag("br"))
        if part:
            nodes.append(NavigableString(part))
    return nodes


def _keeps_content(node: PageElement) -> bool:
    """Images and skipped elements inside a rewritten paragraph are not its text."""
    if not isinstance(node, Tag):
        return False
    return _skipped(node) or node.name in ("img", "picture") or node.find("img") is not None


def _new_tags(soup: BeautifulSoup, template: _Block, lines: list[str]) -> list[Tag]:
    owner = template.owner
    name = owner.name if owner is not None and owner.name not in ("td", "th") else "p"
    attrs = {k: v for k, v in owner.attrs.items() if k != "id"} if (
        owner is not None and name != "p") else {}
    if owner is not None and owner.name == "p":
        attrs = {k: v for k, v in owner.attrs.items() if k not in ("id", "class")}
    tags = []
    for line in lines:
        tag = soup.new_tag(name, attrs=attrs)
        for node in _content(soup, line):
            tag.append(node)
        tags.append(tag)
    return tags


def _insert_blocks(soup: BeautifulSoup, template: _Block, lines: list[str],
                   before: bool) -> None:
    new_tags = _new_tags(soup, template, lines)
    owner = template.owner
    if owner is not None and owner.name in ("td", "th"):
        # A line added next to a table cell's text becomes a paragraph in that cell.
        for tag in (reversed(new_tags) if before else new_tags):
            if before:
                owner.insert(0, tag)
            else:
                owner.append(tag)
        return
    ref: PageElement = owner if owner is not None else (
        template.nodes[0] if before else template.nodes[-1])
    if before:
        ref.insert_before(*new_tags)
    else:
        ref.insert_after(*new_tags)


def _remove_block(block: _Block) -> None:
    if block.owner is not None and block.owner.name not in ("td", "th"):
        block.owner.decompose()
        return
    for node in block.nodes:
        if not _keeps_content(node):
            node.extract()
