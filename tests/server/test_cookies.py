"""Late cookies (cookie_token.py, docs/protocol.md): sealed in the stream, exchanged at /_propwire/cookies for
real Set-Cookie headers; forged, altered, expired or misdirected tokens are refused; several workers without a
shared key refuse to start."""

from __future__ import annotations

import json
import time

import pytest

from propwire import Dash, html
from propwire.web.cookie_token import ENV_KEY, EXPIRY_SECONDS, check_workers, open_token, seal

from .conftest import Client

COOKIE = "sid=abc; HttpOnly; Max-Age=60; Path=/; SameSite=Strict; Secure"


def app() -> Dash:
    a = Dash(__name__)
    a.layout = html.Div("x", id="x")
    return a


def exchange(client: Client, body: object):
    return client.post("/_propwire/cookies", content=json.dumps(body).encode(),
                       headers={"content-type": "application/json"})


def test_a_sealed_token_is_answered_with_its_set_cookie_headers_flags_and_all() -> None:
    client = Client(app())
    response = exchange(client, {"seq": 3, "token": seal([COOKIE, "b=2; Path=/"], 3)})
    assert response.status_code == 204
    assert response.headers.get_list("set-cookie") == [COOKIE, "b=2; Path=/"]


def test_the_token_hides_the_cookie_from_the_page() -> None:
    token = seal([COOKIE], 1)
    assert "abc" not in token and "sid" not in token


@pytest.mark.parametrize("change", ["forged", "altered", "other event", "expired", "not a token", "seq true"])
def test_bad_tokens_are_refused_with_a_4xx_and_set_nothing(change: str) -> None:
    client = Client(app())
    token, seq = seal([COOKIE], 5), 5
    if change == "forged":
        token = seal([COOKIE], 5)[:-4] + "AAAA"
    elif change == "altered":
        raw = list(token)
        raw[30] = "A" if raw[30] != "A" else "B"
        token = "".join(raw)
    elif change == "other event":
        seq = 6
    elif change == "seq true":  # JSON true is not the integer 1 (Python's True == 1 would let it through)
        token, seq = seal([COOKIE], 1), True
    elif change == "expired":
        token = seal([COOKIE], 5, now=time.time() - EXPIRY_SECONDS - 1)
    else:
        token = "!!"
    response = exchange(client, {"seq": seq, "token": token})
    assert 400 <= response.status_code < 500, response.text
    assert "set-cookie" not in response.headers
    assert response.json()["error"]


def test_a_token_sealed_with_another_key_does_not_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_KEY, "one")
    token = seal([COOKIE], 1)
    assert open_token(token, 1) == [COOKIE]
    monkeypatch.setenv(ENV_KEY, "two")
    with pytest.raises(ValueError, match="signature"):
        open_token(token, 1)


def test_several_workers_without_a_shared_key_refuse_to_start() -> None:
    with pytest.raises(RuntimeError, match=ENV_KEY):
        check_workers(["uvicorn", "m:app.server", "--workers", "4"], {})
    with pytest.raises(RuntimeError, match="3 workers"):
        check_workers(["gunicorn", "-w", "3"], {})
    with pytest.raises(RuntimeError):
        check_workers(["uvicorn"], {"WEB_CONCURRENCY": "2"})
    check_workers(["uvicorn", "--workers", "4"], {ENV_KEY: "shared"})
    check_workers(["uvicorn", "m:app.server"], {})
