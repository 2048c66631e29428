"""PyYAML's reasons for refusing a file, said in Swedish for the admins who keep the
name dictionaries (they read them in the status bar and the CLI). Each known reason
gets a Swedish explanation of what usually causes it; PyYAML's own words follow in
brackets, so that a reason not listed here, or a search on the web, still works."""

from __future__ import annotations

import re

# (words in PyYAML's problem, from its C or its Python reader) -> what it means and
# what usually mends it.
_REASONS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "ett kolon där inget kolon får stå – sätt citattecken runt ett värde som innehåller ': '"),
    ("could not find expected ':'", "ett kolon saknas efter en nyckel"),
    ("cannot start any token",
     "ett tecken som inte får stå där – oftast ett tabbtecken: YAML drar in med mellanslag"),
    ("unexpected end of stream",
     "filen tar slut mitt i ett värde – ett citattecken som aldrig stängs?"),
    ("expected <block end>", "fel indrag – raden står inte i linje med raderna ovanför"),
    ("did not find expected key", "fel indrag – raden står inte i linje med raderna ovanför"),
    ("did not find expected '-' indicator", "fel indrag i listan – ett '-' saknas"),
    ("unknown escape character", "ett okänt tecken efter '\\' inom dubbla citattecken"),
    ("undefined alias", "ett alias (*namn) som inte definieras i filen"),
    ("unacceptable character", "ett otillåtet styrtecken i filen"),
    ("',' or ']'", "en lista inom [ ] som aldrig stängs"),
    ("',' or '}'", "en mappning inom { } som aldrig stängs"),
)
_SPACES = re.compile(r"\s+")


def swedish(reason: str) -> str:
    """"mapping values are not allowed here" -> "ett kolon där … (mapping values …)"."""
    reason = _SPACES.sub(" ", reason).strip()
    for words, said in _REASONS:
        if words in reason:
            return f"{said} ({reason})"
    return reason
