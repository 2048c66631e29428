"""Corrections offer the written form where the generator's first form is spoken
(resources/grammar/written_forms.yaml): "vårt", never "vårat"."""

from __future__ import annotations

from proofer.grammar.inflect import generate_form, written_forms
from proofer.morph.model import Reading


def test_spoken_generated_form_becomes_the_written_one() -> None:
    def generate(lemma: str, tags: object) -> list[str]:
        return ["vårat"] if lemma == "vår" else []

    assert generate_form(generate, Reading("vår", ("det", "pos", "ut", "sg")), ["nt"]) == "vårt"


def test_other_forms_pass_through() -> None:
    def generate(lemma: str, tags: object) -> list[str]:
        return ["mörkt"]

    assert generate_form(generate, Reading("mörk", ("adj", "pst", "ut", "sg", "ind")),
                         ["nt"]) == "mörkt"


def test_the_table_maps_spoken_to_written_only() -> None:
    table = written_forms()
    assert table["vårat"] == "vårt" and table["erat"] == "ert"
    assert all(k != v for k, v in table.items())
