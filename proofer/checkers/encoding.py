"""Mojibake: UTF-8 text that was once read as cp1252 ("Ã¥" for "å", "â€“" for "–").

It happens when a draft passes through a tool that guessed the wrong encoding, and
the damage is mechanical, so the repair is exact: the garbled characters are the
cp1252 spelling of the UTF-8 bytes of the intended ones. We flag a word only when
the decoded character is one that Swedish news text plausibly holds (Latin letters,
typographic punctuation, currency, emoji). Pairs that real text can hold too (a
capital Â, Ä, Å or Ã followed by a quote, a dash or a Polish letter's second byte)
count only inside a word ("GdaÅ„sk", "Ã–rebro") or twice in one word; so
"MALMÖ–GÖTEBORG", "”Å”" and "”MANHÃ”" stay untouched. Run over the 50,000
commonest words of Swedish, English, Portuguese, French, Polish and others, as is,
in capitals, in quotes and joined by dashes, it fired only on tokens that are
mojibake themselves. U+FFFD (a character already
lost) is flagged too, without a suggestion.
"""

from __future__ import annotations

import re
from typing import ClassVar

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity

RULE = "encoding.mojibake"
MESSAGE = "Felkodade tecken – texten har någon gång lästs med fel teckenkodning"
LOST_RULE = "encoding.replacement-char"
LOST_MESSAGE = "Felkodat tecken – ett tecken gick förlorat vid en omkodning"


