"""Saves that lose nothing: the file's mode, owner and symlink are kept, backups are
written atomically and kept for a few generations, and nothing of ours is left next
to the file (no lock files, no temporary files from a killed save)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from proofer import safe_write
from proofer.safe_write import (
    BACKUPS,
    atomic_write_bytes,
    atomic_write_text,
    backup_path,
    backup_paths,
    clean_folder,
)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def umask_022():  # noqa: ANN201
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o640, 0o600, 0o444])
def test_an_existing_files_mode_is_kept(tmp_path: Path, mode: int) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("gammal\n", encoding="utf-8")
    p.chmod(mode)
    atomic_write_text(p, "ny\n")
    assert p.read_text(encoding="utf-8") == "ny\n"
    assert _mode(p) == mode


@pytest.mark.parametrize("umask,expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask: int, expected: int) -> None:
    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "ny.txt", "text\n")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "ny.txt") == expected


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_owner_and_group_are_kept_when_running_as_root(tmp_path: Path) -> None:
    p = tmp_path / "delad.yaml"
    p.write_text("entries: []\n", encoding="utf-8")
    os.chown(p, 4321, 4322)
    atomic_write_text(p, "entries: [] # ny\n")
    st = p.stat()
    assert (st.st_uid, st.st_gid) == (4321, 4322)
    assert (backup_path(p).stat().st_uid, backup_path(p).stat().st_gid) == (4321, 4322)


def test_no_lock_or_temporary_file_is_left_beside_the_file(tmp_path: Path) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("1\n", encoding="utf-8")
    atomic_write_text(p, "2\n")
    atomic_write_text(p, "3\n", expected=safe_write.fingerprint(p))
    assert sorted(f.name for f in tmp_path.iterdir()) == ["utkast.txt", "utkast.txt.bak",
                                                          "utkast.txt.bak.1"]


def test_backups_keep_a_few_generations(tmp_path: Path) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("v0\n", encoding="utf-8")
    for i in range(1, 6):
        atomic_write_text(p, f"v{i}\n")
    assert BACKUPS == 3
    assert [b.read_text(encoding="utf-8") for b in backup_paths(p)] == ["v4\n", "v3\n", "v2\n"]
    assert [b.name for b in backup_paths(p)] == ["utkast.txt.bak", "utkast.txt.bak.1",
                                                 "utkast.txt.bak.2"]
    assert not (tmp_path / "utkast.txt.bak.3").exists()


def test_saving_the_same_content_again_does_not_push_out_a_backup(tmp_path: Path) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("original\n", encoding="utf-8")
    atomic_write_text(p, "ändrad\n")
    for _ in range(4):
        atomic_write_text(p, "ändrad\n")
    assert backup_path(p).read_text(encoding="utf-8") == "original\n"


def test_the_backup_keeps_the_previous_versions_mode(tmp_path: Path) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("gammal\n", encoding="utf-8")
    p.chmod(0o640)
    atomic_write_text(p, "ny\n")
    assert _mode(backup_path(p)) == 0o640


def _copy_half_then_die(src, dst, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    data = Path(src).read_bytes()
    Path(dst).write_bytes(data[: len(data) // 2])
    raise KeyboardInterrupt  # what a kill in the middle of the copy looks like to the file


@pytest.mark.parametrize("links", [True, False], ids=["hard-link", "copy"])
def test_an_interrupted_backup_never_leaves_a_truncated_bak(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("v1 " * 1000, encoding="utf-8")
    atomic_write_text(p, "v2 " * 1000)  # v1 is now the .bak
    monkeypatch.setattr(shutil, "copyfile", _copy_half_then_die)
    monkeypatch.setattr(shutil, "copy2", _copy_half_then_die)
    if not links:
        def no_links(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            raise PermissionError(1, "hårda länkar stöds inte här")
        monkeypatch.setattr(os, "link", no_links)
    try:
        atomic_write_text(p, "v3 " * 1000)
    except KeyboardInterrupt:
        pass
    good = {"v1 " * 1000, "v2 " * 1000, "v3 " * 1000}
    for b in backup_paths(p):
        if b.exists():
            assert b.read_text(encoding="utf-8") in good
    assert p.read_text(encoding="utf-8") in good
    assert [f.name for f in tmp_path.iterdir() if "proofer-tmp" in f.name] == []


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "arkiv" / "artikel.txt"
    real.parent.mkdir()
    real.write_text("gammal\n", encoding="utf-8")
    real.chmod(0o664)
    link = tmp_path / "genväg.txt"
    link.symlink_to(real)
    atomic_write_text(link, "ny\n", expected=safe_write.fingerprint(link))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8") == "ny\n"
    assert _mode(real) == 0o664
    assert backup_path(real).read_text(encoding="utf-8") == "gammal\n"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["arkiv", "genväg.txt"]


def test_writing_to_a_pipe_writes_into_it_and_never_replaces_it(tmp_path: Path) -> None:
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_bytes(fifo, b"x")
    reader.join(10)
    assert got == [b"x"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(f.name for f in tmp_path.iterdir()) == ["rör"]


def _leftover(folder: Path, name: str, pid: int, age: float = 3600) -> Path:
    f = folder / f".{name}.proofer-tmp-{pid}-abc123"
    f.write_bytes(b"halv")
    old = time.time() - age
    os.utime(f, (old, old))
    return f


def test_a_killed_saves_temporary_files_are_removed_on_the_next_save(tmp_path: Path) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("1\n", encoding="utf-8")
    dead = _leftover(tmp_path, "utkast.txt", 999_999)
    stale_lock = tmp_path / ".utkast.txt.proofer-lock"
    stale_lock.write_bytes(b"")
    users = [tmp_path / ".utkast.txt.tmp", tmp_path / "utkast.txt.proofer-tmp-1-abc",
             tmp_path / ".annan.txt.swp"]
    for u in users:
        u.write_bytes(b"mitt")
    atomic_write_text(p, "2\n")
    assert not dead.exists() and not stale_lock.exists()
    assert all(u.read_bytes() == b"mitt" for u in users)


def test_clean_folder_removes_only_dead_temporaries(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    dead = _leftover(tmp_path, "a.yaml", 999_999)
    orphan = _leftover(tmp_path, "borta.txt", 999_998)  # its file is gone: still ours
    fresh = _leftover(tmp_path, "b.txt", 999_997, age=-60)  # written after we started
    mine = tmp_path / "a.yaml.proofer-tmp-x"  # not our pattern (no leading dot)
    mine.write_bytes(b"mitt")
    assert clean_folder(tmp_path) == 2
    assert not dead.exists() and not orphan.exists()
    assert fresh.exists() and mine.exists()


_HOLD = """
import sys, time
from pathlib import Path
from proofer.safe_write import file_lock
with file_lock(Path(sys.argv[1])):
    print("låst", flush=True)
    time.sleep(60)
