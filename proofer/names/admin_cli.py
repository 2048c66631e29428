"""`python -m proofer dict ...`: the admins' command for the name dictionaries."""

from __future__ import annotations

import argparse


def add_dict_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dict", help="administrera namnordlistor")
    p.set_defaults(func=lambda args: (print("dict: inte klart ännu"), 2)[1])
