"""Swedish morphology from Apertium: analyser -> CG-3 -> HMM tagger, and its generator.

Debian's apertium-swe-nor ships the most complete Swedish analyser packaged anywhere
(swe-nob.automorf.bin; measured against apertium-swe-dan's in benchmarks/README.md),
the CG-3 disambiguation grammar and tagger model trained for it, and the Swedish
generator (nor-swe.autogen.bin). apertium-swe-dan's files are the fall-back.

Between the analyser and Apertium's CG-3 grammar runs our own (resources/grammar/
disambiguation/swedish.cg3): Swedish facts that grammar gets wrong ("han åt middag" is
not the preposition "åt"), as CG-3 rules in a data file like the rest of the grammar.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from proofer.morph import compounds
from proofer.morph.disambiguation import combined_grammar
from proofer.morph.lexer_cache import LONGEST_PIECE, MAX_PIECES, Junctions
from proofer.morph.model import Reading, TaggedToken
from proofer.morph.process import NullFlushPipeline, PipelineError
from proofer.morph.sentence_ends import split_number_stops
from proofer.morph.stream import (
    Part,
    escape,
    join_hyphen_compounds,
    maker,
    pairs,
    prefer,
    split_fields,
    unescape,
)
from proofer.morph.stream import analyses as parse_analyses
from proofer.morph.window_cache import WindowCache
from proofer.text_cache import TextCache, known_and_new

if TYPE_CHECKING:
    from proofer.speller import Speller

log = logging.getLogger(__name__)

DATA_ROOT = Path("/usr/share/apertium")
# Our own CG-3 rules, run before Apertium's grammar (the file says why).
OUR_GRAMMAR = (Path(__file__).resolve().parents[2] / "resources" / "grammar" / "disambiguation"
               / "swedish.cg3")
TOOLS = ("lt-proc", "cg-proc", "apertium-tagger")
CACHE_SIZE = 5_000  # paragraphs; an article has hundreds, an editor keeps a few open
# A paragraph longer than this goes to the tools in pieces cut at sentence ends: the
# tools' time per chunk stays bounded (their time-out counts from the last output),
# and a megabyte-long paragraph streams like an article of short ones.
PIECE_CHARS = 20_000
# Background analysis (submit): paragraphs per round trip, and how far the worker
# may run ahead of the checker asking for them (both in characters).
BATCH_CHARS = 20_000
LOOKAHEAD_CHARS = 200_000
# ... and their total length: an analysis costs about 50-150 bytes per character of
# its paragraph, so this keeps the cache near 100 MB (proofer.text_cache says why).
CACHE_CHARS = 1_000_000
# Paragraphs too long for the cache whose analyses are kept anyway, the last ones
# analysed (an analysis costs 50-150 bytes per character: two of 300 kB, ~60 MB).
HUGE_KEPT = 2
# After the tools stopped answering (a time-out under load, a crash), how long until
# they are tried again: without it one time-out turned the grammar off for the rest
# of the session, since nothing asks a morphology whose status is not "ok".
RETRY_AFTER = 30.0  # seconds
# The tagger's choices must not depend on what it tagged before (a paragraph's
# findings would depend on the order of checks, and cached results on history), but
# apertium-tagger keeps state: a unit whose set of tags the model never saw is scored
# as the smallest known set containing it, and the function that finds that set
# (tagger_utils::find_similar_ambiguity_class) assigns it through a reference to the
# model's "open class" (the tags an unknown word may have), so each such unit narrows
# the open class for the rest of the process. A news text has such units in most
# paragraphs ("och", "som", "en"), so the first few paragraphs decided how the rest
# of the session was tagged (104 of 546 dev and news paragraphs were tagged
# differently in another order). This unit (adjective or past tense, a set the model
# does not know) narrows it at once to the known set {ADJ, VBLEXDA, VBLEXPART}, the
# forms an unknown word most often has after the compound fall-back; from three tags
# it can never narrow again (an unknown set has at least two tags, and only a known
# set smaller than the open class and containing it can replace it), so every
# process tags every paragraph from the same state: the state the old code reached
# after its first few paragraphs, with the same scorer figures on every set.
# tests/test_morph_determinism.py checks it.
TAGGER_PRIME = ("^lyckades/lyckad<adj><pst><un><pl><ind><gen>/lyckas<vblex><past><pasv>$"
                " ^./.<sent><clb>$\n")
# Homonym marks the dictionary puts on lemmas ("vara¹"): not part of the word.
_HOMONYM = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")
# Whether a string has one (str.translate costs ~5,000 instructions for a short
# word; a search of the whole analysis string for one a fraction of that).
_HAS_HOMONYM = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]").search


@dataclass(frozen=True)
class DataFiles:
    analyser: Path
    grammar: Path
    tagger: Path
    generator: Path


CANDIDATES = (
    DataFiles(
        DATA_ROOT / "apertium-swe-nor/swe-nob.automorf.bin",
        DATA_ROOT / "apertium-swe-nor/swe-nor.rlx.bin",
        DATA_ROOT / "apertium-swe-nor/swe-nor.prob",
        DATA_ROOT / "apertium-swe-nor/nor-swe.autogen.bin",
    ),
    DataFiles(
        DATA_ROOT / "apertium-swe-dan/swe-dan.automorf.bin",
        DATA_ROOT / "apertium-swe-dan/swe-dan.rlx.bin",
        DATA_ROOT / "apertium-swe-dan/swe-dan.prob",
        DATA_ROOT / "apertium-swe-dan/dan-swe.autogen.bin",
    ),
)


def find_data(candidates: Sequence[DataFiles] = CANDIDATES) -> DataFiles | str:
    """The first complete set of data files, or why there is none (in Swedish)."""
    missing_tools = [t for t in TOOLS if shutil.which(t) is None]
    if missing_tools:
        return ("saknar " + ", ".join(missing_tools)
                + " (Debian-paketen lttoolbox, cg3 och apertium)")
    for files in candidates:
        if all(p.is_file() for p in vars(files).values()):
            return files
    return "saknar Apertiums svenska data (Debian-paketet apertium-swe-nor)"


class ApertiumMorphology:
    def __init__(self, files: DataFiles | str | None = None,
                 speller: Speller | None = None, compound_guesses: bool = True) -> None:
        """`speller` answers for the compound fall-back (one is made when needed);
        `compound_guesses=False` turns the fall-back off (for measuring it)."""
        files = find_data() if files is None else files
        self._speller: Speller | Literal[False] | None = speller if compound_guesses else False
        # Compound guesses per unknown word form: readings, known, source.
        self._guesses: dict[str, tuple[tuple[Reading, ...], bool, str]] = {}
        self._cache: TextCache[tuple[TaggedToken, ...]] = TextCache(CACHE_SIZE, CACHE_CHARS)
        # The last paragraphs too long for the cache (TextCache keeps none over a
        # share of its budget): the checkers of one check ask for the same paragraph
        # one after the other (grammar, split compounds, capitals), and without
        # these a 300 kB paragraph went through the tools once for each of them.
        self._huge: OrderedDict[str, tuple[TaggedToken, ...]] = OrderedDict()
        self._cache_lock = threading.Lock()
        # Background analysis (submit): what waits for the worker, what it is doing,
        # what it has done that nobody asked for yet; one condition over all of it.
        self._changed = threading.Condition(self._cache_lock)
        self._queued: dict[str, None] = {}
        self._in_flight: set[str] = set()
        # paragraph -> its tokens, and whether the round trip went well (a failed one
        # is handed out, all words unknown, but not cached)
        self._ready: dict[str, tuple[tuple[TaggedToken, ...], bool]] = {}
        self._ready_chars = 0
        self._waiting = 0
        self._worker: threading.Thread | None = None
        self._generated: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        self._failed_at: float | None = None  # when the tools last stopped answering
        _instances.add(self)
        if isinstance(files, str):
            self.status = f"unavailable: {files}"
            self._lexer = self._analyser = self._tagger = self._words = self._generator = None
            self._junctions = None
            return
        self.status = "ok"
        self.files = files
        # CG-3's output goes to the tagger through us: the tagger's -f (all analyses,
        # its choice first) garbles compound analyses ("a<cmp>/b<cmp>+/c"), so its
        # choice is read on its own and put first among what CG-3 left.
        # The analyser runs on its own: its output is put together from the pieces of
        # the text it has seen (proofer.morph.lexer_cache), and only new pieces go to it.
        self._lexer = NullFlushPipeline([["lt-proc", "-z", "-w", "-e", str(files.analyser)]])
        self._junctions: Junctions | None | Literal[False] = False  # read on first use
        self._lexed: dict[str, str] = {}
        # CG-3's output by sentence window (proofer.morph.window_cache)
        self._windows = WindowCache()
        # Our rules and Apertium's in one CG-3 process where that gives the same
        # output (proofer.morph.disambiguation), else one process each.
        combined = (combined_grammar(OUR_GRAMMAR, files.grammar)
                    if OUR_GRAMMAR.is_file() else None)
        stages = []
        if combined is not None:
            stages.append(["cg-proc", "-z", str(combined)])
        else:
            if OUR_GRAMMAR.is_file():
                stages.append(["cg-proc", "-z", str(OUR_GRAMMAR)])
            stages.append(["cg-proc", "-z", str(files.grammar)])
        self._analyser = NullFlushPipeline(stages)
        self._tagger = NullFlushPipeline([
            ["apertium-tagger", "-z", "-g", "-p", str(files.tagger)],
        ], prime=TAGGER_PRIME)
        self._words = NullFlushPipeline([["lt-proc", "-z", "-w", str(files.analyser)]])
        self._generator = NullFlushPipeline([["lt-proc", "-z", "-g", str(files.generator)]])

    @property
    def status(self) -> str:
        """"ok" or "unavailable: <reason>". Tools that stopped answering read as
        "ok" again once RETRY_AFTER has passed, so that the next check tries them;
        its round trip sets the status again, either way."""
        if self._failed_at is not None and time.monotonic() - self._failed_at >= RETRY_AFTER:
            return "ok"
        return self._status

    @status.setter
    def status(self, value: str) -> None:
        self._status = value
        self._failed_at = None

    @property
    def available(self) -> bool:
        return self._analyser is not None

    def pipelines(self) -> list[NullFlushPipeline]:
        """The tool processes this morphology drives (benchmarks read their CPU)."""
        return [p for p in (self._lexer, self._analyser, self._tagger, self._words,
                            self._generator) if p is not None]

    def close(self) -> None:
        for p in self.pipelines():
            p.close()

    # -- analysis ---------------------------------------------------------------

    def analyse(self, paragraph: str) -> list[TaggedToken]:
        return self.analyse_many([paragraph])[0]

    def analyse_many(self, paragraphs: Sequence[str]) -> list[list[TaggedToken]]:
        """analyse() for several paragraphs, the uncached ones sent to the tools in
        one stream (a cold check of a whole article costs one round trip)."""
        found = self._from_worker(paragraphs)
        with self._cache_lock:
            for p in paragraphs:
                if p in found:
                    continue
                hit = self._recall(p)
                if hit is not None:
                    found[p] = hit
        missing = [p for p in dict.fromkeys(paragraphs) if p not in found]
        if missing:
            fresh = self._analyse_uncached(missing)
            # A failed round trip leaves every word unknown: that is no analysis
            # of these paragraphs, and must not stand for one once the tools are back.
            keep = self._status == "ok"
            with self._cache_lock:
                for p, tokens in zip(missing, fresh, strict=True):
                    found[p] = tokens
                    if keep:
                        self._remember(p, tokens)
        return [list(found[p]) for p in paragraphs]

    def _recall(self, paragraph: str) -> tuple[TaggedToken, ...] | None:
        """The kept analysis of a paragraph (call with the cache's lock held)."""
        hit = self._cache.get(paragraph)
        if hit is None:
            hit = self._huge.get(paragraph)
        return hit

    def _remember(self, paragraph: str, tokens: tuple[TaggedToken, ...]) -> None:
        """Keep an analysis: in the cache, or among the last HUGE_KEPT paragraphs too
        long for it (call with the cache's lock held)."""
        if len(paragraph) <= self._cache.max_item_chars:
            self._cache.put(paragraph, tokens)
            return
        self._huge[paragraph] = tokens
        self._huge.move_to_end(paragraph)
        while len(self._huge) > HUGE_KEPT:
            self._huge.popitem(last=False)

    # -- background analysis ------------------------------------------------------

    def start(self) -> None:
        """Start the tools now, so that the first check does not wait for them to
        load their data (the command line calls it from a thread while it loads
        its own tables)."""
        for pipe in self.pipelines():
            pipe.start()

    def use_speller(self, speller: Speller) -> None:
        """Answer the compound fall-back's "does Hunspell know this word" with this
        speller (the engine's, with its table of Hunspell's verdicts: the same
        answers) instead of loading a dictionary of its own; only if none is set."""
        if self._speller is None:
            self._speller = speller

    def submit(self, paragraphs: Sequence[str]) -> None:
        """Analyse these paragraphs in a background thread, batch by batch, while the
        caller does other work (the tools run in their own processes); analyse() of
        one of them then waits for its batch instead of analysing it again. The
        worker keeps at most LOOKAHEAD_CHARS of results nobody has asked for."""
        with self._changed:
            for p in paragraphs:
                if (p not in self._queued and p not in self._in_flight
                        and p not in self._ready and self._recall(p) is None):
                    self._queued[p] = None
            if self._queued and self._worker is None:
                self._worker = threading.Thread(target=self._work, name="apertium-analyse",
                                                daemon=True)
                self._worker.start()

    def stop_background(self) -> None:
        """Drop what waits for the background analysis and wait for the batch in
        hand to be done: the process is about to fork (batch workers). A fork copies
        a thread's locks but not the thread: a worker forked while this one held the
        tools' or the speller's lock waited on it for good, and one forked while it
        merely ran believed it ran still and waited for its results for good (what
        CI saw: the batch tests hung). The dropped paragraphs are analysed when asked
        for."""
        with self._changed:
            self._queued.clear()
            self._changed.notify_all()
            while self._worker is not None:
                self._changed.wait(timeout=1)

    def _forked(self) -> None:
        """In a forked child: the background analysis is the parent's. Fresh locks
        and no worker, whatever the parent's thread was doing at the fork (the
        second line of defence behind stop_background); the results in hand stay.
        (The tools' pipelines reset themselves: proofer.morph.process.)"""
        self._cache_lock = threading.Lock()
        self._changed = threading.Condition(self._cache_lock)
        self._queued = {}
        self._in_flight = set()
        self._waiting = 0
        self._worker = None

    def _work(self) -> None:
        try:
            while True:
                with self._changed:
                    # Far enough ahead: wait until the checker takes results or waits
                    # for one (a checker slow to come, e.g. behind a long spelling
                    # pass over a million words, finds the rest still queued).
                    while (self._queued and self._ready_chars >= LOOKAHEAD_CHARS
                           and not self._waiting):
                        self._changed.wait(timeout=5)
                    if not self._queued:
                        return
                    batch: list[str] = []
                    size = 0
                    for p in self._queued:
                        if batch and size + len(p) > BATCH_CHARS:
                            break
                        batch.append(p)
                        size += len(p)
                    for p in batch:
                        del self._queued[p]
                        self._in_flight.add(p)
                try:
                    done = self._analyse_uncached(batch)
                except Exception:  # noqa: BLE001 - the askers analyse these themselves
                    log.exception("bakgrundsanalysen misslyckades")
                    return
                finally:
                    with self._changed:
                        self._in_flight.difference_update(batch)
                        self._changed.notify_all()
                ok = self._status == "ok"  # not the retry pause's "ok"
                with self._changed:
                    for p, tokens in zip(batch, done, strict=True):
                        self._ready[p] = (tokens, ok)
                        self._ready_chars += len(p)
                    self._changed.notify_all()
        finally:
            with self._changed:
                self._queued.clear()
                self._worker = None
                self._changed.notify_all()

    def _from_worker(self, paragraphs: Sequence[str]) -> dict[str, tuple[TaggedToken, ...]]:
        """The worker's results for these paragraphs, waiting for those it has not
        done yet; a paragraph it does not have is left to the caller."""
        found: dict[str, tuple[TaggedToken, ...]] = {}
        with self._changed:
            if not (self._queued or self._in_flight or self._ready):
                return found
            for p in paragraphs:
                while p in self._queued or p in self._in_flight:
                    self._waiting += 1
                    self._changed.notify_all()
                    self._changed.wait(timeout=1)
                    self._waiting -= 1
                got = self._ready.pop(p, None)
                if got is not None:
                    tokens, ok = got
                    self._ready_chars -= len(p)
                    self._changed.notify_all()
                    found[p] = tokens
                    if ok:  # as in analyse_many: a failed round trip is not kept
                        self._remember(p, tokens)
        return found

    # -- the tools ------------------------------------------------------------------

    def _analyse_uncached(self, paragraphs: list[str]) -> list[tuple[TaggedToken, ...]]:
        """Long paragraphs go in pieces (PIECE_CHARS), put together again here."""
        pieces = [piece_starts(p, PIECE_CHARS) for p in paragraphs]
        if all(len(starts) == 1 for starts in pieces):
            return self._analyse_chunks(paragraphs)
        texts = [p[a:b] for p, starts in zip(paragraphs, pieces, strict=True)
                 for a, b in itertools.pairwise([*starts, len(p)])]
        analysed = iter(self._analyse_chunks(texts))
        out = []
        for starts in pieces:
            tokens: list[TaggedToken] = []
            for a in starts:
                tokens.extend(t if a == 0 else TaggedToken(t.start + a, t.end + a, t.text,
                                                           t.readings, t.known, t.source)
                              for t in next(analysed))
            out.append(tuple(tokens))
        return out

    def _analyse_chunks(self, paragraphs: list[str]) -> list[tuple[TaggedToken, ...]]:
        if self._analyser is None:
            return [tuple(_unknown_tokens(p, 0, len(p))) for p in paragraphs]
        try:
            cg_out = self._windows.outputs(self._analyser.run_many,
                                           list(map(join_hyphen_compounds, self._lex(paragraphs))))
            cg_units = [drop_initial_names(pairs(c)) for c in cg_out]
            # CG-3's own output where no name reading was taken out (most paragraphs):
            # the tagger reads it as it is, without it being written out again.
            tagged = self._tagger.run_many([stream(units) if names else c
                                            for c, (units, names) in zip(cg_out, cg_units,
                                                                         strict=True)])
        except PipelineError as exc:
            self.status = f"unavailable: Apertium svarar inte ({exc})"
            self._failed_at = time.monotonic()
            return [tuple(_unknown_tokens(p, 0, len(p))) for p in paragraphs]
        self.status = "ok"
        aligned = [split_number_stops(p, align(p, units, pairs(t), names))
                   for p, (units, names), t in zip(paragraphs, cg_units, tagged, strict=True)]
        return [tuple(tokens) for tokens in self._guess_compounds(aligned)]

    def _lex(self, paragraphs: list[str]) -> list[str]:
        """lt-proc's output for each paragraph (as if it had read it whole): put
        together from the output for its pieces (proofer.morph.lexer_cache), of
        which only those not seen before go to lt-proc, all in one chunk."""
        assert self._lexer is not None
        # The final newline makes lt-proc finish a pending look-ahead ("13.00")
        # before the NUL; without it the rest of the chunk can be lost.
        if self._junctions is False:
            self._junctions = Junctions.load(self.files.analyser)
        if self._junctions is None:
            return self._lexer.run_many([escape(p) + "\n" for p in paragraphs])
        cut = [self._junctions.pieces(p.replace("\0", " ")) for p in paragraphs]
        known = self._lexed
        have, todo = known_and_new((x for parts in cut for x in parts[::2] if x), known)
        if todo:
            # One piece a line: lt-proc never reads a unit across a line break, and
            # prints each blank as it was, so its output splits at the same breaks.
            lexed = self._lexer.run("\n".join(escape(x) for x in todo) + "\n").split("\n")
            if len(lexed) != len(todo) + 1 or lexed[-1]:
                log.warning("lt-proc delade inte upp texten som väntat: hela stycken")
                return self._lexer.run_many([escape(p) + "\n" for p in paragraphs])
            if len(known) + len(todo) > MAX_PIECES:
                known.clear()
            for x, o in zip(todo, lexed, strict=False):
                have[x] = o
                if len(x) <= LONGEST_PIECE:
                    known[x] = o
        streams = []
        for parts in cut:
            # pieces and blanks alternate; lt-proc prints a blank as it was
            parts[::2] = [have[x] if x else "" for x in parts[::2]]
            streams.append("".join(parts) + "\n")
        return streams

    def _guess_compounds(self, paragraphs: list[list[TaggedToken]]) -> list[list[TaggedToken]]:
        """Unknown words Hunspell accepts get the readings of their last part
        (proofer.morph.compounds); one more round trip for all their last parts."""
        known = self._known_word()
        if known is None:
            return paragraphs
        # Only a token the analyser left unknown, or took apart itself, is looked at
        # again (a 300 kB paragraph has ~75,000 tokens, a few thousand such).
        others = [[k for k, t in enumerate(tokens) if t.source != "apertium"]
                  for tokens in paragraphs]
        todo = [t for tokens, ks in zip(paragraphs, others, strict=True) for t in map(
                tokens.__getitem__, ks) if compounds.candidate(t) and t.text not in self._guesses]
        if todo:
            heads = compounds.heads_to_analyse(todo, known)
            analysed = self._lookup_words(heads) if heads else {}
            for t in todo:
                g = compounds.guess(t, analysed, known)
                self._guesses[t.text] = (g.readings, g.known, g.source)
            if len(self._guesses) > 50_000:
                self._guesses.clear()
        out: list[list[TaggedToken]] = []
        for tokens, ks in zip(paragraphs, others, strict=True):
            fixed = list(tokens)
            for k in ks:
                t = tokens[k]
                if t.source == "compound" and not (known(t.text) or known(t.text.lower())):
                    # lt-proc's own decompounding takes misspellings apart too
                    # ("fredsfördag"): a word Hunspell rejects gets no guessed analysis.
                    t = fixed[k] = TaggedToken(t.start, t.end, t.text, (), False, "unknown")
                g = self._guesses.get(t.text) if t.source == "unknown" else None
                if g:
                    fixed[k] = TaggedToken(t.start, t.end, t.text, *g)
            out.append(fixed)
        return out

    def _lookup_words(self, words: list[str]) -> dict[str, TaggedToken]:
        """Dictionary readings of single words (a compound's possible last parts),
        all in one chunk through the analyser alone: out of context there is
        nothing for CG-3 or the tagger to decide."""
        assert self._words is not None
        try:
            out = self._words.run("\n".join(escape(w) for w in words) + "\n")
        except PipelineError:
            return {}
        wanted = set(words)
        found: dict[str, TaggedToken] = {}
        for surface, rest in pairs(out):
            if surface in wanted:
                readings = tuple(
                    Reading(r.lemma, tuple(t for t in r.tags if t != "compound-R"))
                    for r in _readings(surface, rest)[0]
                    if "cmp" not in r.tags and "compound-only-L" not in r.tags)
                if readings:
                    found[surface] = TaggedToken(0, len(surface), surface,
                                                 tuple(dict.fromkeys(readings)), True,
                                                 "apertium")
        return found

    def _known_word(self) -> compounds.Known | None:
        """Hunspell's verdict on a whole word (None without Hunspell)."""
        if self._speller is None:
            try:
                from proofer.speller import Speller

                self._speller = Speller()
            except Exception:  # noqa: BLE001 - no Hunspell: no compound guesses
                self._speller = False
        if not self._speller or not self._speller.available:
            return None
        return self._speller.hunspell_knows

    # -- generation -------------------------------------------------------------

    def generate(self, lemma: str, tags: Sequence[str]) -> list[str]:
        key = (lemma, tuple(tags))
        hit = self._generated.get(key)
        if hit is None:
            hit = tuple(self._generate_uncached(lemma, tuple(tags)))
            if len(self._generated) > 100_000:
                self._generated.clear()
            self._generated[key] = hit
        return list(hit)

    def _generate_uncached(self, lemma: str, tags: tuple[str, ...]) -> list[str]:
        if self._generator is None or not lemma:
            return []
        for lem in _lemma_variants(lemma):
            for tg in _tag_variants(tags):
                forms = self._generate_one(lem, tg)
                if forms:
                    return forms
        # A compound the dictionary lacks ("flyktinginvandring"): its last part
        # inflects, the rest stays, so generate the longest known last part.
        for i in range(1, len(lemma) - 1):
            for tg in _tag_variants(tags):
                forms = self._generate_one(lemma[i:], tg)
                if forms:
                    return [lemma[:i] + f.lower() for f in forms]
        return []

    def _generate_one(self, lemma: str, tags: tuple[str, ...]) -> list[str]:
        assert self._generator is not None
        unit = "^" + escape(lemma) + "".join(f"<{t}>" for t in tags) + "$"
        try:
            # As in analysis, a blank after the unit makes lt-proc flush at the NUL.
            out = self._generator.run(unit + "\n").strip()
        except PipelineError:
            return []
        if not out or out[0] in "#@*":  # the generator's marks for "cannot"
            return []
        forms = [unescape(f) for f in re.split(r"(?<!\\)/", out)]
        return [f for f in dict.fromkeys(forms) if f]


# Where a long paragraph may be cut: after a sentence's end and the blanks after it,
# before what starts the next sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"'»”)]*\s+(?=[\"'«„(–—-]?[A-ZÅÄÖÉ0-9])")


def piece_starts(text: str, limit: int) -> list[int]:
    """Offsets where the pieces of `text` start: each piece ends at a sentence end
    and is at most `limit` characters long where the sentences allow (else cut at
    a blank, or at the limit itself); [0] for a text within the limit."""
    if len(text) <= limit:
        return [0]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    starts = [0]
    i = 0
    while len(text) - starts[-1] > limit:
        lo, hi = starts[-1], starts[-1] + limit
        while i < len(ends) and ends[i] <= hi:
            i += 1
        cut = ends[i - 1] if i and ends[i - 1] > lo else -1
        if cut < 0:
            blank = text.rfind(" ", lo + 1, hi)
            cut = blank + 1 if blank > lo else hi
        starts.append(cut)
    return starts


def _lemma_variants(lemma: str) -> list[str]:
    """The lemma as given, then with the dictionary's homonym marks ("vara¹")."""
    return [lemma] + [lemma + m for m in "¹²³"]


def _tag_variants(tags: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The analyser prints adjectives with <sint> (synthetic comparison) and the
    generator wants it; callers may leave it out."""
    out = [tags]
    if tags[:1] == ("adj",):
        if "sint" in tags:
            out.append(tuple(t for t in tags if t != "sint"))
        else:
            out.append(("adj", "sint") + tags[1:])
    return out


# -- turning lexical units into tokens with offsets ---------------------------------


# Closed word classes: a capital letter at the start of a sentence says nothing about
# names, so "Han", "De", "Den", "När", "Sedan" there are the pronoun, determiner,
# adverb or conjunction, not the surname, the town or the magazine the tagger takes
# them for (it reads the capital as a sign of a name).
FUNCTION_CLASSES = frozenset({"prn", "det", "adv", "cnjsub", "cnjadv", "cnjcoo", "pr"})


def drop_initial_names(units: list[tuple[str, str]]
                       ) -> tuple[list[tuple[str, str]], dict[int, str]]:
    """The units (surface, analyses as printed) with the name analyses of
    sentence-initial function words taken out, so that the tagger chooses among the
    function-word readings in context; and what was taken out (by unit), to be put
    back last."""
    out = units
    names: dict[int, str] = {}
    start = True
    for i, (surface, rest) in enumerate(units):
        # Only a sentence's first word is parsed here, and only a "<sent>" in the
        # printed analyses can start the next sentence (most units are neither).
        initial = start and surface[:1].isupper()
        analyses = parse_analyses(rest) if initial or "<sent>" in rest else ()
        if initial and len(analyses) > 1:
            fields = split_fields(rest)
            if len(fields) == len(analyses):  # one field per analysis (no duplicates)
                named = [f for f, a in zip(fields, analyses, strict=True) if "np" in a[-1].tags]
                if named and any(a[-1].tags[:1] and a[-1].tags[0] in FUNCTION_CLASSES
                                 for a in analyses):
                    names[i] = "/".join(named)
                    if out is units:
                        out = list(units)
                    out[i] = (surface, "/".join(f for f in fields if f not in named))
        start = bool(analyses) and "sent" in analyses[0][-1].tags
    return out, names


def stream(units: list[tuple[str, str]]) -> str:
    """Units back in stream form, for the tagger."""
    return " ".join(f"^{escape(surface)}/{rest}$" for surface, rest in units) + "\n"


# What a stretch of text between two units may hold for the second unit to follow
# the first: only blanks.
_BLANKS = " \t\n\r\u00a0\u2009\u202f"


def align(paragraph: str, units: Sequence[tuple[str, str]],
          tagged: Sequence[tuple[str, str]] = (), names: dict[int, str] | None = None,
          ) -> list[TaggedToken]:
    """Tokens at their exact offsets: each unit's surface is found in the paragraph
    after the previous one. Text the analyser passed through as blank (quotes, dashes
    it has no entry for) or lost becomes tokens of its own without readings.

    `tagged`: the tagger's output for the same units, whose choice goes first among
    each unit's analyses (if it does not keep the units one for one, CG-3's order
    stands); `names`: name analyses taken out before tagging (drop_initial_names),
    put back last. One pass over the units: this runs for every word of a check
    (a 300 kB paragraph has ~75,000 units), so the common case (the surface right
    after the previous one or one blank) takes no slice, and tokens are built by
    _token."""
    chosen: Sequence[str] = ()
    if len(tagged) == len(units) and list(map(_first, units)) == list(map(_first, tagged)):
        chosen = list(map(_second, tagged))
    tokens: list[TaggedToken] = []
    append = tokens.append
    pos = 0
    find = paragraph.find
    readings_of = _readings
    make = _token
    for i, (surface, rest) in enumerate(units):
        if chosen:
            choice = chosen[i]
            if choice and rest != choice:
                rest = _prefer(rest, choice)
            elif not rest:
                rest = choice
        if names and i in names:
            rest = f"{rest}/{names[i]}"
        if not surface:
            continue
        start = find(surface, pos)
        if start >= 0 and (start == pos or (start == pos + 1 and paragraph[pos] == " ")
                           or not paragraph[pos:start].strip(_BLANKS)):
            end = start + len(surface)  # (only blanks before it: no tokens there)
            text = surface
        else:
            start, end = _locate(paragraph, surface, pos)
            if start < 0:
                continue
            text = paragraph[start:end]
            if start > pos:
                tokens.extend(_unknown_tokens(paragraph, pos, start))
        append(make(start, end, text, *readings_of(text, rest)))
        pos = end
    tokens.extend(_unknown_tokens(paragraph, pos, len(paragraph)))
    return tokens


_prefer = lru_cache(maxsize=50_000)(prefer)
_first, _second = itemgetter(0), itemgetter(1)
_new = object.__new__
(_set_start, _set_end, _set_text, _set_readings, _set_known,
 _set_source) = (TaggedToken.__dict__[f].__set__
                 for f in ("start", "end", "text", "readings", "known", "source"))


# Reading(lemma, tags) without the frozen dataclass's __init__, as _token.
_reading = maker(Reading)


def _token(start: int, end: int, text: str, readings: tuple[Reading, ...], known: bool,
           source: str) -> TaggedToken:
    """TaggedToken(start, end, text, readings, known, source), the same object at
    half the cost: a frozen dataclass's __init__ sets each field through
    object.__setattr__, and align makes one per unit of every paragraph checked."""
    t = _new(TaggedToken)
    _set_start(t, start)
    _set_end(t, end)
    _set_text(t, text)
    _set_readings(t, readings)
    _set_known(t, known)
    _set_source(t, source)
    return t


def _locate(paragraph: str, surface: str, pos: int) -> tuple[int, int]:
    if not surface:
        return -1, -1
    i = paragraph.find(surface, pos)
    if i >= 0 and not paragraph[pos:i].strip(" \t\n\r\u00a0\u2009\u202f"):
        return i, i + len(surface)
    words = surface.split()
    if len(words) == 1 and words[0] == surface:  # no blank in it: the pattern is the text
        return (i, i + len(surface)) if i >= 0 else (-1, -1)
    # A multiword's blank may be any whitespace in the text ("12,5\u00a0%").
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(paragraph, pos)
    if m is not None:
        return m.start(), m.end()
    if i >= 0:
        return i, i + len(surface)
    return -1, -1


_GAP_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _unknown_tokens(paragraph: str, start: int, end: int) -> list[TaggedToken]:
    if start >= end or paragraph[start:end].isspace():
        return []
    return [_token(m.start(), m.end(), m.group(), (), False, "unknown")
            for m in _GAP_TOKEN.finditer(paragraph, start, end)]


@lru_cache(maxsize=50_000)
def _readings(text: str, rest: str) -> tuple[tuple[Reading, ...], bool, str]:
    """Readings, known and source of a word form from its analyses as printed; the
    same form with the same analyses (most words of an article recur) is worked out
    once."""
    if "+" not in rest and "\\" not in rest:
        return _plain_readings(text, rest)
    return _parsed_readings(text, rest)


def _parsed_readings(text: str, rest: str) -> tuple[tuple[Reading, ...], bool, str]:
    """_readings of any analyses, parsed by the stream's parser (compounds,
    multiwords, escapes)."""
    analyses = parse_analyses(rest)
    if not analyses:
        return (), False, "unknown"
    readings: list[Reading] = []
    compound = False
    for parts in analyses:
        if len(parts) == 1:  # most analyses: one part, no compound
            lemma, tags = parts[0].lemma.translate(_HOMONYM), parts[0].tags
        elif all("cmp" in p.tags for p in parts[:-1]):
            compound = True
            readings.append(_reading(_compound_lemma(text, parts[-1]), parts[-1].tags))
            continue
        else:
            lemma = "+".join([p.lemma for p in parts]).translate(_HOMONYM)
            tags = tuple([t for p in parts for t in p.tags])
        if lemma.endswith("alphabet") and len(text) == 1:
            lemma = text  # the dictionary's entries for single letters
        readings.append(_reading(lemma, tags))
    # Duplicates dropped, in order (Reading's hash is Python code: only when needed).
    unique = tuple(dict.fromkeys(readings)) if len(readings) > 1 else tuple(readings)
    if len(unique) > 1 and text[-1:] in _SIBILANTS:
        unique = _without_zero_genitives(text, unique)
    if compound:
        return unique, False, "compound"
    return unique, True, "apertium"


_SIBILANTS = frozenset("sxzSXZ")


def _plain_readings(text: str, rest: str) -> tuple[tuple[Reading, ...], bool, str]:
    """_readings of analyses without escapes and of one part each (no compound, no
    multiword: no "+"), most of a text's: read straight from the string into
    Readings, without parsing them into the stream's Parts first (that, and a
    Part per analysis, was a third of turning the tools' output into tokens)."""
    found: list[tuple[str, tuple[str, ...]]] = []
    tag_tuples = _TAG_TUPLES
    marked = _HAS_HOMONYM(rest) is not None
    for field in rest.split("/") if rest else ():
        if not field or field[0] == "*":
            continue  # an unknown word ("*word")
        i = field.find("<")
        if i < 0:
            lemma, tags = field, ()
        else:
            lemma = field[:i]
            inner = field[i + 1:-1] if field[-1] == ">" else field[i + 1:].rstrip(">")
            tags = tag_tuples.get(inner)
            if tags is None:
                if len(tag_tuples) >= _TAG_TUPLES_MAX:
                    tag_tuples.clear()
                tags = tag_tuples[inner] = tuple(inner.split("><"))
        if marked:
            lemma = lemma.translate(_HOMONYM)
        if lemma.endswith("alphabet") and len(text) == 1:
            lemma = text  # the dictionary's entries for single letters
        found.append((lemma, tags))
    if not found:
        return (), False, "unknown"
    # Duplicates dropped, in order, as _readings (the same readings as dropping
    # duplicate analyses first and then duplicate readings); as pairs, whose hash
    # is C's, not the Reading dataclass's Python one.
    if len(found) > 1:
        found = list(dict.fromkeys(found))
    made = _READINGS
    if len(made) >= _READINGS_MAX:
        made.clear()
    unique = tuple([made.get(pair) or made.setdefault(pair, _reading(*pair))
                    for pair in found])
    if len(unique) > 1 and text[-1:] in _SIBILANTS:
        unique = _without_zero_genitives(text, unique)
    return unique, True, "apertium"


