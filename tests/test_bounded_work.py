"""Issue 13: no word or paragraph a draft contains can take the tool down. Each test
here failed before its fix: a search that grew with the square or cube of a word's
length, or a scan that made a long paragraph quadratic.

The deadlines are no speed targets (those live in benchmarks/): they are twenty or
more times what the work takes now, and far less than it took before (minutes to
hours, or the memory of the machine)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from proofer import suggestions
from proofer.checkers.consistency import ConsistencyChecker
from proofer.checkers.spelling import SpellingChecker
from proofer.document import split_paragraphs
from proofer.finding import Severity
from proofer.speller import Speller
from proofer.tokens import tokenize


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging the suite (SIGALRM: the main thread, POSIX)."""
    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"did not finish in {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _refuse_long(real):
    def guarded(word: str, *args: object) -> object:
        assert len(word) <= suggestions.LONGEST_EDITED, f"edits of a {len(word)}-letter word"
        return real(word, *args)
    return guarded


@pytest.fixture
def no_long_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Generating the edits of an over-long word fails the test."""
    for name in ("edits1", "_near_edits", "_typo_edits"):
        monkeypatch.setattr(suggestions, name, _refuse_long(getattr(suggestions, name)))


@pytest.mark.usefixtures("no_long_edits")
@pytest.mark.parametrize("word", ["ha" * 100, "Ha" + "ha" * 99, "tv-" + "ha" * 100,
                                  "ha" * 5_000])
def test_a_long_word_is_a_hint_without_any_edit_search(speller: Speller, word: str) -> None:
    text = f"Hon skrattade {word} och gick."
    found = SpellingChecker(speller).check_paragraph(text)
    for f in found:
        assert text[f.start:f.end] == f.text
    assert [f.severity for f in found] == [Severity.INFO]  # a hint, no claim
    if word.islower():
        assert found[0].rule == "spelling.very-long-word"
        assert "långt ord" in found[0].message


@pytest.mark.usefixtures("no_long_edits")
@pytest.mark.parametrize("generate", [
    suggestions.listed_candidates, suggestions.two_slip_candidates,
    suggestions.stray_letter_candidates, suggestions.compound_candidates])
def test_candidate_generators_give_nothing_for_an_over_long_word(generate) -> None:
    asked: list[str] = []
    assert generate("ha" * 1_000, lambda w: asked.append(w) or True) == set()
    assert asked == []


@pytest.mark.usefixtures("no_long_edits")
def test_speller_suggests_nothing_for_an_over_long_word(speller: Speller) -> None:
    assert speller.suggest("ha" * 1_000) == []
    assert speller.close_candidates("Ha" * 1_000) == []


def test_a_word_just_within_the_limit_still_gets_suggestions(speller: Speller) -> None:
    word = "kommunfullmäktigeordförandeposten"  # 33 letters, one real slip below
    slip = word.replace("ordförande", "ordfröande")
    assert len(slip) <= suggestions.LONGEST_EDITED
    assert word in speller.suggest(slip)


def test_consistency_leaves_over_long_tokens_out(speller: Speller) -> None:
    """Each form's probes are its deletions: 10,000 letters made 10,000 strings of
    10,000 letters (28 s and 2 GB per such word)."""
    text = "Regeringen har sagt nej. " + "Ha" * 5_000 + " och " + "ha" * 5_001 + "."
    checker = ConsistencyChecker(speller)
    with deadline(30):
        checker.check_document(text, split_paragraphs(text))
    assert all(len(k) <= 60 for k in checker._forms)
    assert "regeringen" in checker._forms


@pytest.mark.parametrize("run", ["_", ".", "+", "a_", "-."])
def test_tokenizing_a_long_run_without_an_at_sign_is_linear(run: str) -> None:
    """The e-mail pattern was tried, and scanned to the end of the run, at every
    position of it: 20,000 underscores took 6 s, a megabyte hours."""
    text = run * (1_000_000 // len(run))
    with deadline(30):
        tokens = list(tokenize(text))
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_an_e_mail_address_is_still_one_token() -> None:
    for text, address in [("Mejla red@dn.se nu", "red@dn.se"),
                          ("(anna.b+nyheter@svt.se)", "anna.b+nyheter@svt.se"),
                          ("skriv till __x@y.se", "__x@y.se")]:
        emails = [t.text for t in tokenize(text) if t.kind == "email"]
        assert emails == [address]


def test_grammar_rules_on_a_long_token_list() -> None:
    """The matcher walks every rule from every token: a paragraph of 100,000 tokens
    (a pasted document without line breaks) must take time in proportion, not
    its square."""
    from dataclasses import replace as _replace

    from proofer.grammar import GrammarRuleSet, load_grammar_files
    from proofer.morph import get_morphology

    morph = get_morphology()
    unit = "Vi ska ger dem en chans och han har åkte hem, sa han till de. Huset är stor. "
    one_tokens = morph.analyse(unit)
    rules = GrammarRuleSet(load_grammar_files()[0])
    one = rules.check(unit, one_tokens, morph.generate, morph.analyse)
    assert one  # the unit has slips, so the long list exercises the rules
    n = 100_000 // len(one_tokens)
    tokens = [_replace(t, start=t.start + k * len(unit), end=t.end + k * len(unit))
              for k in range(n) for t in one_tokens]
    with deadline(60):
        many = rules.check(unit * n, tokens, morph.generate, morph.analyse)
    assert len(many) == n * len(one)


def test_the_grammar_analyser_never_gets_an_over_long_token() -> None:
    """Apertium's time grows far faster than a token's length (6,000 letters: 10 s);
    the checker sends such a token as "X" and spaces, offsets unchanged."""
    from proofer.checkers.grammar import GrammarChecker

    checker = GrammarChecker()
    morph = checker.morphology()
    if morph is None:
        pytest.skip(f"no morphology here: {checker.status()}")
    sent: list[str] = []
    real = morph.analyse

    class Spy:
        def __getattr__(self, name: str) -> object:
            return getattr(morph, name)

        def analyse(self, paragraph: str):  # type: ignore[no-untyped-def]
            sent.append(paragraph)
            return real(paragraph)

    checker._morph = Spy()
    text = "Hon sa " + "ha" * 3_000 + " att det var ett stora hus."
    found = checker.check_paragraph(text)
    assert len(sent[0]) == len(text)
    assert max(len(w) for w in sent[0].split()) <= 60
    for f in found:
        assert text[f.start:f.end] == f.text


def test_a_long_token_in_a_whole_check_leaves_the_morphology_up() -> None:
    """The engine's prepare() sent paragraphs to Apertium unmasked: a 10,000-letter
    token made it time out, and the shared morphology stayed "unavailable" for every
    later check (found by tests/test_fuzz_long.py)."""
    from proofer.checkers.registry import build_engine
    from proofer.morph import get_morphology
    from proofer.settings import Settings

    engine = build_engine(Settings(languagetool_mode="off"))
    try:
        engine.check("Hon sa " + "ha" * 5_000 + " i dag.\nDet var ett stora hus.")
    finally:
        engine.close()
    assert get_morphology().status == "ok"


def test_many_name_near_misses_in_one_paragraph_are_linear(speller: Speller) -> None:
    """Each near-miss was compared with every one taken before it: 20,000 of them
    in one fuzzed paragraph took minutes."""
    from proofer.checkers.names import NameChecker
    from proofer.names.model import Entry
    from proofer.names.store import NameStore

    checker = NameChecker(NameStore([Entry("Fredrik Johansson", "person")]), speller)
    text = " ".join(["Hon mötte Frderik Johanssomn i går."] * 20_000)
    with deadline(60):
        found = [f for f in checker.check_paragraph(text) if f.rule == "names.near-miss"]
    assert len(found) == 40_000  # both words, every time
    assert {f.suggestions for f in found} == {("Fredrik",), ("Johansson",)}


def test_many_sentence_ends_in_one_paragraph_are_linear(speller: Speller) -> None:
    """The capitals checker copied the tokens before each word after a full stop to
    find the word before it: quadratic in a long paragraph of short sentences."""
    from proofer.checkers.capitals import CapitalsChecker

    checker = CapitalsChecker(speller)
    text = " ".join(["Det regnar. men vi går ut."] * 40_000)
    with deadline(30):
        found = [f for f in checker.check_paragraph(text)
                 if f.rule == "capitals.sentence-start"]
    assert len(found) == 40_000
