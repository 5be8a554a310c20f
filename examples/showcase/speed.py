"""The speed comparison: propwire against Dash 4.4.1 as bench/run.py and bench/transports.py measured them on the
bench machine, read from their result files (bench/results/latest.json, transports-quiet.json) when the page
loads. Nothing here is measured live, and no figure is typed in: each comes from a file, with its date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from propwire import Dash, html

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"
# The figures worth a card: scenario rows of bench/results/latest.json's table.
HEADLINES = ("click → DOM (1 callback)", "chain of 10, 50 ms latency", "1 input → 50 callbacks",
             "first render, 5,000 components")


def read(name: str) -> dict[str, Any] | None:
    """A result file of bench/results, or None when the checkout has none."""
    try:
        return json.loads((RESULTS / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def rows_of(table: str) -> list[list[str]]:
    """A markdown table's rows as cells (the header first, the |---| line left out)."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table.splitlines()
            if line.strip().startswith("|")]
    return [row for row in rows if not all(set(cell) <= set("-: ") for cell in row)]


def pick(rows: list[list[str]], columns: tuple[str, ...]) -> list[list[str]]:
    """The named columns of each row (by the header's names), in that order."""
    where = [rows[0].index(c) for c in columns if c in rows[0]]
    return [[row[i] if i < len(row) else "" for i in where] for row in rows]


def table(rows: list[list[str]]) -> html.Table:
    """Rows as an HTML table, the first as its header."""
    return html.Table([html.Thead(html.Tr([html.Th(c) for c in rows[0]])),
                       html.Tbody([html.Tr([html.Td(c) for c in row]) for row in rows[1:]])])


def provenance(result: dict[str, Any], source: str) -> html.P:
    """Where and when a result file's figures were measured."""
    machine = result.get("machine", {})
    when = str(result.get("when", "?"))[:16].replace("T", " ")
    return html.Small(f"Measured on the bench machine ({machine.get('cpu', '?')}, {machine.get('cpus', '?')} CPUs, "
                      f"Python {machine.get('python', '?')}, Chromium {machine.get('chromium', '?')}) on {when} UTC, "
                      f"propwire at {str(machine.get('propwire_commit', '?'))[:10]}: {source}.")


def headline_cards(rows: list[list[str]]) -> html.Div:
    """A card per headline scenario: Dash's and propwire's medians (the first figure of each cell)."""
    header = rows[0]
    cards = []
    for row in rows[1:]:
        if row[0] in HEADLINES:
            dash, ours = (row[header.index(k)].split(" (")[0] for k in ("Dash", "propwire"))
            cards.append(html.Div([html.Div(row[0], className="pw-card-label"),
                                   html.Div(ours, className="pw-card-figure"),
                                   html.Div(f"Dash 4.4.1: {dash}", className="pw-card-note")], className="pw-card"))
    return html.Div(cards, className="pw-cards")


def layout() -> html.Div:
    """The page, from whatever result files the checkout has."""
    parts: list[Any] = []
    latest = read("latest.json")
    if latest:
        rows = rows_of(latest["table"])
        parts += [headline_cards(rows), html.H2("Dash vs propwire, the same app on each"),
                  provenance(latest, "bench/results/latest.md"),
                  table(pick(rows, ("scenario", "Dash", "propwire", "ratio pw/Dash")))]
    transports = read("transports-quiet.json")
    if transports:
        rows = rows_of(transports["table"])
        parts += [html.H2("Event transports: click → DOM"),
                  html.P("Dash on Flask (dash), Dash's WebSocket backend (dash_ws), propwire over its event "
                         "socket (propwire) and over POSTs only (propwire_http)."),
                  provenance(transports, "bench/results/transports-quiet.md"),
                  table(pick(rows, ("scenario", "dash", "dash_ws", "propwire", "propwire_http",
                                    "propwire / dash")))]
    if not parts:
        parts = [html.P("This checkout has no bench/results files: run bench/run.py (bench/README.md).")]
    return html.Div([html.P("Medians over repeats, p10–p90 in brackets; lower is faster. How each scenario is "
                            "measured: bench/README.md."), *parts], id="speed")


app = Dash(__name__, title="speed")
app.layout = layout

if __name__ == "__main__":
    app.run(debug=True)
