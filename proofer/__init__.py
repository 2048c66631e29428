"""Proofer: proofreading for Swedish newsrooms. The checking core (no Qt)."""

__version__ = "0.1.0"
