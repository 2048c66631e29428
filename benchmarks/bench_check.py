"""How fast is the built-in check, against a bare Hunspell pass measured in the same run?

    .venv/bin/python benchmarks/bench_check.py [--words 10000] [--per-checker]
                                               [--cpu | --thread]

Builds a Swedish draft of about 10,000 words from the seed article and the dev
set's injected texts (paragraphs shuffled with a fixed seed, repeated if needed)
and prints:

* the bare baseline: enchant.Dict("sv_SE").check on every word token, no cache;
* the full built-in check (LanguageTool off) on a freshly built engine, i.e. with
  cold paragraph and speller caches (resources loaded once per process, such as the
  frequency list, are warmed first, since a running editor has them);
* their ratio (target: full <= 3x bare), and whether the word table of Hunspell's
  verdicts (proofer/word_table.py, built by `python -m proofer prepare`) was used,
  with the full check's time without it;
* the time to re-check after a one-word edit in that draft (target < 20 ms);
* with --per-checker, what each checker costs on its own (cold), and what each
  costs in the re-check after the edit (document checkers run every time).

Each figure is the best of --repeat runs (the machine may be shared; noise only adds).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proofer import frequency, suggestions, tokens  # noqa: E402
from proofer.checkers import name_consistency, names  # noqa: E402
from proofer.checkers.registry import build_checkers, build_engine  # noqa: E402
from proofer.checkers.spelling import SpellingChecker  # noqa: E402
from proofer.engine import Engine  # noqa: E402
from proofer.grammar import matcher  # noqa: E402
from proofer.morph import apertium, stream  # noqa: E402
from proofer.names import keyboard  # noqa: E402
from proofer.settings import Settings  # noqa: E402
from proofer.speller import Speller  # noqa: E402
from proofer.tokens import words  # noqa: E402

SHARED = ROOT.parent / "shared"
# Wall time by default; --cpu measures this process's CPU time instead, which other
# busy processes on a shared machine disturb far less (the ratio is what counts);
# --thread only the main thread's (the morphology reads the tools' output in a
# thread of its own, which runs on the other core: on two cores a check's wall time
# is mostly the main thread).
_CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time, "thread": time.thread_time}
_clock = _CLOCKS["wall"]
TARGET_RATIO = 3.0
TARGET_EDIT_MS = 20.0
TARGET_GRAMMAR_MS = 100.0
TARGET_MORPH_SHARE = 2.0  # seconds: issue 10's budget for the grammar engine
# The grammar, style and consistency pass: everything but spelling, names and the
# encoding check (and LanguageTool, which is off here).
GRAMMAR_PASS = ("split_compounds", "grammar_rules", "consistency", "rules",
                "artifacts")


def build_draft(n_words: int, seed: int = 2026) -> str:
    sources = sorted((SHARED / "seed").glob("*.txt"))
    sources += sorted((SHARED / "eval" / "dev" / "injected").glob("*.txt"))
    if not sources:
        sys.exit(f"bench_check: hittar inga texter under {SHARED}")
    paragraphs = [line for p in sources
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < n_words:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for para in batch:
            out.append(para)
            count += sum(1 for _ in words(para))
            if count >= n_words:
                break
    return "\n".join(out) + "\n"


def bare_hunspell(word_tokens: list[str]) -> float:
    import enchant

    d = enchant.Dict("sv_SE")
    t0 = _clock()
    for w in word_tokens:
        d.check(w)
    return _clock() - t0


def clear_process_caches() -> None:
    """Module-level caches survive a new engine; a cold run must not profit. Every
    cache keyed by words or paragraphs is cleared (tables built once per process,
    such as the keyboard layout or the frequency list, stay)."""
    frequency.zipf.cache_clear()
    frequency.foreign_zipf.cache_clear()
    tokens.clear_caches()
    suggestions.keyboard_distance.cache_clear()
    keyboard.slip_cost.cache_clear()
    names._letter_bag_diff.cache_clear()
    name_consistency.name_key.cache_clear()
    clear_grammar_caches()


def clear_grammar_caches() -> None:
    """The morphology's analyses (by paragraph, by piece of text, by word form, its
    compound guesses) and the matcher's prepared word forms: the shared morphology
    outlives an engine, and a cold check must send the text through the Apertium
    tools again. The tools themselves keep running, as in an editor after its first
    check."""
    morph = _shared_morphology()
    if morph is not None:
        morph._cache.clear()
        morph._huge.clear()
        morph._guesses.clear()
        morph._lexed.clear()  # the analyser's output by piece of text
        morph._windows.clear()  # CG-3's output by sentence window
    stream.analyses.cache_clear()
    apertium._readings.cache_clear()
    matcher._FORMS.clear()
    matcher._TAG_FACTS.clear()  # the tag sequences' sets and keys
    matcher._TESTS.clear()  # each rule element's compiled test


def _shared_morphology():  # -> ApertiumMorphology | None
    import proofer.morph

    return proofer.morph._shared


def full_check(text: str, settings: Settings, table: bool = True) -> tuple[float, Engine]:
    clear_process_caches()
    engine = build_engine(settings)
    if not table:  # as on a machine where `proofer prepare` never ran
        _speller(engine).use_table(None)
    t0 = _clock()
    engine.check(text)
    return _clock() - t0, engine


def without_grammar(text: str, settings: Settings) -> float:
    """The full check with the grammar engine's checker left out (cold, like
    full_check): the difference to the full check is the grammar engine's share."""
    clear_process_caches()
    engine = Engine([c for c in build_checkers(settings) if c.name != "grammar_rules"])
    t0 = _clock()
    engine.check(text)
    secs = _clock() - t0
    engine.close()
    return secs


