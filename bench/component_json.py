"""What checking component JSON costs per event: `mark` (arguments), `Guard` (outputs) and `check_sent` (event
values) on a children tree of N nodes, as returned components and as round-tripped JSON.

Usage: PYTHONPATH=. python bench/component_json.py [--nodes 1000] [--rounds 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

from propwire import html
from propwire.api.serialize import to_json_value
from propwire.core.component_json import Guard, check_sent, mark


def tree(n: int) -> list:
    rows = max(1, n // 5)
    return [html.Div([html.Span(f"r{i}"), html.B("b"), html.A("a", href="/x"), html.I("i")], id=f"row{i}",
                     className="row") for i in range(rows)]


def timed(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    objects = tree(args.nodes)
    as_json, _ = to_json_value(objects)
    marked = mark("children", as_json)
    guard = Guard("bench: output 'box.children'", allow_dicts=False)
    print(f"{args.nodes} nodes, median of {args.rounds} rounds (ms):")
    print(f"  serialise only (to_json_value)       {timed(lambda: to_json_value(objects), args.rounds):7.2f}")
    print(f"  guard, component objects             {timed(lambda: guard('children', objects), args.rounds):7.2f}")
    print(f"  mark, round-tripped JSON (argument)  {timed(lambda: mark('children', as_json), args.rounds):7.2f}")
    print(f"  guard, round-tripped ComponentDicts  {timed(lambda: guard('children', marked), args.rounds):7.2f}")
    print(f"  check_sent, JSON from the browser    "
          f"{timed(lambda: check_sent({'box.children': as_json}), args.rounds):7.2f}")


if __name__ == "__main__":
    main()
