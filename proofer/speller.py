"""A small, Qt-free wrapper around Hunspell sv_SE through pyenchant.

It adds what enchant lacks for our use: a lock (enchant handles are not thread
safe and the GUI checks in a worker), bounded caches, the user's personal word
list, and a clear status instead of an exception when the dictionary is missing.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proofer import error_model, suggestions
from proofer.bounded_read import read_bytes
from proofer.word_list_file import MAX_WORD_LIST_BYTES, decode_word_list

if TYPE_CHECKING:
    import queue
    from concurrent.futures import Future

    from proofer.word_table import WordTable

LANGUAGE = "sv_SE"
MORE_CACHE = 1_000  # words whose slow suggestions (more_suggestions) are kept
MAX_INITIALISM = 5  # "fn", "smhi": longer words in lower case are words


class Speller:
    def __init__(self, personal_words: Iterable[str] = (), language: str = LANGUAGE) -> None:
        self._lock = threading.Lock()
        self._accepted: set[str] = set()
        self._accepted_lower: set[str] = set()
        self._extra_lookups: list[Callable[[str], bool]] = []
        self._table: WordTable | None = None
        self._check_word: Callable[[str], bool] | None = None
        self.status = "ok"
        # Bumped whenever what the speller knows changes, so that a checker keeping
        # decisions between checks (consistency) knows to start over.
        self.generation = 0
        try:
            from proofer import early_start

            self._dict = early_start.take_dictionary(language)
            if self._dict is None:
                import enchant

                self._dict = enchant.Dict(language)
        except Exception as exc:  # missing enchant, missing hunspell-sv
            self._dict = None
            self.status = f"unavailable: {language} kunde inte laddas ({exc})"
        self.add_words(personal_words)
        self._hunspell_cached = lru_cache(maxsize=100_000)(self._hunspell_uncached)
        self._check_cached = lru_cache(maxsize=100_000)(self._check_uncached)
        self._close_cached = lru_cache(maxsize=20_000)(self._close_uncached)
        self._likely_cached = lru_cache(maxsize=20_000)(self._likely_uncached)
        self._suggest_cached = lru_cache(maxsize=20_000)(self._suggest_uncached)
        # word -> more_suggestions' answer, or Hunspell's own suggestions still being
        # looked for in the background (start_more_suggestions); a dict, so that
        # has_more_suggestions can tell an answer at hand from a search to come
        self._more: dict[str, tuple[str, ...] | _Search] = {}
        self._language = language

    @property
    def available(self) -> bool:
        return self._dict is not None

    def add_words(self, words: Iterable[str]) -> None:
        for w in words:
            w = w.strip()
            if w:
                self._accepted.add(w)
                self._accepted_lower.add(w.lower())
        self._forget()

    def use_table(self, table: WordTable | None) -> None:
        """Answer for listed words from a table of Hunspell's own verdicts
        (proofer.word_table): the same answers, without the compound search."""
        self._table = table
        self._forget()

    @property
    def has_table(self) -> bool:
        return self._table is not None

    def add_lookup(self, known: Callable[[str], bool]) -> None:
        """Let another word source (the name dictionaries) vouch for words."""
        self._extra_lookups.append(known)
        self._forget()

    def _forget(self) -> None:
        """A new accepted word changes both what is known and what is suggested.
        (The engine's paragraph cache is the caller's to clear: engine.invalidate.)"""
        self.generation += 1
        if hasattr(self, "_check_cached"):
            self._check_cached.cache_clear()
            self._close_cached.cache_clear()
            self._likely_cached.cache_clear()
            self._suggest_cached.cache_clear()
            self._more.clear()

    def is_accepted(self, word: str) -> bool:
        """In the personal list or another registered word source. (Asked for every
        word a check meets outside the speller's cache, ~5,000 in 10,000 words: a
        plain loop, and no lower-casing when the list is empty.)"""
        if self._accepted and (word in self._accepted or word.lower() in self._accepted_lower):
            return True
        for look in self._extra_lookups:
            if look(word):
                return True
        return False

    def accepted_exactly(self, word: str) -> bool:
        """In the personal word list as written (case and all)."""
        return word in self._accepted

    def vouched_by_lookups(self, word: str) -> bool:
        """Known to another registered word source (the name dictionaries)."""
        for look in self._extra_lookups:
            if look(word):
                return True
        return False

    def check(self, word: str) -> bool:
        """True if Hunspell (with its compound rules) or an accepted list knows it."""
        return self._check_cached(word)

    def hunspell_knows(self, word: str) -> bool:
        """Hunspell alone (no accepted words); cached: the grammar checkers ask it
        about the same forms and joins again and again."""
        if self._dict is None or not word:
            return True  # without a dictionary (or a word) we claim nothing
        if self._table is not None:
            known = self._table.answer(word)
            if known is not None:
                return known
        return self._hunspell_cached(word)

    def initialism(self, word: str) -> str | None:
        """"fn" -> "FN", "fn:s" -> "FN:s": a short word the speller rejects and knows
        only in capitals (not with an initial capital: "Ica" is a name), its ending
        after a colon kept; None for any other word. The capitals checker corrects
        it, and the spelling checker leaves it to that one."""
        base, colon, ending = word.partition(":")
        if not 2 <= len(base) <= MAX_INITIALISM or not base.isalpha() or (
                colon and not (ending.isalpha() and ending.islower() and len(ending) <= 4)):
            return None
        if self.check(base) or self.check(base.capitalize()) or not self.hunspell_knows(
                base.upper()):
            return None
        return base.upper() + colon + ending

    def _hunspell_uncached(self, word: str) -> bool:
        with self._lock:
            if self._check_word is None:
                self._check_word = _check_holding_the_interpreter(self._dict)
            return self._check_word(word)

    def _check_uncached(self, word: str) -> bool:
        if self.is_accepted(word):
            return True
        return self.hunspell_knows(word)

    def suggest(self, word: str) -> list[str]:
        """Corrections best first (see proofer.suggestions for the ranking)."""
        return list(self._suggest_cached(word))

    def more_suggestions(self, word: str) -> list[str]:
        """Our corrections, or where we have none, Hunspell's own, best first.

        Hunspell's suggest searches compounds and costs 50-150 ms a word, more for
        long ones: too slow for every unknown word of a check (a draft of fuzz or
        foreign text has thousands), but right for the one finding a person is
        looking at, where an error several edits away ("huvedpersson") would
        otherwise come with no correction at all. A search begun by
        start_more_suggestions is waited for here."""
        hit = self._more.get(word)
        if hit is None:
            if len(self._more) >= MORE_CACHE:
                self._more.clear()
            hit = self._more[word] = self._more_uncached(word)
        elif isinstance(hit, _Search):
            hit = self._more[word] = self._more_uncached(word, hit)
        return list(hit)

    def start_more_suggestions(self, word: str) -> None:
        """Begin more_suggestions' Hunspell search for the word on a thread of its
        own (with a dictionary handle of its own), when our corrections have
        nothing: the spelling checker asks for a block's few such words as it meets
        them and takes the answers when the block's other checkers are done, so
        that the searches (50-300 ms each) run beside them instead of before them.
        From here on has_more_suggestions says yes, as if the answer were in.

        The search's answer is the one more_suggestions would get: Hunspell's time
        limits count the process's CPU time, which another busy thread makes run
        faster, but the searches asked here end well inside them (compared on the
        words the evaluation sets ask about, with a thread spinning beside)."""
        if word in self._more:
            return
        if len(self._more) >= MORE_CACHE:
            self._more.clear()
        if self._suggest_cached(word) or self._dict is None:
            self._more[word] = self._more_uncached(word)  # at hand: no search
            return
        self._more[word] = _background_suggest(self._language, word)

    def more_suggestions_ready(self, word: str) -> bool:
        """Whether more_suggestions would answer at once (no search to wait for)."""
        hit = self._more.get(word)
        return hit is not None and (not isinstance(hit, _Search) or hit.done())

    def has_more_suggestions(self, word: str) -> bool:
        """Whether more_suggestions has the word's answer at hand or on its way (no
        Hunspell call of this thread's to start)."""
        return word in self._more

    def _more_uncached(self, word: str, pending: _Search | None = None
                       ) -> tuple[str, ...]:
        ours = self._suggest_cached(word)
        if ours or self._dict is None:
            return ours
        found = None if pending is None else pending.result()
        if found is None:  # none begun, or it failed, or it was begun before a fork
            found = self.hunspell_suggest(word)
        found = [s for s in found if all(self.check(part) for part in s.split())]
        return tuple(suggestions.rank(word, found))

    def close_candidates(self, word: str) -> list[str]:
        """One-edit corrections that Swedish text uses, best first; cheap (no
        Hunspell suggest), for deciding whether an unknown word is a slip."""
        return list(self._close_cached(word))

    def _close_uncached(self, word: str) -> tuple[str, ...]:
        return tuple(suggestions.rank(word, suggestions.listed_candidates(word, self.check)))

    def hunspell_suggest(self, word: str) -> list[str]:
        if self._dict is None:
            return []
        with self._lock:
            return list(self._dict.suggest(word))

    def likely_candidates(self, word: str) -> list[str]:
        """Corrections one likely misspelling away, best first: one edit, spelt by
        ear ("altid", "mäst", "diskution") or written together ("isåfall"). Cheaper
        than suggest, which searches further when these are few."""
        return list(self._likely_cached(word))

    def _likely_uncached(self, word: str) -> tuple[str, ...]:
        if self._dict is None:
            return ()
        found = set(self._close_cached(word))
        found |= error_model.by_ear_candidates(word, self.check)
        found |= error_model.split_candidates(word, self.check)
        return tuple(suggestions.rank(word, found))

    def _suggest_uncached(self, word: str) -> tuple[str, ...]:
        if self._dict is None:
            return ()
        found = set(self._likely_cached(word))
        if word[:1].isupper():  # ranked in the word's case; candidates are lower case
            found = {c[:1].lower() + c[1:] for c in found}
        if not any(error_model.spelling_cost(word, c) <= suggestions.ONE_KEYSTROKE
                   for c in found):
            # Nothing one slip away that Swedish text uses: a rare compound
            # one edit away, else two edits away, and Hunspell's own (slow) ideas.
            found |= suggestions.compound_candidates(word, self.check)
            # A rare form the frequency list lacks, with a stray letter ("omstöpefr").
            found |= suggestions.stray_letter_candidates(word, self.check)
            if not found:
                # Nothing one edit away either (the close candidates are empty), so
                # only the two-slip part of listed_candidates(two_edits=True) is left.
                found |= suggestions.two_slip_candidates(word, self.check)
        return tuple(suggestions.rank(word, found))


