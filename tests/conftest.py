"""Every test gets its own config dir so no test reads or writes a user's settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.morph.apertium import ApertiumMorphology


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (CI lays a copy there, as on developers' machines)."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    assert path.is_dir(), f"{path} saknas: ../shared måste ligga bredvid repot"
    return path


@pytest.fixture(scope="module")
def morph() -> ApertiumMorphology:
    """The real Apertium morphology, one per test module (its tools are processes)."""
    m = ApertiumMorphology()
    assert m.status == "ok", m.status
    yield m
    m.close()