def _char(byte: int) -> str:
    """The character a cp1252 reader shows for `byte` (latin-1 for its five holes)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_BYTE_OF = {_char(b): b for b in range(0x80, 0x100)}
_CONT = "".join(_char(b) for b in range(0x80, 0xC0))
_LEAD2 = "".join(_char(b) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(_char(b) for b in range(0xE0, 0xF0))
_LEAD4 = "".join(_char(b) for b in range(0xF0, 0xF5))
_C = f"[{re.escape(_CONT)}]"
_SEQUENCE = re.compile(
    f"[{re.escape(_LEAD2)}]{_C}|[{re.escape(_LEAD3)}]{_C}{{2}}|[{re.escape(_LEAD4)}]{_C}{{3}}"
    # "â€" whose last byte (0x9d, undefined in cp1252) was dropped or replaced by
    # U+FFFD on the way: nearly always "”".
    f"|â€(?:\ufffd|(?!{_C}))"
)
# After a capital Ä/Å these are ordinary punctuation, not a second UTF-8 byte.
_PUNCTUATION_AFTER_LETTER = set("”’–—…»›\xa0°·")
_STRONG, _WEAK, _NONE = 2, 1, 0


def _decode(seq: str) -> tuple[str, int]:
    """What the sequence meant and how sure we are that it is mojibake."""
    if seq in ("â€", "â€\ufffd"):
        return "”", _STRONG
    try:
        char = bytes(_BYTE_OF[c] for c in seq).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return "", _NONE
    lead, code = _BYTE_OF[seq[0]], ord(char)
    if lead == 0xC2:  # "Â\xa0" is a no-break space; "«Â»" may be a quoted letter
        if code < 0xA0:
            return "", _NONE
        return char, _WEAK if seq[1] in _PUNCTUATION_AFTER_LETTER - {"\xa0"} else _STRONG
    if lead == 0xC3:  # "Ã–" is "Ö", but "MANHÃ”" is Portuguese in capitals and quotes
        return char, _WEAK if seq[1] in _PUNCTUATION_AFTER_LETTER else _STRONG
    if lead in (0xC4, 0xC5):  # Latin Extended-A: š ž ł č ę ...
        return char, _NONE if seq[1] in _PUNCTUATION_AFTER_LETTER else _WEAK
    if lead in (0xCE, 0xCF, 0xD0, 0xD1):  # Greek, Cyrillic
        return char, _WEAK
    if lead == 0xE2:
        return char, _STRONG if 0x2000 <= code <= 0x214F else _NONE
    if lead == 0xEF and char == "\ufeff":  # a byte order mark in mid-text: "ï»¿"
        return "", _STRONG
    if lead == 0xF0 and 0x1F000 <= code <= 0x1FAFF:  # emoji
        return char, _STRONG
    return "", _NONE


def repair(text: str) -> str:
    """`text` with every recognised mojibake sequence decoded; twice-garbled text
    ("Ã\\x83Â¥") is decoded again."""
    for _ in range(3):
        fixed = _SEQUENCE.sub(lambda m: _decoded_or_same(m.group()), text)
        if fixed == text:
            break
        text = fixed
    return text


def _decoded_or_same(seq: str) -> str:
    char, strength = _decode(seq)
    return char if strength else seq


class MojibakeChecker(ParagraphChecker):
    name = "encoding"
    engine = "rules"

    # (paragraph, flagged text, correction or None for "no suggestion"): run as tests.
    EXAMPLES: ClassVar[list[tuple[str, str, str | None]]] = [
        ("Vi åt rÃ¤ksmÃ¶rgÃ¥s i går.", "rÃ¤ksmÃ¶rgÃ¥s", "räksmörgås"),
        ("Han sa: â€Hej!â€\x9d", "â€Hej!â€\x9d", "”Hej!”"),
        ("Hon sa ”jaâ€\ufffd och gick.", "jaâ€\ufffd", "ja”"),
        ("Det var 10 â€“ 12 grader.", "â€“", "–"),
        ("Ã–rebro vann.", "Ã–rebro", "Örebro"),
        ("Ã–STERSUND: snöstorm.", "Ã–STERSUND", "ÖSTERSUND"),
        ("Priset är 5Â\xa0000 kronor.", "5Â\xa0000", "5\xa0000"),
        ("Det kostar 20 â‚¬ per dag.", "â‚¬", "€"),
        ("Det var 20Â°C i går.", "20Â°C", "20°C"),
        ("Han sa Â»nejÂ» till slut.", "Â»nejÂ»", "»nej»"),
        ("Han sa â€detâ€ ofta.", "â€detâ€", "”det”"),
        ("Polisen i GdaÅ„sk larmades.", "GdaÅ„sk", "Gdańsk"),
        ("Slobodan MiloÅ¡eviÄ‡ dog.", "MiloÅ¡eviÄ‡", "Milošević"),
        ("Dubbelt fel: gÃƒÂ¥r inte.", "gÃƒÂ¥r", "går"),
        ("Bom: ï»¿Text", "ï»¿Text", "Text"),
        ("Det var trasigt: m\ufffdnga fel.", "\ufffd", None),  # lost: no fix to offer
    ]
    CORRECT: ClassVar[list[str]] = [
        "Räksmörgås – en klassiker på ”Åre” i höst.",
        "MALMÖ–GÖTEBORG: tåget står still. ÄR DET SANT?",
        "Bokstaven ”Å” och ”Ä” i ordet ÅÄÖ, Å… och Ä»",
        "São Paulo, Curaçao, Ångström, Łódź, Škoda och Müller möttes.",
        "Temperaturen var 20° och priset 5 €; ”Ö” – slut.",
        "Ärligt talat: Å… jag vet inte. Ö-vik, Å/Ä/Ö, ÅÄÖ·ÅÄÖ",
        "Citat: «Ä» och ‘Å’ eller ÅŠ?",
        "På portugisiska: ”MANHÃ” och ”IRMÃ” – eller bara ”Ã”.",
    ]

    def check_paragraph(self, text: str) -> list[Finding]:
        groups: list[list[tuple[int, int, str, int]]] = []
        for m in _SEQUENCE.finditer(text):
            char, strength = _decode(m.group())
            if not strength:
                continue
            if strength == _WEAK and _inside_word(text, m.start(), m.end()):
                strength = _STRONG  # "GdaÅ„sk", "Ã–rebro": no quote or dash sits there
            if groups and not any(c.isspace() for c in text[groups[-1][-1][1]:m.start()]):
                groups[-1].append((m.start(), m.end(), char, strength))
            else:
                groups.append([(m.start(), m.end(), char, strength)])
        findings = [self._finding(text, g) for g in groups
                    if any(s == _STRONG for *_, s in g) or len(g) >= 2]
        findings.extend(
            Finding(m.start(), m.end(), m.group(), Category.ARTIFACT, LOST_RULE,
                    LOST_MESSAGE, (), Severity.ERROR)
            for m in re.finditer("\ufffd+", text)
            if not any(f.start <= m.start() < f.end for f in findings))
        return findings

    @staticmethod
    def _finding(text: str, group: list[tuple[int, int, str, int]]) -> Finding:
        start, end = group[0][0], group[-1][1]
        start, end = _word_bounds(text, start, end)
        span = text[start:end]
        return Finding(start, end, span, Category.ARTIFACT, RULE, MESSAGE,
                       (repair(span),), Severity.ERROR)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Lowercase on either side, or a word that starts here ("Ã–STERSUND"); not the
    end of a word in capitals ("MANHÃ–")."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before.islower() or after.islower() or (after.isalpha() and not before.isalpha())


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to the whole word, so that accepting the fix replaces "rÃ¤ksmÃ¶rgÃ¥s"
    as one word and the other checkers' findings inside it are absorbed."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
