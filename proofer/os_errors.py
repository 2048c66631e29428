"""Why a file could not be read or written, in Swedish.

The operating system's own texts ("No space left on device") are English whatever
the user's language; every message Proofer shows is Swedish, so the common reasons
are said here, and only a rare one falls back to the system's text.
"""

from __future__ import annotations

import errno
import os

_REASONS = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "saknar behörighet",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EISDIR: "är en katalog",
    errno.ENOTDIR: "en del av sökvägen är ingen katalog",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.EMFILE: "för många öppna filer",
    errno.EEXIST: "filen finns redan",
    errno.EBUSY: "filen används",
    errno.ETXTBSY: "filen används",
    errno.ELOOP: "för många symboliska länkar i rad",
    errno.EXDEV: "kan inte flyttas mellan filsystem",
    errno.ESTALE: "nätverksfilen är inte längre tillgänglig",
}


def reason(exc: BaseException) -> str:
    """The reason in Swedish, without the file name. Proofer's own errors (a
    FolderNotWritable, a WrittenInPart) carry a Swedish text already and keep it."""
    if isinstance(exc, OSError):
        own = exc.strerror
        system = own is None or (exc.errno is not None and own == os.strerror(exc.errno))
        if exc.errno in _REASONS and system:
            return _REASONS[exc.errno]
        if own:
            return own
    return str(exc) or type(exc).__name__


def describe(exc: BaseException, path: object = None) -> str:
    """One line for people: the file (the one given, else the one the error names)
    once, then the reason in Swedish. Any other exception is its own text."""
    if not isinstance(exc, OSError):
        return str(exc)
    why = reason(exc)
    where = path if path is not None else exc.filename
    if where is None or str(where) in why:
        return why
    return f"{where}: {why}"