"""


def test_clean_folder_leaves_a_save_in_progress_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    busy = _leftover(tmp_path, "a.yaml", 999_999)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(target)],
                              stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "låst"
        assert clean_folder(tmp_path) == 0
        assert busy.exists()
    finally:
        holder.kill()
        holder.wait()
    assert clean_folder(tmp_path) == 1
    assert not busy.exists()
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a.yaml"]


def test_start_up_cleans_every_folder_proofer_writes_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proofer import leftovers
    from proofer.settings import Settings

    config = tmp_path / "config"
    shared = tmp_path / "delat"
    drafts = tmp_path / "utkast"
    for folder in (config, config / "autosave", shared, drafts):
        folder.mkdir(parents=True)
    monkeypatch.setenv("PROOFER_CONFIG_DIR", str(config))
    dead = [_leftover(config, "settings.json", 999_999),
            _leftover(config / "autosave", "abc-1.json", 999_999),
            _leftover(shared, "namn.yaml", 999_999)]
    in_drafts = _leftover(drafts, "artikel.docx", 999_999)
    assert leftovers.clean_at_start(Settings(dictionary_paths=[str(shared / "namn.yaml")])) == 3
    assert not any(f.exists() for f in dead)
    assert in_drafts.exists()  # not a folder Proofer writes to by itself
    link = tmp_path / "länk.docx"
    link.symlink_to(drafts / "artikel.docx")
    assert leftovers.clean_beside(link) == 1
    assert not in_drafts.exists()


def test_a_folder_without_write_permission_is_named_in_swedish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root the test cannot take the permission away; it refuses the create."""
    real_open = os.open

    def denied(path, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(PermissionError) as info:
        atomic_write_text(tmp_path / "utkast.txt", "text\n")
    assert str(info.value) == f"saknar skrivbehörighet i mappen {tmp_path}"
    assert info.value.strerror == str(info.value)


# -- files a rename would change for others: write-protected, a colleague's, hard-linked
NOBODY = 65534  # the unprivileged user and group every Debian system has


@pytest.fixture
def shared_folder():  # noqa: ANN201
    """A folder everyone may write to, as a newsroom's shared folder is (tmp_path's
    parents are closed to other users)."""
    folder = Path(tempfile.mkdtemp(prefix="proofer-delad-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def _as_nobody(fn: Callable[[], object]) -> str:
    """Run `fn` in a forked child as the unprivileged user; "" when it returned, else
    the exception's type and text. Only root can be another user."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never back into pytest
        code = 0
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            os.write(write, f"{type(exc).__name__}: {exc}".encode())
            code = 1
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        said = fh.read().decode()
    os.waitpid(pid, 0)
    return said


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can be another user")
def test_a_write_protected_file_is_refused_not_replaced(shared_folder: Path) -> None:
    """Renaming over a file needs only the folder's permission: a save that did so
    would bypass the protection the file's owner gave it."""
    p = shared_folder / "namn.yaml"
    p.write_text("entries: []\n", encoding="utf-8")
    p.chmod(0o644)  # root's, readable by everyone, writable by root alone
    said = _as_nobody(lambda: atomic_write_text(p, "entries: [] # ändrad\n"))
    assert said == f"FileNotWritable: {p}: filen är skrivskyddad (du saknar " \
                   "skrivbehörighet till den); spara under ett annat namn"
    assert p.read_text(encoding="utf-8") == "entries: []\n"
    assert p.stat().st_uid == 0
    assert sorted(f.name for f in shared_folder.iterdir()) == ["namn.yaml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can be another user")
def test_a_colleagues_file_keeps_its_owner(shared_folder: Path) -> None:
    """A user cannot give a new file to someone else: the save writes into the file
    instead of replacing it, so it stays the colleague's, with its group and mode."""
    p = shared_folder / "artikel.txt"
    p.write_text("kollegans text\n", encoding="utf-8")
    os.chown(p, 4321, 4322)
    p.chmod(0o666)
    inode = p.stat().st_ino
    assert _as_nobody(lambda: atomic_write_text(p, "min rättade text\n")) == ""
    st = p.stat()
    assert p.read_text(encoding="utf-8") == "min rättade text\n"
    assert (st.st_uid, st.st_gid, _mode(p), st.st_ino) == (4321, 4322, 0o666, inode)
    assert backup_path(p).read_text(encoding="utf-8") == "kollegans text\n"
    assert not os.path.samefile(backup_path(p), p)
    assert sorted(f.name for f in shared_folder.iterdir()) == ["artikel.txt",
                                                               "artikel.txt.bak"]


def test_a_hard_linked_file_is_written_through_every_name(tmp_path: Path) -> None:
    """A rename would leave the other name with the old text (and the edit would seem
    lost to whoever opens it there): the file itself is written, as vim and GIO do."""
    p = tmp_path / "utkast.txt"
    p.write_text("gammal\n", encoding="utf-8")
    other = tmp_path / "samma-utkast.txt"
    os.link(p, other)
    atomic_write_text(p, "ny och längre text\n", expected=safe_write.fingerprint(p))
    assert other.read_text(encoding="utf-8") == "ny och längre text\n"
    assert os.path.samefile(p, other)
    assert backup_path(p).read_text(encoding="utf-8") == "gammal\n"
    atomic_write_text(other, "kort\n")
    assert p.read_text(encoding="utf-8") == "kort\n"
    assert backup_path(other).read_text(encoding="utf-8") == "ny och längre text\n"
    assert [f.name for f in tmp_path.iterdir() if "proofer" in f.name] == []


def test_writing_into_a_file_on_a_full_disk_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("gammal\n", encoding="utf-8")
    os.link(p, tmp_path / "länk.txt")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "posix_fallocate", full)
    with pytest.raises(OSError) as info:
        atomic_write_text(p, "ny och mycket längre text\n")
    assert info.value.errno == errno.ENOSPC
    assert p.read_text(encoding="utf-8") == "gammal\n"


def test_a_write_into_the_file_that_fails_midway_points_to_the_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "utkast.txt"
    p.write_text("gammal text\n", encoding="utf-8")
    os.link(p, tmp_path / "länk.txt")
    real_pwrite = os.pwrite

    def half_then_fail(fd: int, data: bytes, offset: int) -> int:
        if offset:
            raise OSError(errno.EIO, "Input/output error")
        return real_pwrite(fd, bytes(data)[: len(data) // 2], offset)

    monkeypatch.setattr(os, "pwrite", half_then_fail)
    with pytest.raises(safe_write.WrittenInPart) as info:
        atomic_write_text(p, "ny text som blir avbruten\n")
    assert str(info.value).startswith(f"{p}: skrivningen avbröts (")
    assert str(info.value).endswith(
        "filen kan vara ofullständig; den förra versionen finns i utkast.txt.bak")
    assert backup_path(p).read_text(encoding="utf-8") == "gammal text\n"


# -- folders a save makes: kept when it succeeds, removed again when it is refused
def test_a_refused_save_removes_the_folders_it_made(tmp_path: Path) -> None:
    """The draft's folder was deleted while open: a save that is then refused (here
    the file is not what the editor read) must not leave a recreated folder behind."""
    target = tmp_path / "borttagen" / "under" / "utkast.txt"
    with pytest.raises(safe_write.ChangedOnDisk):
        atomic_write_text(target, "text\n", expected="något annat")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_edit_removes_the_folders_it_made(tmp_path: Path) -> None:
    def refuse() -> None:
        raise ValueError("posten finns inte")
    with pytest.raises(ValueError):
        safe_write.locked_edit(tmp_path / "ny" / "d.yaml", refuse)
    assert list(tmp_path.iterdir()) == []


def test_a_refused_save_keeps_folders_that_were_there(tmp_path: Path) -> None:
    (tmp_path / "fanns").mkdir()
    target = tmp_path / "fanns" / "ny" / "utkast.txt"
    with pytest.raises(safe_write.ChangedOnDisk):
        atomic_write_text(target, "text\n", expected="något annat")
    assert [p.name for p in tmp_path.rglob("*")] == ["fanns"]


def test_a_save_into_a_missing_folder_makes_it(tmp_path: Path) -> None:
    target = tmp_path / "ny" / "under" / "utkast.txt"
    atomic_write_text(target, "text\n")
    assert target.read_text(encoding="utf-8") == "text\n"


def test_a_file_in_the_way_of_the_folder_is_said_as_no_folder(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        atomic_write_text(tmp_path / "fil" / "ny" / "utkast.txt", "text\n")
    assert [p.name for p in tmp_path.iterdir()] == ["fil"]
