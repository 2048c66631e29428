"""HTML drafts: the article's text, one block element per line.

What counts as text: the largest <article> if there is one, else <main>, else
<body>. Inside it, scripts, styles, forms, navigation, asides, footers, cookie and
browser notices (by class/id/role), hidden elements and site headers are skipped; a
<header> inside an <article> is kept because it holds the headline and the lead.
Every block element (p, h1-h6, li, td, figcaption, ...) with text becomes one line;
whitespace collapses as a browser would, and <br> becomes LINE_SEP, which the
checkers treat as a line end of its own (document.split_paragraphs).

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
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
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
            edits.append(_source_set_text(pos, block, new))
    return edits


def _source_set_text(pos: Positions, block: _Block, new: str) -> tuple[int, int, str]:
    seg, text = _confined_edit(block, new)
    if seg is not None:
        start, end = pos.span(seg.node)
        return start, end, _escape(text)
    start, end = pos.inner(block.owner) if block.owner is not None else (
        pos.span(block.nodes[0])[0], pos.span(block.nodes[-1])[1])
    # Everything in the element that is not its text stays: images, and the
    # skipped children (a script in a paragraph) that are not among the block's nodes.
    children = list(block.owner.children) if block.owner is not None else block.nodes
    kept = "".join(pos.source[slice(*pos.span(n))] for n in children
                   if _keeps_content(n))
    return start, end, "<br>".join(_escape(p) for p in new.split(LINE_SEP)) + kept


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


def _confined_edit(block: _Block, new: str) -> tuple[_Segment | None, str]:
    """The one text node that holds the whole edit, and its new source text."""
    pieces = [s.text for s in block.segments]
    start, old_end, new_end = changed_span(block.text, new)
    i = locate(pieces, start, old_end)
    replacement = new[start:new_end]
    if i is None or pieces[i] == LINE_SEP or LINE_SEP in replacement:
        return None, ""
    seg = block.segments[i]
    offset = sum(len(p) for p in pieces[:i])
    original = str(seg.node)
    a, b = seg.starts[start - offset], seg.starts[old_end - offset]
    return seg, original[:a] + replacement + original[b:]


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
            segs.append(_collapsed(node))

    for node in nodes:
        visit(node)
    # Collapse as a browser does: no space at the start, after a space or a line
    # break, nor at the end or before a line break.
    last = ""
    for i, seg in enumerate(segs):
        if seg.text == LINE_SEP:
            _trim_end(segs, i)
        elif seg.text.startswith(" ") and last in ("", " ", LINE_SEP):
            seg.text, seg.starts = seg.text[1:], seg.starts[1:]
        if seg.text:
            last = seg.text[-1]
    _trim_end(segs, len(segs))
    return segs


def _collapsed(node: NavigableString) -> _Segment:
    original = str(node)
    text: list[str] = []
    starts: list[int] = []
    pos = 0
    for m in _HTML_SPACE.finditer(original):
        text.append(original[pos:m.start()])
        starts.extend(range(pos, m.start()))
        text.append(" ")
        starts.append(m.start())
        pos = m.end()
    text.append(original[pos:])
    starts.extend(range(pos, len(original)))
    starts.append(len(original))
    return _Segment(node, "".join(text), starts)


def _trim_end(segs: list[_Segment], upto: int) -> None:
    for seg in reversed(segs[:upto]):
        if seg.text == LINE_SEP:
            return
        if seg.text.endswith(" "):
            seg.text, seg.starts = seg.text[:-1], seg.starts[:-2] + [seg.starts[-2]]
        if seg.text:
            return


def _set_text(soup: BeautifulSoup, block: _Block, new: str) -> None:
    seg, text = _confined_edit(block, new)
    if seg is not None:
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