def _speller(engine: Engine) -> Speller:
    return next(c.speller for c in engine.checkers if isinstance(c, SpellingChecker))


def grammar_pass(text: str, settings: Settings) -> tuple[float, float]:
    """The grammar/style/consistency checkers alone: cold (fresh speller, caches
    cleared), and as part of a full check, i.e. after the spelling checker has
    tokenized the paragraphs and asked the (shared) speller about their words."""
    clear_process_caches()
    engine = Engine([c for c in build_checkers(settings) if c.name in GRAMMAR_PASS])
    t0 = _clock()
    engine.check(text)
    cold = _clock() - t0
    engine.close()
    clear_process_caches()
    checkers = build_checkers(settings)
    Engine([c for c in checkers if c.name == "spelling"]).check(text)
    engine = Engine([c for c in checkers if c.name in GRAMMAR_PASS])
    t0 = _clock()
    engine.check(text)
    after_spelling = _clock() - t0
    for c in checkers:
        c.close()
    return cold, after_spelling


def one_word_edit(text: str) -> str:
    """Change one word in the middle paragraph, as a reporter fixing a typo would."""
    lines = text.split("\n")
    mid = len(lines) // 2
    while not lines[mid].strip():
        mid += 1
    toks = list(words(lines[mid]))
    tok = toks[len(toks) // 2]
    lines[mid] = lines[mid][:tok.start] + tok.text + "x" + lines[mid][tok.end:]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best)")
    ap.add_argument("--per-checker", action="store_true")
    ap.add_argument("--cpu", action="store_true",
                    help="time with process CPU time instead of wall time (shared machines)")
    ap.add_argument("--thread", action="store_true",
                    help="time with the main thread's CPU time (without the morphology's "
                         "reading thread)")
    args = ap.parse_args()
    global _clock
    clock = "thread" if args.thread else "cpu" if args.cpu else "wall"
    _clock = _CLOCKS[clock]

    text = build_draft(args.words)
    words_only = [t.text for t in words(text)]
    n = len(words_only)
    settings = Settings(languagetool_mode="off")
    # Warm what a running program has loaded once (frequency lists, dictionaries).
    warm = build_engine(settings)
    warm.check("Regeringen sgäer att Frderik Johanssomn kmmer i morgon.")
    warm.close()

    # Interleaved, and the best of several runs of each: the machine may be shared,
    # and noise only ever adds.
    has_table = _speller(warm).has_table
    bares, fulls, grammars, grammars_shared, no_tables, no_grammar = [], [], [], [], [], []
    engine = None
    for _ in range(args.repeat):
        bares.append(bare_hunspell(words_only))
        no_grammar.append(without_grammar(text, settings))
        if has_table:
            secs, plain = full_check(text, settings, table=False)
            plain.close()
            no_tables.append(secs)
        cold, shared = grammar_pass(text, settings)
        grammars.append(cold)
        grammars_shared.append(shared)
        if engine is not None:
            engine.close()
        secs, engine = full_check(text, settings)
        fulls.append(secs)
    bare, full = min(bares), min(fulls)
    grammar_ms, grammar_shared_ms = min(grammars) * 1000, min(grammars_shared) * 1000
    assert engine is not None

    edited = one_word_edit(text)
    edits = []
    for i in range(max(args.repeat, 5)):
        variant = edited if i % 2 == 0 else text
        t0 = _clock()
        engine.check(variant)
        edits.append(_clock() - t0)
    edit_ms = min(edits) * 1000
    engine.close()

    ratio = full / bare
    what = {"wall": "wall", "cpu": "CPU", "thread": "main thread's CPU"}[clock]
    print(f"draft: {n} word tokens, {text.count(chr(10))} paragraphs; "
          f"{what} time, best of {args.repeat}")
    print(f"bare pyenchant check : {bare * 1000:8.1f} ms  {n / bare:10.0f} words/s")
    print(f"full built-in check  : {full * 1000:8.1f} ms  {n / full:10.0f} words/s "
          "(LanguageTool off, cold engine)")
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"ratio full/bare      : {ratio:8.2f}x   (target <= {TARGET_RATIO:.0f}x) {verdict}")
    if has_table:
        plain = min(no_tables)
        print(f"  word table         : used (proofer/word_table.py); without it the full check "
              f"takes {plain * 1000:.1f} ms, {plain / bare:.2f}x bare")
    else:
        print("  word table         : MISSING (run `python -m proofer prepare`): every word "
              "goes to Hunspell")
    share = full - min(no_grammar)
    verdict = "OK" if share <= TARGET_MORPH_SHARE else "OVER TARGET"
    print(f"grammar engine share : {share * 1000:8.1f} ms  (the full check minus the full check "
          f"without grammar_rules, {min(no_grammar) * 1000:.1f} ms; issue 10: <= "
          f"{TARGET_MORPH_SHARE:.0f} s) {verdict}")
    verdict = "OK" if edit_ms < TARGET_EDIT_MS else "OVER TARGET"
    print(f"re-check after edit  : {edit_ms:8.1f} ms  (target < {TARGET_EDIT_MS:.0f} ms) {verdict}")
    print(f"grammar pass         : {' + '.join(GRAMMAR_PASS)}")
    verdict = "OK" if grammar_shared_ms < TARGET_GRAMMAR_MS else "OVER TARGET"
    bare_ms = bare * 1000
    share = grammar_shared_ms / bare_ms
    print(f"  in a full check    : {grammar_shared_ms:8.1f} ms  {share:5.2f}x "
          f"bare  (target < {TARGET_GRAMMAR_MS:.0f} ms) {verdict}  (tokens and speller shared "
          "with spelling)")
    print(f"  alone, all cold    : {grammar_ms:8.1f} ms  {grammar_ms / bare_ms:5.2f}x bare  "
          "(own tokenizing and Hunspell calls)")

    if args.per_checker:
        print("per checker (cold, alone):")
        for checker in build_checkers(settings):
            clear_process_caches()
            solo = Engine([checker])
            t0 = _clock()
            solo.check(text)
            secs = _clock() - t0
            t0 = _clock()
            solo.check(edited)
            again = (_clock() - t0) * 1000
            print(f"  {checker.name:<20} {secs * 1000:8.1f} ms  {secs / bare:6.2f}x bare   "
                  f"re-check {again:6.1f} ms")
            solo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
