"""Writes that never leave a half-written or lost file behind.

Everything that saves user data (drafts in every format, exports, dictionaries,
proposals, settings, the personal word list, autosaves) goes through here, because a
newsroom shares folders: a save must not change who can read the file, must not turn
a symlink into a copy, and must never leave a truncated file or backup, even when the
process is killed at any instant. So a save

- follows a symlink and replaces the file it points to, in that file's folder;
- writes a temporary file beside it (`.NAME.proofer-tmp-PID-XXXXXX`, a name no user
  file has), gives it the old file's owner, group and mode (a new file gets the umask,
  like any other program's), fsyncs it;
- keeps the previous version as `NAME.bak`, the ones before as `NAME.bak.1` and
  `NAME.bak.2` (BACKUPS generations): the backup is a hard link to the old file (or,
  where links are not possible, a complete fsynced copy) renamed into place, so a
  backup is always a whole earlier version;
- renames the temporary file over the target in one atomic step.

Two kinds of file are written into instead (as vim and GIO do), because replacing
them would change what others see: a file with other hard links (the other names
would keep the old text) and a file whose owner or group the saver cannot give the
new file (a colleague's draft in a shared folder would become the saver's). The
backup is then a complete copy made first, and the space for the new text is
reserved before the first byte is overwritten. A file the saver has no write
permission for is never replaced: renaming over it would bypass its protection.

Writers of one file are serialised by `flock` on `.NAME.proofer-lock`, which the
holder removes as it finishes (a lock left by a killed process is removed by the next
save or `clean_folder`). A read-modify-write (a dictionary edit, a proposal, a word
added to a list) holds that lock from its read to its rename (`locked_edit`), so
writers that go through here queue instead of refusing each other: a compare-and-swap
retry loop alone lets a slow writer lose every round on a loaded machine. Under that
lock a save removes the temporary files a killed save of the same file left behind;
`clean_folder` does the same for a whole folder at start-up, skipping every file
whose save is still running.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import random
import re
import secrets
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

BACKUPS = 3  # NAME.bak, NAME.bak.1, NAME.bak.2
_TMP = ".proofer-tmp-"
_LOCK = ".proofer-lock"
_OURS = re.compile(r"\.(?P<stem>.+)\.proofer-(?:tmp-(?P<pid>\d+)-[0-9a-f]+|lock)", re.S)
_STEM_BYTES = 200  # room for our suffixes within the usual 255-byte name limit
_STARTED = time.time()  # temporary files older than this cannot be this process's

T = TypeVar("T")


class ChangedOnDisk(Exception):
    """The file changed since it was read: saving would lose someone else's edit."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: filen har ändrats på disk sedan den lästes in")
        self.path = path


