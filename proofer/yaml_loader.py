"""PyYAML's safe loader, libyaml's C implementation when PyYAML has it: it parses
the rule files and word lists in a tenth of the pure-Python loader's time. The pure
loader is the fallback, with the same results.

PyYAML is imported only when a file is parsed: a start-up whose rules and lists
come from the user's cache (proofer.table_cache) parses nothing, and importing it
was a twentieth of a one-paragraph check's CPU. So callers ask this module for the
loader and the error class (``yaml_loader.YAMLError`` in an ``except`` clause is
looked up only when an exception arrives there) instead of importing yaml."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


@cache
def safe_loader() -> type[yaml.SafeLoader]:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=safe_loader())  # noqa: S506 - a safe loader


def __getattr__(name: str) -> Any:
    """`SafeLoader` and `YAMLError`, importing PyYAML when first asked for."""
    if name == "SafeLoader":
        return safe_loader()
    if name == "YAMLError":
        import yaml

        return yaml.YAMLError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
