"""Issue 13: a text of any length is checked in bounded memory. A line longer than
PIECE_CHARS is checked as pieces cut between sentences, and a check works through a
long text block by block; neither may change what a draft of ordinary size gets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import proofer.engine as engine_module
from proofer import document
from proofer.checkers.base import DocumentChecker, ParagraphChecker
from proofer.document import PIECE_CHARS, Paragraph, split_paragraphs
from proofer.engine import Engine
from proofer.finding import Category, Finding
from proofer.tokens import words

SENTENCE = "Regeringen vill satsa mer på skolan i hela landet. "


def _one_line(chars: int, sentence: str = SENTENCE) -> str:
    return (sentence * (chars // len(sentence) + 1))[:chars].rstrip()


def _covers(text: str, paragraphs: list[Paragraph]) -> None:
    for p in paragraphs:
        assert text[p.start:p.end] == p.text
    for a, b in zip(paragraphs, paragraphs[1:], strict=False):
        assert text[a.end:b.start] in ("\n", " ")


def test_an_ordinary_line_is_one_paragraph() -> None:
    text = _one_line(PIECE_CHARS) + "\n" + _one_line(300)
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == text.split("\n")


def test_a_long_line_is_cut_between_sentences() -> None:
    text = _one_line(5 * PIECE_CHARS + 123)
    pieces = split_paragraphs(text)
    assert len(pieces) >= 5
    _covers(text, pieces)
    assert all(len(p.text) <= PIECE_CHARS for p in pieces)
    for a, b in zip(pieces, pieces[1:], strict=False):
        assert a.text.endswith("landet.") and b.text.startswith("Regeringen")


def test_a_long_line_without_full_stops_is_cut_before_a_capital() -> None:
    text = _one_line(3 * PIECE_CHARS, "och sedan kom Anna hem igen ")
    pieces = split_paragraphs(text)
    assert len(pieces) >= 3
    _covers(text, pieces)
    assert all(p.text[0] == "A" for p in pieces[1:])


def test_a_line_without_any_capital_or_full_stop_is_cut_at_a_space() -> None:
    text = _one_line(3 * PIECE_CHARS, "och sedan kom hon hem igen ")
    pieces = split_paragraphs(text)
    assert len(pieces) >= 3
    _covers(text, pieces)


def test_a_line_without_spaces_stays_whole() -> None:
    text = "ha" * PIECE_CHARS
    assert [p.text for p in split_paragraphs(text)] == [text]


def test_pieces_of_a_long_line_get_the_findings_the_sentences_get_alone() -> None:
    """The real checkers (spelling, grammar, capitals ...) on a long line whose
    sentences carry errors: what the pieces get is what each sentence gets on its own
    line, shifted."""
    from proofer.checkers.registry import build_engine
    from proofer.settings import Settings

    sentences = ["Regeringen vill satsa mer på skolan i hela landet.",
                 "Hon köpte ett stor hus i Malmö förra året.",
                 "Vi har altid sagt att det blir svårt.",
                 "Polisen kom till platsen efter en timme."]
    line = " ".join(sentences[i % 4] for i in range(4 * (PIECE_CHARS // 150)))
    assert len(split_paragraphs(line)) > 1
    engine = build_engine(Settings(languagetool_mode="off"))
    try:
        whole = {(f.start, f.text, f.rule) for f in engine.check(line).findings}
        alone = {}
        for s in sentences:
            alone[s] = {(f.start, f.text, f.rule) for f in engine.check(s).findings}
    finally:
        engine.close()
    expected = set()
    pos = 0
    for i in range(4 * (PIECE_CHARS // 150)):
        s = sentences[i % 4]
        expected |= {(pos + start, text, rule) for start, text, rule in alone[s]}
        pos += len(s) + 1
    assert any(rule.startswith("grammar") or "stor" in text for _, text, rule in expected)
    assert whole == expected


class _Words(ParagraphChecker):
    """Marks every word of three letters; records the token memo's size per call."""

    name = "words3"
    engine = "test"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def check_paragraph(self, text: str) -> list[Finding]:
        self.seen.append(text)
        return [Finding(t.start, t.end, t.text, Category.STYLE, "words3", "m")
                for t in words(text) if len(t.text) == 3]


class _Count(DocumentChecker):
    name = "count"
    engine = "test"

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        return [Finding(0, 5, text[:5], Category.GRAMMAR, "count", str(len(paragraphs)))]


def test_a_check_block_by_block_finds_what_one_block_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(f"Rad {i}: hon och han gick hem till sin mor." for i in range(200))
    one = Engine([_Words(), _Count()]).check(text).findings
    blocks: list[int] = []
    real = engine_module.shared_per_check

    @contextmanager
    def counted() -> Iterator[None]:
        blocks.append(1)
        with real():
            yield

    monkeypatch.setattr(engine_module, "BLOCK_CHARS", 500)
    monkeypatch.setattr(engine_module, "shared_per_check", counted)
    many = Engine([_Words(), _Count()]).check(text).findings
    assert len(blocks) > 10  # one token memo per block, dropped after it
    assert many == one
    counts = [f.message for f in one if f.rule == "count"]
    assert counts == ["200"]  # the document checker saw every paragraph


def test_the_pieces_are_what_a_batch_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    """paragraph_findings (the batch's workers) and check() cut a line alike, so that
    what one worker found is what the file's check looks up."""
    monkeypatch.setattr(document, "PIECE_CHARS", 200)
    line = " ".join(f"Mening nummer {i} handlar om skolan." for i in range(40))
    checker = _Words()
    engine = Engine([checker])
    shared = engine.paragraph_findings([p.text for p in split_paragraphs(line)])
    assert len(shared["words3"]) > 3
    checker.seen.clear()
    engine.check(line)
    assert checker.seen == []  # every piece found in the cache