class FileNotWritable(PermissionError):
    """The file itself is write-protected for this user: a rename could replace it
    anyway (only the folder's permission counts for that), which would bypass the
    protection its owner gave it. Said in one Swedish line."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "filen är skrivskyddad (du saknar skrivbehörighet "
                                       "till den); spara under ett annat namn")
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


class WrittenInPart(OSError):
    """A write into the file itself failed midway: the file may be incomplete, the
    backup holds the version before."""

    def __init__(self, path: Path, cause: OSError, backup: Path | None) -> None:
        where = (f"; den förra versionen finns i {backup.name}" if backup is not None
                 else "")
        super().__init__(cause.errno, f"skrivningen avbröts ({cause.strerror or cause}), "
                                      f"filen kan vara ofullständig{where}")
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


class FolderNotWritable(PermissionError):
    """A save needs new files beside the target (the temporary file, the lock), so it
    is the folder that must be writable; said so in one Swedish line."""

    def __init__(self, folder: Path) -> None:
        super().__init__(errno.EACCES, f"saknar skrivbehörighet i mappen {folder}")
        self.folder = folder

    def __str__(self) -> str:
        return str(self.strerror)


def digest(data: bytes | None) -> str | None:
    """The fingerprint of file content as read (None: the file did not exist)."""
    return None if data is None else hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str | None:
    """Content hash of a file, None if it does not exist."""
    try:
        return digest(Path(path).read_bytes())
    except FileNotFoundError:
        return None


def backup_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".bak")


def backup_paths(path: Path) -> list[Path]:
    """The backup generations, newest first."""
    first = backup_path(path)
    return [first] + [first.with_name(f"{first.name}.{i}") for i in range(1, BACKUPS)]


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = True,
                       expected: str | None | bool = False) -> None:
    """Replace `path` with `data` atomically (see the module docstring).

    `expected` is the fingerprint the caller saw when it read the file (None: it did
    not exist); if the file now differs, ChangedOnDisk is raised and nothing is
    written. Pass False to skip that check. Writing the content the file already has
    changes nothing (and so pushes out no backup).
    """
    shown = Path(path)
    with suppress(FileNotFoundError):
        if not stat.S_ISREG((st0 := os.stat(shown)).st_mode):
            _write_into(shown, st0, data)
            return
    target = Path(os.path.realpath(shown))
    with _folder_for(target):
        _write_locked(shown, target, data, backup, expected)


def _write_locked(shown: Path, target: Path, data: bytes, backup: bool,
                  expected: str | None | bool) -> None:
    with file_lock(target):
        try:
            st: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            _write_into(target, st, data)
            return
        current = None
        if st is not None and (expected is not False or st.st_size == len(data)):
            current = target.read_bytes()
        if expected is not False and digest(current) != expected:
            raise ChangedOnDisk(shown)
        _remove_dead_temps(target)
        if current is not None and current == data:
            return
        if st is not None and not _may_write(target):
            raise FileNotWritable(shown)
        if st is not None and _other_links(target, st):
            _write_in_place(target, data, st, backup)
            return
        if not _replace(target, data, st, backup):
            _write_in_place(target, data, st, backup)


def atomic_write_text(path: Path, text: str, *, backup: bool = True,
                      expected: str | None | bool = False, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding), backup=backup, expected=expected)


def locked_edit(path: Path, attempt: Callable[[], T]) -> T:
    """Run a read-modify-write `attempt` of `path` holding the file's lock from the
    read to the rename, so other writers that go through here wait their turn (the
    wait has no time limit: a queue cannot starve the way "retry, then give up" can
    when each round costs seconds). The attempt's own save takes the same lock again
    without waiting. The compare-and-swap stays as the safety net: a writer that does
    not lock (another program, an editor opened earlier) still gets ChangedOnDisk, and
    the attempt is then redone on top of its change."""
    target = Path(os.path.realpath(path))

    def locked() -> T:
        with file_lock(target):
            return attempt()
    with _folder_for(target):
        return retry_on_change(locked)


def retry_on_change(attempt: Callable[[], T], *, give_up_after: float = 120.0) -> T:
    """Run a read-modify-write `attempt` until it is not refused with ChangedOnDisk.

    Each refusal means another writer saved first; the attempt reads again and redoes
    its change on top, so both edits are kept. Randomised exponential back-off keeps
    a crowd of writers from colliding in lock-step.
    """
    give_up = time.monotonic() + give_up_after
    delay = 0.01
    while True:
        try:
            return attempt()
        except ChangedOnDisk:
            if time.monotonic() > give_up:
                raise
            time.sleep(random.uniform(0, delay))
            delay = min(delay * 2, 1.0)


@contextmanager
def _folder_for(target: Path) -> Iterator[None]:
    """The target's folder, made if missing for the write inside; when that write is
    refused or fails, the folders made for it are removed again (when still empty:
    the lock file is gone by then), so a refused save leaves the disk as it was."""
    made = _make_folder(target.parent)
    try:
        yield
    except BaseException:
        for folder in reversed(made):
            with suppress(OSError):
                os.rmdir(folder)
        raise


def _make_folder(folder: Path) -> list[Path]:
    """The target's folder, made if missing; returns the folders this call made,
    outermost first (one made meanwhile by someone else is not ours). A file in the
    way is said as what it is (a part of the path is no folder), not as "file
    exists"."""
    missing: list[Path] = []
    at = Path(folder)
    while not at.is_dir() and at != at.parent:
        missing.append(at)
        at = at.parent
    made: list[Path] = []
    try:
        for one in reversed(missing):
            try:
                one.mkdir()
            except FileExistsError:
                if one.is_dir():
                    continue  # made meanwhile by someone else: not ours to remove
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR),
                                         str(folder)) from None
            made.append(one)
    except BaseException:
        for one in reversed(made):
            with suppress(OSError):
                one.rmdir()
        raise
    return made


