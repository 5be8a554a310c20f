"""Sealed cookie tokens: how a cookie set after the response headers went out still reaches the browser.

A callback that finishes after an event's headers were sent (or during the page load, whose headers go
first) cannot add a `Set-Cookie` header any more. Its cookies travel in the stream as a sealed token; the
page at once POSTs it to `/_propwire/cookies`, which opens it and answers with the real `Set-Cookie`
headers, flags and all (HttpOnly, Secure, SameSite, Max-Age, Path). The server keeps nothing: any worker
opens a token sealed by any other, since they share one key.

The token is encrypted (an HttpOnly cookie's value must not be readable by the page's scripts, which see
the stream) and authenticated (a page cannot forge or alter a cookie): a keystream of HMAC-SHA256 blocks
over a random nonce, then an HMAC-SHA256 tag over nonce and ciphertext (encrypt-then-MAC, separate keys
derived from the secret). It expires EXPIRY_SECONDS after it was made and names the event it belongs to.

The key: `PROPWIRE_SECRET_KEY` in the environment (any string; every worker must have the same). Without
it each process draws a random key, which is right for one process; a server started with several workers
(`--workers N`, `-w N` or WEB_CONCURRENCY above 1) and no key refuses to start (see `check_workers`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sys
import time
from typing import Any

import orjson

ENV_KEY = "PROPWIRE_SECRET_KEY"
EXPIRY_SECONDS = 30.0
COOKIES_PATH = "/_propwire/cookies"
_NONCE = 16
_TAG = 32

_random_key = secrets.token_bytes(32)


class BadToken(ValueError):
    """A token that is malformed, forged, for another event, or expired; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def _keys() -> tuple[bytes, bytes]:
    raw = os.environ.get(ENV_KEY)
    secret = raw.encode() if raw else _random_key
    enc = hmac.new(secret, b"propwire cookie token: encryption", hashlib.sha256).digest()
    mac = hmac.new(secret, b"propwire cookie token: authentication", hashlib.sha256).digest()
    return enc, mac


def _stream(key: bytes, nonce: bytes, size: int) -> bytes:
    blocks = (hmac.new(key, nonce + i.to_bytes(8, "big"), hashlib.sha256).digest() for i in range((size + 31) // 32))
    return b"".join(blocks)[:size]


def _xor(data: bytes, pad: bytes) -> bytes:
    return (int.from_bytes(data, "big") ^ int.from_bytes(pad, "big")).to_bytes(len(data), "big")


def seal(cookies: list[str], seq: int, now: float | None = None) -> str:
    """A token carrying `cookies` (Set-Cookie values) for event `seq`, valid for EXPIRY_SECONDS."""
    enc, mac = _keys()
    plain = orjson.dumps({"seq": seq, "exp": (time.time() if now is None else now) + EXPIRY_SECONDS,
                          "cookies": cookies})
    nonce = secrets.token_bytes(_NONCE)
    body = nonce + _xor(plain, _stream(enc, nonce, len(plain)))
    tag = hmac.new(mac, body, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(body + tag).decode().rstrip("=")


def open_token(token: Any, seq: Any, now: float | None = None) -> list[str]:
    """The Set-Cookie values in `token`, which must be genuine, for event `seq` and not expired (BadToken)."""
    if not isinstance(token, str) or type(seq) is not int or len(token) > 65_536:  # true is not event 1
        raise BadToken("expected {'seq': <event seq>, 'token': <the cookies line's token>}", 400)
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        raise BadToken("the cookie token is not base64", 400) from None
    if len(raw) < _NONCE + _TAG:
        raise BadToken("the cookie token is too short", 400)
    enc, mac = _keys()
    body, tag = raw[:-_TAG], raw[-_TAG:]
    if not hmac.compare_digest(tag, hmac.new(mac, body, hashlib.sha256).digest()):
        raise BadToken("the cookie token's signature does not match (forged, or sealed with another key)", 403)
    nonce, cipher = body[:_NONCE], body[_NONCE:]
    payload = orjson.loads(_xor(cipher, _stream(enc, nonce, len(cipher))))
    if payload.get("seq") != seq:
        raise BadToken(f"the cookie token belongs to event {payload.get('seq')}, not {seq}", 403)
    if (time.time() if now is None else now) > payload["exp"]:
        raise BadToken("the cookie token has expired", 410)
    return [str(c) for c in payload["cookies"]]


def _workers(argv: list[str], environ: dict[str, str]) -> int:
    """How many worker processes the command line (uvicorn/gunicorn) or WEB_CONCURRENCY asks for."""
    count = 1
    for i, arg in enumerate(argv):
        value = None
        if arg in ("--workers", "-w") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--workers="):
            value = arg.split("=", 1)[1]
        if value is not None and value.isdigit():
            count = max(count, int(value))
    concurrency = environ.get("WEB_CONCURRENCY", "")
    return max(count, int(concurrency)) if concurrency.isdigit() else count


def check_workers(argv: list[str] | None = None, environ: dict[str, str] | None = None) -> None:
    """Refuse to serve with several workers and no shared key: their tokens would not open on each other."""
    environ = dict(os.environ) if environ is None else environ
    workers = _workers(sys.argv if argv is None else argv, environ)
    if workers > 1 and not environ.get(ENV_KEY):
        raise RuntimeError(
            f"propwire: {workers} workers but no {ENV_KEY}: cookies set by a callback that finishes after the "
            f"response headers travel sealed with that key, and every worker must open what any other sealed. "
            f"Set {ENV_KEY} to the same secret string for every worker.")
