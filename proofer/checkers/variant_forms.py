"""Two accepted forms of one word in one article ("i dag" three times, "idag" once).

SAOL accepts both "i dag" and "idag", "i stället" and "istället"; a house style picks
one, and an article that uses both looks unedited. The pairs are listed in
resources/spelling/variant_forms.yaml; the form an article uses less often is
reported with the other as the suggestion (at a tie, the one written second), as a
hint: neither form is wrong, and the copy desk decides which one the house uses.
The occurrences are counted per paragraph and kept by its text, so a re-check
after an edit recounts only the edited paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity
from proofer.morphology import match_case
from proofer.text_cache import ParagraphMemo
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[2] / "resources" / "spelling" / "variant_forms.yaml"


@dataclass(frozen=True)
class Variants:
    pattern: re.Pattern[str]  # every form of every pair, as whole words
    pair_of: dict[str, int]  # a form (lower case, single spaces) -> its pair's index
    forms: tuple[tuple[str, str], ...]
    raw: dict


@cache
def variants() -> Variants:
    raw = read_yaml(DATA)
    forms = tuple((str(a), str(b)) for a, b in raw["pairs"])
    pair_of = {f: i for i, pair in enumerate(forms) for f in pair}
    alternatives = sorted(pair_of, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"[ \t]+") for f in alternatives)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return Variants(pattern, pair_of, forms, raw)


# A paragraph's occurrences: (offset in the paragraph, written text, form).
_Hits = tuple[tuple[int, str, str], ...]


class VariantFormsChecker(DocumentChecker):
    name = "variant_forms"
    engine = "consistency"

    def __init__(self) -> None:
        variants()  # read the data now, not in the first check
        self._hits = ParagraphMemo(_hits_in)

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        data = variants()
        hits = [(para.start + at, written, form)
                for para in paragraphs for at, written, form in self._hits(para.text)]
        if len(hits) < 2:
            return []
        by_pair: dict[int, list[tuple[int, str, str]]] = {}
        for hit in hits:
            by_pair.setdefault(data.pair_of[hit[2]], []).append(hit)
        found = []
        for occurrences in by_pair.values():
            counts: dict[str, int] = {}
            for _, _, form in occurrences:
                counts[form] = counts.get(form, 0) + 1
            if len(counts) < 2:
                continue
            order = [form for _, _, form in occurrences]
            kept = max(counts, key=lambda f: (counts[f], -order.index(f)))
            for start, written, form in occurrences:
                if form != kept:
                    right = match_case(written, kept)
                    found.append(Finding(
                        start, start + len(written), written, Category.CONSISTENCY,
                        "consistency.variant-form",
                        f"Texten skriver annars ”{kept}” – båda formerna är riktiga, men "
                        f"håll samma form i hela texten.", (right,), Severity.INFO))
        return sorted(found, key=lambda f: f.start)


def _hits_in(text: str) -> _Hits:
    return tuple((m.start(), m.group(), " ".join(m.group().lower().split()))
                 for m in variants().pattern.finditer(text))
