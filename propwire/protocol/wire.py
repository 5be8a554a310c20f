"""The bytes of an event response: one JSON line per step, and each long string output as raw text after its line.

A result line whose output is a string of RAW_MIN characters or more, with nothing JSON must escape in it
(no quote, backslash or control character: a base64 image, a long line of text), carries null for it and
`"raw": {key: byte length}`; the UTF-8 bytes of those strings follow the line in that order, each ended by a
newline. The browser decodes them straight into the output instead of running JSON.parse over megabytes
(docs/protocol.md). `read_body` is the reading side, for the clients in propwire.testing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from propwire.api.serialize import Fragment, dumps, loads

RAW_MIN = 32_768
# A string this long or longer is not encoded whole (a copy as big as itself, and orjson reserves several
# times that for a moment) when the caller can send a LazyText: it is checked a piece at a time, and encoded
# a piece at a time as it goes out.
LAZY_MIN = 1 << 20
_PIECE = 1 << 20
_CHECK = 1 << 16  # small: orjson reserves many times a string's length to encode it


class LazyText:
    """A long string that needs no JSON escape, as a body part: its UTF-8 bytes are made a piece at a time
    (`pieces`), so sending it never holds a second copy of it. len() is its length in bytes.

    >>> b"".join(LazyText("abc", 3).pieces(2))
    b'abc'
    """

    __slots__ = ("text", "nbytes")

    def __init__(self, text: str, nbytes: int):
        self.text = text
        self.nbytes = nbytes

    def __len__(self) -> int:
        return self.nbytes

    def pieces(self, size: int = _PIECE) -> Iterator[bytes]:
        """Its bytes in pieces of at most `size` bytes (of size // 4 characters unless it is ASCII)."""
        text = self.text
        step = size if len(text) == self.nbytes else max(1, size // 4)
        for at in range(0, len(text), step):
            yield text[at:at + step].encode()


Part = bytes | memoryview | LazyText


def join_parts(parts: Iterable[Part]) -> bytes:
    """The bytes of a body's parts, LazyText ones encoded (for small bodies and tests)."""
    return b"".join(b"".join(p.pieces()) if isinstance(p, LazyText) else p for p in parts)


def _raw_length(value: str) -> int | None:
    """The UTF-8 length of a string that needs no escape in JSON, else None: encoded a piece at a time, a piece
    that needed one has a backslash (orjson escapes quotes, backslashes and controls, and nothing else)."""
    total = 0
    for at in range(0, len(value), _CHECK):
        data = dumps(value[at:at + _CHECK])
        if data.find(b"\\") != -1:
            return None
        total += len(data) - 2
    return total


def encode_line(line: dict[str, Any], out: list[Part], lazy: bool = False) -> None:
    """Append one stream line's bytes to `out`; its long string outputs follow it as parts of their own
    (with `lazy`, the longest unescaped ones as LazyText: the caller sends them with their `pieces`)."""
    result = line.get("result")
    if result is not None and any(type(v) is str and len(v) >= RAW_MIN for v in result["outputs"].values()):
        return _with_raw(result, out, lazy)
    out.append(dumps(line) + b"\n")


def _with_raw(result: dict[str, Any], out: list[Part], lazy: bool) -> None:
    """Each long string is JSON-encoded once (orjson); one that needed no escape is its own UTF-8 text between
    the quotes, sent as a slice of those bytes (no further copy), and one that did stays in the line as JSON.
    A LAZY_MIN-long one that needs no escape is not encoded here at all (LazyText)."""
    outputs: dict[str, Any] = dict(result["outputs"])
    texts: dict[str, Part] = {}
    for key, value in result["outputs"].items():
        if type(value) is str and len(value) >= RAW_MIN:
            size = _raw_length(value) if lazy and len(value) >= LAZY_MIN else None
            if size is not None:
                texts[key], outputs[key] = LazyText(value, size), None
                continue
            data = dumps(value)
            if data.find(b"\\") == -1:
                texts[key], outputs[key] = memoryview(data)[1:-1], None
            else:
                outputs[key] = Fragment(data)
    head = {**result, "outputs": outputs}
    if texts:
        head["raw"] = {key: len(text) for key, text in texts.items()}
    out.append(dumps({"result": head}) + b"\n")
    for text in texts.values():
        out += [text, b"\n"]


class Unreadable:
    """A part of a response body that is not a stream line, and why."""

    def __init__(self, reason: str, text: str):
        self.reason, self.text = reason, text

    def __str__(self) -> str:
        return f"{self.reason}: {self.text}" if self.text else self.reason


def read_body(data: bytes) -> list[Any]:
    """The lines of a whole response body, their raw texts put back into their outputs (`raw` dropped).

    A line that cannot be read comes out as an Unreadable, and reading goes on with the next line.
    """
    lines: list[Any] = []
    at = 0
    while at < len(data):
        end = data.find(b"\n", at)
        end = len(data) if end == -1 else end
        text, at = data[at:end], end + 1
        if not text.strip():
            continue
        try:
            line = loads(text)
        except ValueError:
            lines.append(Unreadable("unreadable stream line", text[:200].decode(errors="replace")))
            continue
        body = next(iter(line.values()), None) if isinstance(line, dict) and line else None
        if isinstance(body, dict) and "raw" in body:
            at, line = _read_raw(data, at, line, body, text)
        lines.append(line)
    return lines


def _read_raw(data: bytes, at: int, line: Any, body: dict[str, Any], text: bytes) -> tuple[int, Any]:
    raw, outputs = body.pop("raw"), body.get("outputs")
    if not isinstance(raw, dict) or not isinstance(outputs, dict) \
            or not all(type(n) is int and n > 0 for n in raw.values()):
        return at, Unreadable("a stream line's raw texts are malformed", text[:200].decode(errors="replace"))
    for key, size in raw.items():
        if at + size > len(data):
            return len(data), Unreadable(f"the response ended inside the raw text of '{key}'", "")
        outputs[key] = data[at:at + size].decode()
        at += size
        if data[at:at + 1] == b"\n":  # each text ends with one
            at += 1
    return at, line
