"""argparse in Swedish: its usage line, help headings and error messages.

argparse writes them in English through gettext, and Python ships no Swedish
catalogue for it, so "usage:", "error: the following arguments are required" and
"show this help message and exit" reached the user as they are (found by QA: every
user-facing string is Swedish). argparse looks its words up through the module's
own `_` and `ngettext` when it formats a message, so pointing those at this table
is enough; a message not in it stays as argparse wrote it.
"""

from __future__ import annotations

import argparse

SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "de här argumenten saknas: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "ett värde väntades",
    "expected at most one argument": "högst ett värde väntades",
    "expected at least one argument": "minst ett värde väntades",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydig flagga: %(option)s kan vara %(matches)s",
    "not allowed with argument %s": "får inte stå tillsammans med %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "ignored explicit argument %r": "värdet %r ignorerades",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "unexpected option string: %s": "oväntad flagga: %s",
}
SWEDISH_PLURAL = {
    "expected %s argument": ("%s värde väntades", "%s värden väntades"),
}


def _swedish(message: str) -> str:
    return SWEDISH.get(message, message)


def _swedish_n(singular: str, plural: str, n: int) -> str:
    forms = SWEDISH_PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """argparse speaks Swedish from now on (for parsers built after this, too)."""
    argparse._ = _swedish  # type: ignore[attr-defined]
    argparse.ngettext = _swedish_n  # type: ignore[attr-defined]
