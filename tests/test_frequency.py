"""The frequency tables read from the cache are wordfreq's own, and the foreign
look-up gives wordfreq's own numbers without asking wordfreq."""

from __future__ import annotations

import itertools

import wordfreq

from proofer import frequency, table_cache


def test_the_cached_swedish_table_is_wordfreqs(tmp_path) -> None:
    built = table_cache.frequency_dict("sv", "large")  # built and stored (fresh cache)
    read = table_cache.frequency_dict("sv", "large")  # read back from the cache
    assert read == built == wordfreq.get_frequency_dict("sv")
    assert list(table_cache.cache_dir().glob("wordfreq-large_sv-*.marshal"))


def test_foreign_frequency_is_wordfreqs_zipf(shared_dir) -> None:
    words = set()
    for lang in frequency.FOREIGN:
        listed = wordfreq.get_frequency_dict(lang, wordlist=frequency.FOREIGN_LIST)
        words.update(itertools.islice(listed, 0, None, 97))
    text = (shared_dir / "seed").glob("*.txt")
    for path in text:
        words.update(path.read_text(encoding="utf-8").split())
    words |= {"Straße", "STRASSE", "Übermensch", "café", "Café", "naïve", "l'amour",
              "rock'n'roll", "e-mail", "COVID-19", "2024", "x", "Ægir", "ﬁnance", "ǅemal"}
    words |= {w.title() for w in list(words)[:2000]} | {w.upper() for w in list(words)[:500]}
    frequency.foreign_zipf.cache_clear()
    for w in sorted(words):
        expected = max(wordfreq.zipf_frequency(w, lang, wordlist=frequency.FOREIGN_LIST)
                       for lang in frequency.FOREIGN)
        assert frequency.foreign_zipf(w) == expected, w


def test_a_long_text_loads_the_swedish_table_at_once() -> None:
    table = frequency._swedish()
    before = table.whole
    frequency.expect_words(frequency.LONG_TEXT - 1)
    assert table.whole is before  # a short text leaves it as it was
    frequency.expect_words(frequency.LONG_TEXT)
    assert isinstance(table.whole, dict) and frequency.swedish_words() is table.whole
    assert frequency.zipf("och") > 6 and frequency.is_listed("Hus")
