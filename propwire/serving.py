"""`propwire.serving`: the uvicorn HTTP protocol propwire deploys with (`--http propwire.serving:Protocol`).

It adds header and body deadlines and a header size cap to uvicorn's own protocol (docs/security.md).

Example::

    uvicorn myapp:app.server --workers 4 --http propwire.serving:Protocol
"""

from propwire.web.serving import Protocol  # noqa: F401

__all__ = ["Protocol"]