#: the tags of an analysis as printed ("n><ut><sg><ind") -> them as a tuple: a text
#: has a few hundred tag sequences over thousands of analyses
_TAG_TUPLES: dict[str, tuple[str, ...]] = {}
_TAG_TUPLES_MAX = 20_000
#: (lemma, tags) -> its Reading, shared by every form that has it (a text's forms
#: have far fewer distinct readings than readings; a Reading is frozen)
_READINGS: dict[tuple[str, tuple[str, ...]], Reading] = {}
_READINGS_MAX = 100_000


def _without_zero_genitives(text: str, readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The readings without a common noun's genitive that is the word itself: the
    dictionary gives every noun in -s, -x, -z a genitive of the same form ("hus",
    "kurs"), which written Swedish does not use ("husets", "kursens"; a name's
    genitive, "Lars bil", is np and kept). The duplicate kept rules that ask for a
    noun without a genitive reading away from these nouns ("Det här hus är gammalt",
    "två kurs"). A genitive of another word ("fars" of "far" beside "fars", a
    farce) is kept."""
    low = text.lower()
    plain = {(r.lemma.lower(), r.tags) for r in readings if "gen" not in r.tags}
    kept = tuple(r for r in readings
                 if not ("gen" in r.tags and r.tags[:1] == ("n",) and r.lemma.lower() == low
                         and (r.lemma.lower(), tuple(t for t in r.tags if t != "gen")) in plain))
    return kept or readings


def _compound_lemma(text: str, head: Part) -> str:
    """The whole word's lemma: the text before the last part, then that part's lemma
    ("flyktinginvandringen" -> "flykting" + "invandring"). The last part starts where
    the longest beginning of its lemma last occurs (stems change at the end:
    "stad" in "huvudstäderna" is found by its "st")."""
    head_lemma = head.lemma.translate(_HOMONYM)
    low = text.lower()
    for k in range(len(head_lemma), 0, -1):
        i = low.rfind(head_lemma[:k].lower(), 1)
        if i > 0:
            return low[:i] + head_lemma
    return low + head_lemma


# Every morphology of this process, for the fork hooks (weakly: closing one is
# enough to let it go).
_instances: weakref.WeakSet[ApertiumMorphology] = weakref.WeakSet()


def stop_all_background() -> None:
    """stop_background() on every morphology of this process (before a fork)."""
    for m in list(_instances):
        m.stop_background()


def _after_fork_in_child() -> None:
    for m in list(_instances):
        m._forked()


os.register_at_fork(after_in_child=_after_fork_in_child)
