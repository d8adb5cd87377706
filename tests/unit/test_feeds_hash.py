"""An event's content hash never changes: a partner resending last year's event must get `duplicate`, not
`rejected`. The fast writer (orjson) must give the standard library's text byte for byte."""

from __future__ import annotations

import json
import random

from adapters.channels.common import canonical_json, content_hash, scrub

_CHARS = [chr(i) for i in range(0x250)] + ["\u2028", "\u2029", "\ufeff", "\U0001f600", "中", "文", "\x7f"]


def _stdlib(document: object) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 12)))


def _value(rng: random.Random, depth: int = 0) -> object:
    r = rng.random()
    if depth < 3 and r < 0.15:
        return {_text(rng): _value(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    if depth < 3 and r < 0.3:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    if r < 0.6:
        return _text(rng)
    if r < 0.8:
        return rng.choice([0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**70), rng.randint(-(10**12), 10**12)])
    return rng.choice([True, False, None])


def test_the_fast_canonical_text_is_the_standard_librarys_for_documents_without_floats() -> None:
    rng = random.Random(20261203)
    for _ in range(20_000):
        document = {_text(rng): _value(rng) for _ in range(rng.randint(1, 8))}
        assert canonical_json(document, float_free=True) == _stdlib(document)


def test_a_known_event_keeps_its_hash() -> None:
    event = {
        "source_ref": "T-1",
        "type": "deposit",
        "occurred_at": "2026-11-23T09:00:00+08:00",
        "amount": "100.50",
        "currency": "CNY",
        "customer": {"customer_number": "C000001"},
        "note": "存款 \u2028 tab\there",
        "n": 2**70,  # beyond 64 bits: orjson refuses it, the standard library writes it
    }
    expected = "25fa7f4aa50695bc0dd4fa3554f66448c27b9d3044ab8eb6431190f5b3a973bb"  # as hashed since the feeds began
    assert content_hash(event) == expected
    assert content_hash(event, canonical_json(event, float_free=True)) == expected


def test_floats_are_noticed_and_written_as_the_standard_library_writes_them() -> None:
    floats: list[float] = []
    document = scrub({"source_ref": "T-2", "rate": 1e-07, "nested": [{"big": 1e16}], "x": 0.5}, None, floats)
    assert floats == [1e-07, 1e16, 0.5]
    assert (
        canonical_json(document, float_free=not floats)
        == '{"nested":[{"big":1e+16}],"rate":1e-07,"source_ref":"T-2","x":0.5}'
    )
