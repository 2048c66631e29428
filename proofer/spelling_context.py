"""Corrections in context: the misspelt word's slot decides which correction goes first.

The speller orders its corrections by how likely each is as a misspelling and how
common it is; several are often as close ("läsr": läser, läst, läsa). The word before
tells which word class the sentence needs ("har" wants a supine: "läst"), and the
slots in resources/spelling/slots.yaml say so as data. Only the order changes, and
only where the morphology can read both the context and the corrections; without it
the speller's order stands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from proofer.finding import Finding
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "spelling" / "slots.yaml"

TagExpr = tuple[frozenset[str], ...]
MORE = 4  # the speller's corrections kept after a re-inflected one
# The subject pronouns that stand between a finite auxiliary and its verb in V2
# inversion ("Därför vill jag gå"); "det", "den" and "de" are also determiners.
SUBJECT_PRONOUNS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "man", "hen"})


@dataclass(frozen=True)
class Slot:
    name: str
    words: frozenset[str] | None
    lemmas: frozenset[str] | None
    tags: TagExpr | None
    sentence_start: bool
    after_not: TagExpr
    after: TagExpr
    expects: TagExpr
    examples: tuple[tuple[str, str], ...]
    #: look-alikes whose first correction must stay the speller's
    correct: tuple[tuple[str, str], ...]
    #: tags of the form a verb the speller offers first is put in when no
    #: correction fits ("att såger": "säger" -> "säga"); empty: none
    inflect_to: tuple[str, ...] = ()
    #: the word before may also stand before the subject pronoun that comes between
    #: it and the misspelling (V2 inversion: "Därför vill jag «såger»")
    across_subject: bool = False


def _tags(value: Any) -> TagExpr:
    return tuple(frozenset(str(v).split()) for v in value or ())


@cache
def slots() -> tuple[Slot, ...]:
    out = []
    for raw in read_yaml(DATA)["slots"]:
        before = raw.get("before") or {}
        out.append(Slot(
            str(raw["name"]),
            frozenset(w.lower() for w in before["word"]) if "word" in before else None,
            frozenset(before["lemma"]) if "lemma" in before else None,
            _tags(before["tags"]) if "tags" in before else None,
            bool(before.get("sentence_start", False)),
            _tags(raw.get("after_not")),
            _tags(raw.get("after")),
            _tags(raw["expects"]),
            tuple((str(w), str(c)) for w, c in raw.get("examples", ())),
            tuple((str(w), str(c)) for w, c in raw.get("correct", ())),
            tuple(str(raw.get("inflect_to", "")).split()),
            bool(before.get("across_subject", False))))
    return tuple(out)


def _has(token: Any, tags: TagExpr, lemmas: frozenset[str] | None = None) -> bool:
    return any((lemmas is None or r.lemma in lemmas)
               and (not tags or any(alt <= set(r.tags) for alt in tags))
               for r in token.readings)


def _fits_before(slot: Slot, tagged: Sequence[Any], k: int) -> bool:
    """Token k (the word before the misspelling) is the slot's left context."""
    token = tagged[k]
    if slot.words is not None and token.text.lower() not in slot.words:
        return False
    if (slot.lemmas is not None or slot.tags is not None) and not _has(
            token, slot.tags or (), slot.lemmas):
        return False
    if slot.sentence_start:
        return k == 0 or "sent" in {t for r in tagged[k - 1].readings for t in r.tags}
    return True


def slot_at(tagged: Sequence[Any], start: int, end: int) -> Slot | None:
    """The first slot whose context surrounds the span start..end."""
    k = next((i for i in range(len(tagged) - 1, -1, -1) if tagged[i].end <= start), None)
    if k is None or not tagged[k].text.strip():
        return None
    after = next((t for t in tagged if t.start >= end), None)
    inverted = k > 0 and tagged[k].text.lower() in SUBJECT_PRONOUNS
    for slot in slots():
        if not (_fits_before(slot, tagged, k)
                or (slot.across_subject and inverted and _fits_before(slot, tagged, k - 1))):
            continue
        if slot.after_not and after is not None and _has(after, slot.after_not):
            continue
        if slot.after and (after is None or not after.readings or not all(
                any(alt <= set(r.tags) for alt in slot.after) for r in after.readings)):
            continue
        return slot
    return None


