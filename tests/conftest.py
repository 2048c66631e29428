"""Every test gets its own config dir so no test reads or writes a user's settings."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