class _Search:
    """A Hunspell search begun on the suggester thread of this process. A forked
    process inherits its parent's speller, searches under way included, but not
    the thread that was to answer them: there they count as not begun (no wait
    on a thread that is not there, nor on a lock it may have held)."""

    __slots__ = ("answer", "pid")

    def __init__(self) -> None:
        from concurrent.futures import Future  # (not imported by a check that needs none)

        self.answer: Future[list[str]] = Future()
        self.pid = os.getpid()

    def done(self) -> bool:
        return self.pid != os.getpid() or self.answer.done()

    def result(self) -> list[str] | None:
        """The suggestions; None when the search failed or is another process's."""
        if self.pid != os.getpid():
            return None
        try:
            return self.answer.result()
        except Exception:  # noqa: BLE001 - the thread's handle failed: the caller asks its own
            return None


class _Suggester:
    """One thread with a dictionary handle of its own for Hunspell's slow suggest
    (enchant handles are not thread safe: the speller's own is busy answering the
    check's words meanwhile). pyenchant's suggest lets go of the interpreter lock,
    so a search runs on the other core while the check's Python goes on. The
    handle is loaded on the thread, when the first word comes (~70 ms of CPU and
    ~16 MB, once per process and language)."""

    def __init__(self, language: str) -> None:
        import queue

        self.language = language
        self.words: queue.SimpleQueue[tuple[str, Future[list[str]]]] = queue.SimpleQueue()
        threading.Thread(target=self._run, name=f"hunspell-suggest-{language}",
                         daemon=True).start()

    def _run(self) -> None:
        handle = None
        while True:
            word, answer = self.words.get()
            if not answer.set_running_or_notify_cancel():
                continue
            try:
                if handle is None:
                    import enchant

                    handle = enchant.Broker().request_dict(self.language)
                answer.set_result(list(handle.suggest(word)))
            except BaseException as exc:  # noqa: BLE001 - handed to the one who waits
                answer.set_exception(exc)


