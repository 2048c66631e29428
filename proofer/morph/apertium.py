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

import re
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from proofer.morph import compounds
from proofer.morph.model import Reading, TaggedToken
from proofer.morph.process import NullFlushPipeline, PipelineError
from proofer.morph.stream import Part, Unit, escape, parse, prefer, split_fields, unescape
from proofer.morph.stream import analyses as parse_analyses
from proofer.text_cache import TextCache

if TYPE_CHECKING:
    from proofer.speller import Speller

DATA_ROOT = Path("/usr/share/apertium")
# Our own CG-3 rules, run before Apertium's grammar (the file says why).
OUR_GRAMMAR = (Path(__file__).resolve().parents[2] / "resources" / "grammar" / "disambiguation"
               / "swedish.cg3")
TOOLS = ("lt-proc", "cg-proc", "apertium-tagger")
CACHE_SIZE = 5_000  # paragraphs; an article has hundreds, an editor keeps a few open
# ... and their total length: an analysis costs about 50-150 bytes per character of
# its paragraph, so this keeps the cache near 100 MB (proofer.text_cache says why).
CACHE_CHARS = 1_000_000
# Homonym marks the dictionary puts on lemmas ("vara¹"): not part of the word.
_HOMONYM = str.maketrans("", "", "¹²³⁴⁵⁶⁷⁸⁹⁰")


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
        self._cache_lock = threading.Lock()
        self._generated: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        if isinstance(files, str):
            self.status = f"unavailable: {files}"
            self._analyser = self._tagger = self._words = self._generator = None
            return
        self.status = "ok"
        self.files = files
        # CG-3's output goes to the tagger through us: the tagger's -f (all analyses,
        # its choice first) garbles compound analyses ("a<cmp>/b<cmp>+/c"), so its
        # choice is read on its own and put first among what CG-3 left.
        stages = [["lt-proc", "-z", "-w", "-e", str(files.analyser)]]
        if OUR_GRAMMAR.is_file():
            stages.append(["cg-proc", "-z", str(OUR_GRAMMAR)])
        stages.append(["cg-proc", "-z", str(files.grammar)])
        self._analyser = NullFlushPipeline(stages)
        self._tagger = NullFlushPipeline([
            ["apertium-tagger", "-z", "-g", "-p", str(files.tagger)],
        ])
        self._words = NullFlushPipeline([["lt-proc", "-z", "-w", str(files.analyser)]])
        self._generator = NullFlushPipeline([["lt-proc", "-z", "-g", str(files.generator)]])

    @property
    def available(self) -> bool:
        return self._analyser is not None

    def close(self) -> None:
        for p in (self._analyser, self._tagger, self._words, self._generator):
            if p is not None:
                p.close()

    # -- analysis ---------------------------------------------------------------

    def analyse(self, paragraph: str) -> list[TaggedToken]:
        return self.analyse_many([paragraph])[0]

    def analyse_many(self, paragraphs: Sequence[str]) -> list[list[TaggedToken]]:
        """analyse() for several paragraphs, the uncached ones sent to the tools in
        one stream (a cold check of a whole article costs one round trip)."""
        found: dict[str, tuple[TaggedToken, ...]] = {}
        with self._cache_lock:
            for p in paragraphs:
                hit = self._cache.get(p)
                if hit is not None:
                    found[p] = hit
        missing = [p for p in dict.fromkeys(paragraphs) if p not in found]
        if missing:
            fresh = self._analyse_uncached(missing)
            # A failed round trip leaves every word unknown: that is no analysis
            # of these paragraphs, and must not stand for one once the tools are back.
            keep = self.status == "ok"
            with self._cache_lock:
                for p, tokens in zip(missing, fresh, strict=True):
                    found[p] = tokens
                    if keep:
                        self._cache.put(p, tokens)
        return [list(found[p]) for p in paragraphs]

    def _analyse_uncached(self, paragraphs: list[str]) -> list[tuple[TaggedToken, ...]]:
        if self._analyser is None:
            return [tuple(_unknown_tokens(p, 0, len(p))) for p in paragraphs]
        try:
            # The final newline makes lt-proc finish a pending look-ahead ("13.00")
            # before the NUL; without it the rest of the chunk can be lost.
            cg_out = self._analyser.run_many([escape(p) + "\n" for p in paragraphs])
            cg_units = [drop_initial_names(parse(c)) for c in cg_out]
            tagged = self._tagger.run_many([stream(units) for units, _ in cg_units])
        except PipelineError as exc:
            self.status = f"unavailable: Apertium svarar inte ({exc})"
            return [tuple(_unknown_tokens(p, 0, len(p))) for p in paragraphs]
        self.status = "ok"
        aligned = [align(p, _names_last(_chosen_first(units, parse(t)), names))
                   for p, (units, names), t in zip(paragraphs, cg_units, tagged, strict=True)]
        return [tuple(tokens) for tokens in self._guess_compounds(aligned)]

    def _guess_compounds(self, paragraphs: list[list[TaggedToken]]) -> list[list[TaggedToken]]:
        """Unknown words Hunspell accepts get the readings of their last part
        (proofer.morph.compounds); one more round trip for all their last parts."""
        known = self._known_word()
        if known is None:
            return paragraphs
        todo = [t for tokens in paragraphs for t in tokens
                if compounds.candidate(t) and t.text not in self._guesses]
        if todo:
            heads = compounds.heads_to_analyse(todo, known)
            analysed = self._lookup_words(heads) if heads else {}
            for t in todo:
                g = compounds.guess(t, analysed, known)
                self._guesses[t.text] = (g.readings, g.known, g.source)
            if len(self._guesses) > 50_000:
                self._guesses.clear()
        out: list[list[TaggedToken]] = []
        for tokens in paragraphs:
            fixed = []
            for t in tokens:
                if t.source == "compound" and not (known(t.text) or known(t.text.lower())):
                    # lt-proc's own decompounding takes misspellings apart too
                    # ("fredsfördag"): a word Hunspell rejects gets no guessed analysis.
                    t = TaggedToken(t.start, t.end, t.text, (), False, "unknown")
                g = self._guesses.get(t.text) if t.source == "unknown" else None
                fixed.append(TaggedToken(t.start, t.end, t.text, *g) if g else t)
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
        for unit in parse(out):
            if unit.surface in wanted:
                readings = tuple(
                    Reading(r.lemma, tuple(t for t in r.tags if t != "compound-R"))
                    for r in _readings(unit.surface, unit.rest)[0]
                    if "cmp" not in r.tags and "compound-only-L" not in r.tags)
                if readings:
                    found[unit.surface] = TaggedToken(0, len(unit.surface), unit.surface,
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


def drop_initial_names(units: list[Unit]) -> tuple[list[Unit], dict[int, str]]:
    """The units with the name analyses of sentence-initial function words taken
    out, so that the tagger chooses among the function-word readings in context;
    and what was taken out (by unit), to be put back last."""
    out: list[Unit] = []
    names: dict[int, str] = {}
    start = True
    for i, unit in enumerate(units):
        analyses = parse_analyses(unit.rest)
        if start and unit.surface[:1].isupper() and len(analyses) > 1:
            fields = split_fields(unit.rest)
            if len(fields) == len(analyses):  # one field per analysis (no duplicates)
                named = [f for f, a in zip(fields, analyses, strict=True) if "np" in a[-1].tags]
                if named and any(a[-1].tags[:1] and a[-1].tags[0] in FUNCTION_CLASSES
                                 for a in analyses):
                    names[i] = "/".join(named)
                    unit = Unit(unit.surface, "/".join(f for f in fields if f not in named))
        start = bool(analyses) and "sent" in analyses[0][-1].tags
        out.append(unit)
    return out, names


def stream(units: list[Unit]) -> str:
    """Units back in stream form, for the tagger."""
    return " ".join(f"^{escape(u.surface)}/{u.rest}$" for u in units) + "\n"


def _names_last(units: list[Unit], names: dict[int, str]) -> list[Unit]:
    if not names:
        return units
    return [Unit(u.surface, f"{u.rest}/{names[i]}") if i in names else u
            for i, u in enumerate(units)]


def _chosen_first(cg: list[Unit], tagged: list[Unit]) -> list[Unit]:
    """CG-3's units with the tagger's choice first in each. The tagger keeps the
    units one for one; if it ever did not, CG-3's order stands."""
    if len(cg) != len(tagged):
        return cg
    pairs = list(zip(cg, tagged, strict=True))
    if any(a.surface != b.surface for a, b in pairs):
        return cg
    return [Unit(a.surface, prefer(a.rest, b.rest)) for a, b in pairs]


def align(paragraph: str, units: Sequence[Unit]) -> list[TaggedToken]:
    """Tokens at their exact offsets: each unit's surface is found in the paragraph
    after the previous one. Text the analyser passed through as blank (quotes, dashes
    it has no entry for) or lost becomes tokens of its own without readings."""
    tokens: list[TaggedToken] = []
    pos = 0
    for unit in units:
        start, end = _locate(paragraph, unit.surface, pos)
        if start < 0:
            continue
        tokens.extend(_unknown_tokens(paragraph, pos, start))
        text = paragraph[start:end]
        readings, known, source = _readings(text, unit.rest)
        tokens.append(TaggedToken(start, end, text, readings, known, source))
        pos = end
    tokens.extend(_unknown_tokens(paragraph, pos, len(paragraph)))
    return tokens


def _locate(paragraph: str, surface: str, pos: int) -> tuple[int, int]:
    if not surface:
        return -1, -1
    i = paragraph.find(surface, pos)
    if i >= 0 and not paragraph[pos:i].strip(" \t\n\r\u00a0\u2009\u202f"):
        return i, i + len(surface)
    # A multiword's blank may be any whitespace in the text ("12,5\u00a0%").
    pattern = r"\s+".join(re.escape(w) for w in surface.split())
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
    return [
        TaggedToken(m.start(), m.end(), m.group(), (), False, "unknown")
        for m in _GAP_TOKEN.finditer(paragraph, start, end)
    ]


@lru_cache(maxsize=50_000)
def _readings(text: str, rest: str) -> tuple[tuple[Reading, ...], bool, str]:
    """Readings, known and source of a word form from its analyses as printed; the
    same form with the same analyses (most words of an article recur) is worked out
    once."""
    analyses = parse_analyses(rest)
    if not analyses:
        return (), False, "unknown"
    readings: list[Reading] = []
    compound = False
    for parts in analyses:
        if len(parts) > 1 and all("cmp" in p.tags for p in parts[:-1]):
            compound = True
            readings.append(Reading(_compound_lemma(text, parts[-1]), parts[-1].tags))
            continue
        lemma = "+".join(p.lemma for p in parts).translate(_HOMONYM)
        if lemma.endswith("alphabet") and len(text) == 1:
            lemma = text  # the dictionary's entries for single letters
        tags = parts[0].tags if len(parts) == 1 else tuple(t for p in parts for t in p.tags)
        readings.append(Reading(lemma, tags))
    unique = tuple(dict.fromkeys(readings))
    if compound:
        return unique, False, "compound"
    return unique, True, "apertium"


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