# -- locking ---------------------------------------------------------------------------
def _stem(name: str) -> str:
    return name.encode("utf-8", "surrogateescape")[:_STEM_BYTES].decode("utf-8", "ignore")


def lock_path(path: Path) -> Path:
    return Path(path).with_name(f".{_stem(Path(path).name)}{_LOCK}")


_held = threading.local()  # the lock files this thread holds (a save inside an edit)


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Serialises writers of one file across processes and threads, so that "check it
    did not change, then replace it" is one step for everyone who saves through here.
    Re-entrant within a thread: the save inside a `locked_edit` does not wait for the
    lock its own edit holds."""
    lock = lock_path(path)
    held: set[str] = _held.__dict__.setdefault("locks", set())
    if str(lock) in held:
        yield
        return
    fd = _acquire(lock, blocking=True)
    assert fd is not None
    held.add(str(lock))
    try:
        yield
    finally:
        held.discard(str(lock))
        _release(lock, fd)


def _acquire(lock: Path, *, blocking: bool) -> int | None:
    """flock on the lock file, making sure it is still the file at that name: the
    previous holder unlinks it when done, and whoever waited on the unlinked file
    must lock the new one instead."""
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except PermissionError:  # a colleague's lock file in a shared folder?
            try:
                fd = os.open(lock, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                raise FolderNotWritable(lock.parent) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(lock))
            except FileNotFoundError:
                same = False
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        if same:
            return fd
        os.close(fd)


def _release(lock: Path, fd: int) -> None:
    try:
        with suppress(OSError):  # e.g. a sticky folder where it is someone else's
            os.unlink(lock)
    finally:
        os.close(fd)


# -- temporary files -------------------------------------------------------------------
def _tmp_name(target: Path) -> Path:
    return target.with_name(f".{_stem(target.name)}{_TMP}{os.getpid()}-{secrets.token_hex(3)}")


def _create_tmp(target: Path) -> tuple[int, Path]:
    """A new, exclusively created temporary file beside target; mode 0666 minus the
    umask, as for any new file."""
    while True:
        tmp = _tmp_name(target)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                           0o666), tmp
        except FileExistsError:
            continue
        except PermissionError:
            raise FolderNotWritable(target.parent) from None


def _is_dead_temp(entry: os.DirEntry[str], match: re.Match[str], *, started: float | None
                  ) -> bool:
    pid = match.group("pid")
    if pid is None or int(pid) == os.getpid():
        return False
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and (started is None or st.st_mtime < started)


def _remove_dead_temps(target: Path) -> None:
    """Temporary files of earlier saves of target: with its lock held, none of them
    belongs to a save still running, so they are what killed saves left."""
    prefix = f".{_stem(target.name)}{_TMP}"
    with suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not entry.name.startswith(prefix):
                continue
            m = _OURS.fullmatch(entry.name)
            if m and _is_dead_temp(entry, m, started=None):
                with suppress(OSError):
                    os.unlink(entry.path)


def clean_folder(folder: Path) -> int:
    """Remove what killed saves left in `folder`: our temporary files older than this
    process, for files no save is running on now, and stale lock files. Never
    touches a name that is not exactly ours. Returns how many temporary files went."""
    groups: dict[str, list[os.DirEntry[str]]] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = _OURS.fullmatch(entry.name)
                if m:
                    groups.setdefault(m.group("stem"), []).append(entry)
    except OSError:
        return 0
    removed = 0
    for stem, found in groups.items():
        lock = Path(folder) / f".{stem}{_LOCK}"
        try:
            fd = _acquire(lock, blocking=False)
        except OSError:
            continue
        if fd is None:
            continue  # a save of that file is running now
        try:
            for entry in found:
                m = _OURS.fullmatch(entry.name)
                if m and _is_dead_temp(entry, m, started=_STARTED):
                    with suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
        finally:
            _release(lock, fd)
    return removed


# -- the save itself -------------------------------------------------------------------
def _may_write(target: Path) -> bool:
    """Whether this user may write the file itself (as the kernel would decide)."""
    effective = os.access in os.supports_effective_ids
    return os.access(target, os.W_OK, effective_ids=effective)


def _other_links(target: Path, st: os.stat_result) -> bool:
    """The file has other names (hard links) that a rename would leave with the old
    text; a `.bak` that is the very file (a save killed before its rename) is ours."""
    return st.st_nlink - (1 if _already_backed_up(target) else 0) > 1


def _replace(target: Path, data: bytes, st: os.stat_result | None, backup: bool) -> bool:
    """Write a temporary file and rename it over target. False, with nothing
    changed, when the new file could not be given the old one's owner and group:
    then the caller writes into the file instead."""
    fd, tmp = _create_tmp(target)
    made: list[Path] = [tmp]
    try:
        with os.fdopen(fd, "wb") as fh:
            if st is not None and not _take_over(fh.fileno(), st):
                fh.close()
                tmp.unlink()
                return False
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and st is not None and not _already_backed_up(target):
            bak = _whole_copy(target, st)
            made.append(bak)
            _rotate(target)
            os.replace(bak, backup_path(target))
        os.replace(tmp, target)
    except BaseException:
        for t in made:
            with suppress(OSError):
                t.unlink()
        raise
    _fsync_dir(target.parent)
    return True


def _take_over(fd: int, st: os.stat_result) -> bool:
    """Give the new file the old one's owner, group and mode (owner first: chown
    clears set-id bits). False when the owner or group cannot be given (a user
    saving a colleague's file, or a file of a group the user is not in)."""
    now = os.fstat(fd)
    if (now.st_uid, now.st_gid) != (st.st_uid, st.st_gid):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            return False
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    return True


def _write_in_place(target: Path, data: bytes, st: os.stat_result, backup: bool) -> None:
    """Write `data` into the file itself (its inode, links, owner, group, mode and
    extended attributes all stay). First the backup, a complete copy (a hard link
    would be the very file being overwritten); then the space for the new content
    is reserved, so a full disk refuses before anything is overwritten."""
    bak: Path | None = None
    if backup:
        copy = _whole_copy(target, st, link=False)
        try:
            if not _already_backed_up(target):
                _rotate(target)
            os.replace(copy, backup_path(target))
        except BaseException:
            with suppress(OSError):
                copy.unlink()
            raise
        bak = backup_path(target)
    fd = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
    try:
        if len(data) > st.st_size:
            try:
                os.posix_fallocate(fd, 0, len(data))
            except OSError as exc:
                if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                    raise  # no room: nothing of the file is overwritten yet
        try:
            view = memoryview(data)
            done = 0
            while done < len(data):
                done += os.pwrite(fd, view[done:], done)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError as exc:
            raise WrittenInPart(target, exc, bak) from exc
    finally:
        os.close(fd)
    _fsync_dir(target.parent)


def _already_backed_up(target: Path) -> bool:
    """A save killed between writing the backup and replacing the file leaves the
    .bak as the very current file: no second copy of it."""
    try:
        return os.path.samefile(backup_path(target), target)
    except OSError:
        return False


def _whole_copy(target: Path, st: os.stat_result, *, link: bool = True) -> Path:
    """The current file under a temporary name, complete before anyone sees it: the
    file itself under a second name where `link` allows, else a copy."""
    while link:
        bak = _tmp_name(target)
        try:
            os.link(target, bak)  # the old file itself: nothing to copy, nothing to cut off
            return bak
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links on this file system: copy instead
    fd, bak = _create_tmp(target)
    try:
        os.close(fd)
        shutil.copyfile(target, bak)
        shutil.copystat(target, bak)
        with suppress(PermissionError):
            os.chown(bak, st.st_uid, st.st_gid)
        os.chmod(bak, stat.S_IMODE(st.st_mode))
        fd = os.open(bak, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with suppress(OSError):
            bak.unlink()
        raise
    return bak


def _rotate(target: Path) -> None:
    """NAME.bak.1 -> NAME.bak.2, NAME.bak -> NAME.bak.1 (the oldest drops out)."""
    gens = backup_paths(target)
    for i in range(len(gens) - 1, 0, -1):
        with suppress(FileNotFoundError):
            os.replace(gens[i - 1], gens[i])


def _write_into(target: Path, st: os.stat_result, data: bytes) -> None:
    """A pipe or a device (`-o /dev/stdout`) is written into, never replaced."""
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "är en katalog", str(target))
    with open(target, "wb") as fh:
        fh.write(data)


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
