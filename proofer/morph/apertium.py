"""Swedish morphology from Apertium: analyser -> CG-3 -> HMM tagger, and its generator.

Debian's apertium-swe-nor ships the most complete Swedish analyser packaged anywhere
(swe-nob.automorf.bin; measured against apertium-swe-dan's in benchmarks/README.md),
the CG-3 disambiguation grammar and tagger model trained for it, and the Swedish
generator (nor-swe.autogen.bin). apertium-swe-dan's files are the fall-back.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from proofer.morph.model import Reading, TaggedToken
from proofer.morph.process import NullFlushPipeline, PipelineError
from proofer.morph.stream import Part, Unit, escape, parse

DATA_ROOT = Path("/usr/share/apertium")
TOOLS = ("lt-proc", "cg-proc", "apertium-tagger")
CACHE_SIZE = 20_000  # paragraphs; an article has hundreds
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
    def __init__(self, files: DataFiles | str | None = None) -> None:
        files = find_data() if files is None else files
        self._cache: OrderedDict[str, tuple[TaggedToken, ...]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._generated: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        if isinstance(files, str):
            self.status = f"unavailable: {files}"
            self._analyser = self._generator = None
            return
        self.status = "ok"
        self.files = files
        self._analyser = NullFlushPipeline([
            ["lt-proc", "-z", "-w", "-e", str(files.analyser)],
            ["cg-proc", "-z", str(files.grammar)],
            ["apertium-tagger", "-z", "-g", "-f", "-p", str(files.tagger)],
        ])
        self._generator = NullFlushPipeline([["lt-proc", "-z", "-g", str(files.generator)]])

    @property
    def available(self) -> bool:
        return self._analyser is not None

    def close(self) -> None:
        for p in (self._analyser, self._generator):
            if p is not None:
                p.close()

    # -- analysis ---------------------------------------------------------------

    def analyse(self, paragraph: str) -> list[TaggedToken]:
        with self._cache_lock:
            hit = self._cache.get(paragraph)
            if hit is not None:
                self._cache.move_to_end(paragraph)
                return list(hit)
        tokens = tuple(self._analyse_uncached(paragraph))
        with self._cache_lock:
            self._cache[paragraph] = tokens
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return list(tokens)

    def _analyse_uncached(self, paragraph: str) -> list[TaggedToken]:
        if self._analyser is None or not paragraph.strip():
            return _unknown_tokens(paragraph, 0, len(paragraph))
        try:
            # The final newline makes lt-proc finish a pending look-ahead ("13.00")
            # before the NUL; without it the rest of the chunk can be lost.
            output = self._analyser.run(escape(paragraph) + "\n")
        except PipelineError as exc:
            self.status = f"unavailable: Apertium svarar inte ({exc})"
            return _unknown_tokens(paragraph, 0, len(paragraph))
        return align(paragraph, parse(output))

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
        forms = [_unescape(f) for f in re.split(r"(?<!\\)/", out)]
        return [f for f in dict.fromkeys(forms) if f]


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


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
        tokens.append(_token(start, end, text, unit.analyses))
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
    return [
        TaggedToken(m.start(), m.end(), m.group(), (), False, "unknown")
        for m in _GAP_TOKEN.finditer(paragraph, start, end)
    ]


def _token(start: int, end: int, text: str, analyses: Sequence[tuple[Part, ...]]) -> TaggedToken:
    if not analyses:
        return TaggedToken(start, end, text, (), False, "unknown")
    readings: list[Reading] = []
    compound = False
    for parts in analyses:
        if len(parts) > 1 and all("cmp" in p.tags for p in parts[:-1]):
            compound = True
            readings.append(Reading(_compound_lemma(text, parts[-1]), parts[-1].tags))
        else:
            last = parts[-1]
            lemma = "+".join(p.lemma for p in parts).translate(_HOMONYM)
            if lemma.endswith("alphabet") and len(text) == 1:
                lemma = text  # the dictionary's entries for single letters
            readings.append(Reading(lemma, last.tags if len(parts) == 1
                                    else tuple(t for p in parts for t in p.tags)))
    unique = tuple(dict.fromkeys(readings))
    if compound:
        return TaggedToken(start, end, text, unique, False, "compound")
    return TaggedToken(start, end, text, unique, True, "apertium")


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