_suggesters: dict[str, _Suggester] = {}
_suggesters_lock = threading.Lock()


def _background_suggest(language: str, word: str) -> _Search:
    """Hunspell's suggestions for the word, looked for on the language's
    suggester thread."""
    with _suggesters_lock:
        suggester = _suggesters.get(language)
        if suggester is None:
            suggester = _suggesters[language] = _Suggester(language)
    search = _Search()
    suggester.words.put((word, search.answer))
    return search


def _forget_suggesters_in_child() -> None:
    """A forked process has none of its parent's threads: it starts its own."""
    global _suggesters_lock
    _suggesters.clear()
    _suggesters_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_suggesters_in_child)


def _check_holding_the_interpreter(d: Any) -> Callable[[str], bool]:
    """pyenchant's `d.check`, through a handle on enchant's check that keeps the
    interpreter lock during the call (ctypes.PyDLL), where pyenchant's lets it go.

    A check asks Hunspell about a thousand words outside the word table, 20-600 µs
    each, while the morphology's reader thread works on the tools' output. Letting
    go of the lock for each call handed it to that thread, and getting it back
    waited for the thread's switch interval: in a command-line check of 10,000
    words the calls took 0.3-0.45 s of wall time for 0.09 s of CPU. The answers
    are enchant's own (an error still goes through pyenchant, which raises it)."""
    try:
        import ctypes

        from enchant import _enchant

        check = ctypes.PyDLL(_enchant.e._name).enchant_dict_check
        check.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        check.restype = ctypes.c_int
    except (ImportError, AttributeError, OSError):
        return lambda word: bool(d.check(word))

    def checked(word: str) -> bool:
        handle = getattr(d, "_this", None)
        data = word.encode()
        verdict = check(handle, data, len(data)) if handle and data else -1
        if verdict < 0:  # freed, empty, or enchant's error: pyenchant's answer or error
            return bool(d.check(word))
        return verdict == 0

    return checked


def read_word_list(path: Path) -> list[str]:
    """One word per line, '#' comments; a missing file is an empty list."""
    try:
        lines = decode_word_list(read_bytes(path, MAX_WORD_LIST_BYTES)).splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:  # a FIFO or a device must not hang the start (issue 13)
        print(f"proofer: {path}: {exc.strerror or exc}", file=sys.stderr)
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
