"""The web layer: the ASGI server, the streamed page, the event endpoint, assets, cookies, guards (docs/architecture.md).

It never imports the dev layer; `propwire.app` hands it the dev routes.
"""
