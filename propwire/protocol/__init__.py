"""The protocol layer: event requests parsed and checked, stream lines encoded and read (docs/protocol.md).

The only place that knows the wire format.
"""