Generate = Callable[[str, Sequence[str]], list[str]]


def rerank(findings: list[Finding], tagged: Sequence[Any] | None,
           readings: Callable[[list[str]], dict[str, Sequence[Any]]],
           message: Callable[[str], str], rule: str,
           generate: Generate | None = None) -> list[Finding]:
    """The findings of `rule` with their corrections that fit the slot moved first
    (in the speller's order among themselves), and `message` of the new first one.
    `readings` gives words' readings out of context (the morphology's analysis of
    each word alone); `generate` (the morphology's generator) lets a slot that
    names `inflect_to` put the speller's first correction, a verb, in its form."""
    return rerank_many([(tagged, findings)], readings, message, rule, generate)[0]


def rerank_many(paragraphs: Sequence[tuple[Sequence[Any] | None, list[Finding]]],
                readings: Callable[[list[str]], dict[str, Sequence[Any]]],
                message: Callable[[str], str], rule: str,
                generate: Generate | None = None) -> list[list[Finding]]:
    """rerank for several paragraphs (each its tokens and its findings), with one
    call of `readings` for all their corrections: one round trip to the
    morphology's tools for a whole check, not one per paragraph. A word's readings
    out of context do not depend on the other words asked with it."""
    todos = [_todo(findings, tagged, rule) for tagged, findings in paragraphs]
    words = sorted({c.lower() for todo in todos for _, f, _ in todo
                    for c in f.suggestions if " " not in c})
    if not words:
        return [findings for _, findings in paragraphs]
    known = readings(words)
    return [_moved(findings, todo, known, message, generate) if todo else findings
            for (_, findings), todo in zip(paragraphs, todos, strict=True)]


def _todo(findings: list[Finding], tagged: Sequence[Any] | None, rule: str
          ) -> list[tuple[int, Finding, Slot]]:
    """The findings of `rule` with a choice of corrections (or one, where the slot
    may re-inflect it), each with its slot."""
    if not tagged:
        return []
    todo = [(i, f, slot_at(tagged, f.start, f.end)) for i, f in enumerate(findings)
            if f.rule == rule and f.suggestions]
    return [(i, f, s) for i, f, s in todo
            if s is not None and (len(f.suggestions) > 1 or s.inflect_to)]


def _moved(findings: list[Finding], todo: list[tuple[int, Finding, Slot]],
           known: dict[str, Sequence[Any]], message: Callable[[str], str],
           generate: Generate | None = None) -> list[Finding]:
    out = list(findings)
    for i, f, slot in todo:
        fits = [c for c in f.suggestions if any(
            _has(t, slot.expects) for t in known.get(c.lower(), ()))]
        if fits and len(fits) < len(f.suggestions) and fits[0] != f.suggestions[0]:
            rest = [c for c in f.suggestions if c not in fits]
            out[i] = replace(f, suggestions=tuple(fits + rest), message=message(fits[0]))
        elif not fits and slot.inflect_to and generate is not None:
            form = _inflected(f.suggestions[0], known, slot.inflect_to, generate)
            if form:
                out[i] = replace(f, suggestions=(form, *f.suggestions[:MORE]),
                                 message=message(form))
    return out


def _inflected(word: str, known: dict[str, Sequence[Any]], tags: tuple[str, ...],
               generate: Generate) -> str | None:
    """`word` in the form `tags` when it is a verb and nothing else (every reading of
    it alone, of one lemma: "säger" -> "säga"; not "hann", which may stand for
    "han"), in its case."""
    tokens = known.get(word.lower(), ())
    if len(tokens) != 1 or not tokens[0].readings:
        return None
    readings = tokens[0].readings
    lemmas = {r.lemma for r in readings}
    if len(lemmas) != 1 or not all(r.tags[:1] == ("vblex",) for r in readings):
        return None
    forms = generate(next(iter(lemmas)), tags)
    if not forms or forms[0].lower() == word.lower():
        return None
    return forms[0][:1].upper() + forms[0][1:] if word[:1].isupper() else forms[0]
