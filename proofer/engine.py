"""Runs the enabled checkers over a document and merges what they say.

The engine owns two policies that no single checker can: the paragraph cache
(so that re-checking after an edit re-runs only changed paragraphs) and the merge
of findings that several checkers report on the same text.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from proofer.checkers.base import Checker, DocumentChecker, ParagraphChecker
from proofer.composed_text import composed_view
from proofer.document import Paragraph, split_paragraphs
from proofer.finding import Finding
from proofer.text_cache import TextCache
from proofer.tokens import shared_per_check

# Paragraphs remembered per checker (an article has hundreds; an editor keeps a
# few articles open), and their total length: a finding list grows with its
# paragraph, so a count alone let a few hundred huge paragraphs fill gigabytes.
CACHE_SIZE = 10_000
CACHE_CHARS = 2_000_000  # about 30 articles of 10,000 words
# A check handles this much text at a time (see _check): far more than any draft.
BLOCK_CHARS = 250_000
# The cache of a checker's refined findings (ParagraphChecker.refine) is its name
# with this after it.
REFINED = ":refined"


class Stopped(Exception):
    """The check was stopped (Engine.stop: the app is closing); there is no report."""

    def __init__(self) -> None:
        super().__init__("kontrollen avbröts")


@dataclass
class Report:
    findings: list[Finding]
    engines: dict[str, str]


class Engine:
    def __init__(self, checkers: Sequence[Checker]) -> None:
        self.checkers = list(checkers)
        # Per checker: paragraph text -> its findings. Keyed by the text itself and
        # holding tuples (the empty one is shared), so a cold check leaves no new
        # container per paragraph for the garbage collector to walk afterwards.
        # (Made on first use, in _paragraph.)
        self._caches: dict[str, TextCache[tuple[Finding, ...]]] = {}
        self._lock = threading.Lock()
        self.paragraph_runs = 0  # how many (checker, paragraph) pairs actually ran
        self._stopped = False

    def stop(self) -> None:
        """Take no more checks, and end the one running now at its next paragraph
        (it raises Stopped): the app is closing, and a long draft's check would
        keep the window open and frozen for minutes while nobody wants its report.
        Called from another thread than the check's; close() still follows."""
        self._stopped = True

    def engines(self) -> dict[str, str]:
        status: dict[str, str] = {}
        for c in self.checkers:
            s = c.status()
            # One engine may be several checkers: report the worst of them.
            if c.engine not in status or status[c.engine] == "ok":
                status[c.engine] = s
        return status

    def invalidate(self) -> None:
        """Forget cached results: a dictionary or the settings changed. Checkers
        that keep state between checks (consistency) are told to forget it too."""
        with self._lock:
            for cache in self._caches.values():
                cache.clear()
        for c in self.checkers:
            forget = getattr(c, "invalidate", None)
            if callable(forget):
                forget()

    def new_document(self) -> None:
        """The next check is of another document, not an edit of the last one: the
        checkers that keep state between checks of one document start over (the
        paragraph caches stay: a paragraph's findings depend on nothing else)."""
        for c in self.checkers:
            if isinstance(c, DocumentChecker):
                c.new_document()

    def more_suggestions(self, source: str, word: str) -> list[str]:
        """Slower corrections for one finding of checker `source` that came with
        none, asked when a person opens it (the app's card); [] from a checker
        that has no slower search."""
        for c in self.checkers:
            if c.name == source:
                more = getattr(c, "more_suggestions", None)
                return list(more(word)) if callable(more) else []
        return []

    def check(self, text: str, paragraphs: list[Paragraph] | None = None,
              skip: frozenset[str] = frozenset()) -> Report:
        """`skip`: names of checkers left out this time (the app shows the fast
        checkers' findings of a new draft first, the grammar's when they are ready)."""
        # A check allocates hundreds of thousands of short-lived objects and no
        # cycles worth collecting; the cyclic collector's passes over them cost a
        # tenth of a cold check, so it waits until the check is done.
        if self._stopped:
            raise Stopped
        view = composed_view(text)
        with _collector_paused():
            if view is None:
                return Report(merge(self._check(text, paragraphs, skip)), self.engines())
            # decomposed letters: checked composed, the findings mapped back
            found = merge(self._check(view.text, None, skip))
        return Report(merge(view.restore(found)), self.engines())

    def raw_findings(self, text: str, paragraphs: list[Paragraph] | None = None
                     ) -> list[Finding]:
        """Every checker's findings with valid spans, not yet merged (a batch adds
        LanguageTool's from this process before merging)."""
        view = composed_view(text)
        with _collector_paused():
            if view is not None:
                return view.restore(self._check(view.text, None))
            return self._check(text, paragraphs)

    def document_findings(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        """The document checkers' findings with valid spans, as a check has them
        after its paragraph checkers' (a batch's worker works them out for a file
        whose paragraphs other workers check: text_findings puts them together).
        Outside a check's shared tokens: a paragraph seen in an earlier file is
        then tokenized from the cache of the last texts."""
        found: list[Finding] = []
        with _collector_paused():
            self._document_pass(self.checkers, text, paragraphs, found)
        return _valid(found, text)

    def _check(self, text: str, paragraphs: list[Paragraph] | None,
               skip: frozenset[str] = frozenset()) -> list[Finding]:
        paragraphs = split_paragraphs(text) if paragraphs is None else paragraphs
        checkers = [c for c in self.checkers if c.name not in skip]
        found: list[Finding] = []
        blocks = _blocks(paragraphs)
        for block in self._in_blocks(checkers, blocks):
            self._paragraph_pass(checkers, block, found, skip)
            if len(blocks) == 1:  # a draft: its document checkers share the tokens too
                self._document_pass(checkers, text, paragraphs, found)
        if len(blocks) > 1:
            self._document_pass(checkers, text, paragraphs, found)
        return _valid(found, text)

    def _in_blocks(self, checkers: Sequence[Checker], blocks: list[list[Paragraph]]
                   ) -> Iterator[list[Paragraph]]:
        """The blocks one by one, each with its token memo open and every paragraph
        checker told of its paragraphs while the caller works on it.

        Each paragraph is tokenized once, whichever checker asks first, and its
        tokens are shared by all of them until its block is done. A draft is one
        block; a text of many megabytes is checked block by block, so that what is
        held at once does not grow with it (its document checkers then tokenize
        through the small cache instead of holding every paragraph's tokens)."""
        for block in blocks:
            with shared_per_check():
                # One that works in the background (the grammar's morphology) starts
                # while the others run.
                for checker in checkers:
                    if isinstance(checker, ParagraphChecker):
                        self._prepare(checker, block)
                yield block
            if len(blocks) > 1:
                # The collector is paused for the check (see check()); garbage in
                # cycles that a block left would otherwise stay until the end.
                gc.collect(0)

    def _paragraph_pass(self, checkers: list[Checker], paragraphs: list[Paragraph],
                        found: list[Finding], skip: frozenset[str] = frozenset()) -> None:
        """Each paragraph checker over the block, then the refinements that read
        what the others worked out (ParagraphChecker.refine); the findings in
        checker order."""
        texts = [para.text for para in paragraphs]
        passes: dict[int, list[tuple[Finding, ...]]] = {}
        ordered = [c for c in checkers if isinstance(c, ParagraphChecker)]
        for checker in in_running_order(ordered):
            fresh: list[str] = []
            passes[id(checker)] = [self._paragraph(checker, para, fresh) for para in paragraphs]
            if fresh and checker.status() != "ok":
                self._forget(checker, fresh)
        for checker in ordered:
            results = passes[id(checker)]
            if _refines(checker, skip):
                results = self._refined(checker, texts, results)
            found.extend(placed(paragraphs, results))

    def _refined(self, checker: ParagraphChecker, texts: Sequence[str],
                 results: Sequence[tuple[Finding, ...]]) -> list[tuple[Finding, ...]]:
        """The checker's findings for these paragraphs (`results`, from
        check_paragraph) after its refinement, kept in a cache of their own: the
        plain ones stay in the checker's cache for a check that skips the
        refinement. A paragraph the refinement would not change is not asked (and
        is kept as it is: the next check finds it at once)."""
        out = list(results)
        todo: dict[str, list[int]] = {}
        # A checker that failed gave no real verdict (see _forget): nothing kept.
        keep = checker.status() == "ok"
        with self._lock:
            cache = self._cache_for(checker.name + REFINED)
            for i, (text, raw) in enumerate(zip(texts, results, strict=True)):
                hit = cache.get(text)
                if hit is not None:
                    out[i] = hit
                elif text in todo or checker.needs_refining(raw):
                    todo.setdefault(text, []).append(i)
                elif keep:
                    cache.put(text, raw)
        if not todo:
            return out
        done = checker.refine([(text, results[at[0]]) for text, at in todo.items()])
        if done is None:
            return out  # not to be had now: asked again at the next check
        with self._lock:
            for (text, at), findings in zip(todo.items(), done, strict=True):
                refined = tuple(_tagged(findings, checker))
                if keep:
                    cache.put(text, refined)
                for i in at:
                    out[i] = refined
        return out

    def _document_pass(self, checkers: list[Checker], text: str,
                       paragraphs: list[Paragraph], found: list[Finding]) -> None:
        for checker in checkers:
            if self._stopped:
                raise Stopped
            if isinstance(checker, DocumentChecker):
                found.extend(_tagged(checker.check_document(text, paragraphs), checker))

    def paragraph_findings(self, texts: Sequence[str]
                           ) -> dict[str, dict[str, tuple[Finding, ...]]]:
        """Every paragraph checker's findings for these paragraphs (kept in the
        cache, as a check keeps them), as checker name -> paragraph -> findings.

        A batch's workers each work out a share of the batch's distinct paragraphs
        this way, and the engine that then checks the files learns them all
        (learn_paragraphs): a paragraph found in many files is checked once, and
        the work is shared by paragraph, not by file. A paragraph on which a
        checker raised or failed is left out: the check of its file meets that
        again, and reports it as it always did."""
        paragraphs = [Paragraph(0, len(t), t) for t in dict.fromkeys(texts) if t]
        checkers = [c for c in self.checkers if isinstance(c, ParagraphChecker)]
        out: dict[str, dict[str, tuple[Finding, ...]]] = {c.name: {} for c in checkers}
        with _collector_paused():
            for block in self._in_blocks(checkers, _blocks(paragraphs)):
                for checker in in_running_order(checkers):
                    self._share(checker, block, out[checker.name])
                for checker in checkers:
                    if _refines(checker, frozenset()):
                        self._share_refined(checker, block, out[checker.name])
        return out

    def _share(self, checker: ParagraphChecker, paragraphs: list[Paragraph],
               found: dict[str, tuple[Finding, ...]]) -> None:
        fresh: list[str] = []
        for para in paragraphs:
            try:
                found[para.text] = self._paragraph(checker, para, fresh)
            except Exception:  # noqa: BLE001 - see paragraph_findings: the file's check reports it
                continue
        if fresh and checker.status() != "ok":
            self._forget(checker, fresh)
            for text in fresh:
                found.pop(text, None)

    def _share_refined(self, checker: ParagraphChecker, paragraphs: list[Paragraph],
                       found: dict[str, tuple[Finding, ...]]) -> None:
        """_share's findings of the block refined, as a check refines them; when
        the refinement raises, the paragraphs it was for are left out (see
        paragraph_findings)."""
        texts = [p.text for p in paragraphs if p.text in found]
        try:
            refined = self._refined(checker, texts, [found[t] for t in texts])
        except Exception:  # noqa: BLE001 - see paragraph_findings: the file's check reports it
            for text in texts:
                if checker.needs_refining(found[text]):
                    found.pop(text, None)
            return
        found.update(zip(texts, refined, strict=True))

    def learn_paragraphs(self, found: dict[str, dict[str, tuple[Finding, ...]]]) -> None:
        """Keep findings that another engine of the same settings worked out
        (paragraph_findings) as if this one had: its checks then find them cached
        (a refining checker's findings come refined: kept as both)."""
        refining = {c.name for c in self.checkers if _refines(c, frozenset())}
        with self._lock:
            for name, entries in found.items():
                caches = [self._cache_for(name)]
                if name in refining:
                    caches.append(self._cache_for(name + REFINED))
                for cache in caches:
                    for text, findings in entries.items():
                        cache.put(text, findings)

    def _prepare(self, checker: ParagraphChecker, paragraphs: list[Paragraph]) -> None:
        """Tell the checker which paragraphs it is about to be asked about that have
        no cached findings, so that one backed by outside processes (the grammar's
        morphology) can analyse them in one go."""
        with self._lock:
            cache = self._caches.get(checker.name)
            todo = [p.text for p in paragraphs if cache is None or p.text not in cache]
        if todo:
            checker.prepare(todo)

    def _forget(self, checker: ParagraphChecker, texts: list[str]) -> None:
        """A checker that failed during the check (its morphology stopped
        answering) gave these paragraphs no real verdict: they are asked again at
        the next check instead of being remembered as clean."""
        with self._lock:
            cache = self._caches.get(checker.name)
            if cache is not None:
                for text in texts:
                    cache.discard(text)

    def _cache_for(self, name: str) -> TextCache:
        """The checker's findings cache, made on first use (call with the lock held)."""
        cache = self._caches.get(name)
        if cache is None:
            cache = self._caches[name] = TextCache(CACHE_SIZE, CACHE_CHARS)
        return cache

    def _paragraph(self, checker: ParagraphChecker, para: Paragraph,
                   fresh: list[str]) -> tuple[Finding, ...]:
        """The paragraph's findings, from the cache or run now (then its text is
        added to `fresh`)."""
        if self._stopped:
            raise Stopped
        key = para.text
        with self._lock:
            cache = self._cache_for(checker.name)
            hit = cache.get(key)
            if hit is not None:
                return hit
        result = tuple(_tagged(checker.check_paragraph(key), checker))
        with self._lock:
            self.paragraph_runs += 1
            cache.put(key, result)
        fresh.append(key)
        return result

    def close(self) -> None:
        for c in self.checkers:
            c.close()


def in_running_order(checkers: Sequence[ParagraphChecker]) -> list[ParagraphChecker]:
    """The paragraph checkers in the order they run over a block: those that ask
    the shared morphology about a few paragraphs (ParagraphChecker.runs_late) after
    the others. Their findings still go where the registry puts them."""
    return ([c for c in checkers if not c.runs_late]
            + [c for c in checkers if c.runs_late])


def _refines(checker: Checker, skip: frozenset[str]) -> bool:
    """The checker has a refinement, and this check runs what it reads from."""
    return (isinstance(checker, ParagraphChecker) and bool(checker.refines_after)
            and not checker.refines_after & skip)


def placed(paragraphs: Sequence[Paragraph], per_paragraph: Iterable[Sequence[Finding]]
           ) -> Iterator[Finding]:
    """Each paragraph's findings (with offsets in the paragraph) shifted to where
    the paragraph stands in the text."""
    for para, findings in zip(paragraphs, per_paragraph, strict=True):
        for f in findings:
            yield f.shifted(para.start)


def text_findings(text: str, paragraphs: Sequence[Paragraph],
                  per_checker: Iterable[Iterable[Sequence[Finding]]],
                  document: Iterable[Finding]) -> list[Finding]:
    """A text's findings put together from their parts as a check of it (one
    block) puts them: each paragraph checker's (`per_checker`, in the engine's
    order: its findings per paragraph) over the paragraphs, then the document
    checkers', every span checked against the text. A batch whose workers worked
    out the parts gives what one check of the file gives."""
    found = [f for per_paragraph in per_checker for f in placed(paragraphs, per_paragraph)]
    found += document
    return _valid(found, text)


def _blocks(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """The paragraphs in runs of about BLOCK_CHARS characters."""
    blocks: list[list[Paragraph]] = [[]]
    size = 0
    for para in paragraphs:
        if size >= BLOCK_CHARS:
            blocks.append([])
            size = 0
        blocks[-1].append(para)
        size += len(para.text)
    return blocks


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block; afterwards what the block left alive
    is frozen (gc.freeze) before the collector is on again.

    A cold check of 10,000 words leaves some 160,000 tracked objects (the speller's,
    the morphology's and the matcher's caches, the findings), none of them in a
    reference cycle (tests/test_engine_gc.py). With the collector simply on again,
    the first allocation after the check started a young collection that walked
    all of them to free nothing: 35-75 ms of every cold check, before the report
    was handed back. Frozen, they are never walked; they are still freed by
    reference counting when a cache lets them go. (The app froze the heap after
    every check already, proofer.ui.checking; a check that raised is not frozen.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        if was_enabled:
            gc.enable()
        raise
    if was_enabled:
        gc.freeze()
        gc.enable()


def _tagged(findings: Iterable[Finding], checker: Checker) -> list[Finding]:
    return [f if f.source else f.with_source(checker.name) for f in findings]


def tagged_valid(findings: Iterable[Finding], checker: Checker, text: str) -> list[Finding]:
    return _valid(_tagged(findings, checker), text)


def _valid(findings: Iterable[Finding], text: str) -> list[Finding]:
    """A checker bug must never put a wrong span in front of a user."""
    return [
        f
        for f in findings
        if 0 <= f.start <= f.end <= len(text) and text[f.start : f.end] == f.text
    ]


def merge(findings: list[Finding]) -> list[Finding]:
    """One finding per problem.

    Same span: keep the higher-ranked finding (a claim over a hint, then the more
    specific category, then an error over a warning) and append the other's
    suggestions after its own.
    A span inside a higher-ranked finding's span is dropped: "Johanssomn" as a
    spelling slip says less than "Frderik Johanssomn" as a near-miss of a known name.
    """
    kept: list[Finding] = []
    for cluster in _overlapping(findings):
        kept.extend(_merge_cluster(cluster))
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def _overlapping(findings: list[Finding]) -> list[list[Finding]]:
    """Runs of findings whose spans overlap or touch. Merging only ever concerns a
    finding and one that contains it, so each run can be merged on its own: that
    keeps the merge near-linear for a long draft with hundreds of findings."""
    clusters: list[list[int]] = []
    end = -1
    for i in sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end)):
        f = findings[i]
        if clusters and f.start <= end:
            clusters[-1].append(i)
            end = max(end, f.end)
        else:
            clusters.append([i])
            end = f.end
    # Within a run, keep the input order: ties in rank are settled as before.
    return [[findings[i] for i in sorted(c)] for c in clusters]


def _only_touching(findings: list[Finding]) -> bool:
    """No two spans share a character: nothing to merge ("((((" in a pasted blob
    gives thousands of one-character findings in one run of touching spans, which
    the pairwise merge below would compare each with each)."""
    spans = sorted((f.start, f.end) for f in findings)
    return all(a[1] <= b[0] and a[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))


def _merge_cluster(findings: list[Finding]) -> list[Finding]:
    if len(findings) == 1 or _only_touching(findings):
        return findings
    ordered = sorted(findings, key=lambda f: (f.rank, f.end - f.start), reverse=True)
    kept: list[Finding] = []
    for f in ordered:
        absorbed = False
        for i, k in enumerate(kept):
            if (k.start, k.end) == (f.start, f.end):
                extra = tuple(s for s in f.suggestions if s not in k.suggestions)
                if extra:
                    kept[i] = replace(k, suggestions=k.suggestions + extra)
                absorbed = True
                break
            if k.start <= f.start and f.end <= k.end and k.end > k.start and k.rank >= f.rank:
                absorbed = True
                break
        if not absorbed:
            kept.append(f)
    return kept
