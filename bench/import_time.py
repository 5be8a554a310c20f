"""`import propwire` start-up cost of two checkouts, A/B: `python -X importtime -c "import propwire"` run
alternately from each tree, its self and cumulative microseconds per module summarised as min and median.

    git archive HEAD~3 propwire | tar -x -C /tmp/before            # the code before a change
    python bench/import_time.py /tmp/before . --runs 40              # .pyc caches as each tree has them
    python bench/import_time.py /tmp/before . --runs 40 --compile    # compileall both trees first
    python bench/import_time.py /tmp/before . --runs 40 --no-cache   # no .pyc: every module compiled each start

Each run is a fresh interpreter started in /tmp with PYTHONPATH set to the tree, so that neither an installed
propwire nor the current directory is imported instead. On a shared machine the medians move with the load;
the minimum is the steadier figure.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

MODULES = ("propwire", "propwire.components", "propwire.components.html", "propwire.components.dcc",
           "propwire.components.dcc_signatures", "propwire.components.base")


def _one_run(tree: Path, no_cache: bool) -> dict[str, tuple[int, int]]:
    """{module: (self us, cumulative us)} of one start of `import propwire` from `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if no_cache:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import propwire"], cwd="/tmp", env=env,
                         capture_output=True, text=True, check=True).stderr
    found: dict[str, tuple[int, int]] = {}
    for line in err.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] in MODULES and parts[2] not in found:
            found[parts[2]] = (int(parts[0].split()[-1]), int(parts[1]))
    return found


def _drop_caches(tree: Path) -> None:
    for cache in (tree / "propwire").rglob("__pycache__"):
        shutil.rmtree(cache)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--compile", action="store_true", help="compileall both trees before measuring")
    group.add_argument("--no-cache", action="store_true", help="remove and do not write .pyc files")
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for tree in trees.values():
        if args.no_cache:
            _drop_caches(tree)
        elif args.compile:
            compileall.compile_dir(tree / "propwire", quiet=1)
    samples: dict[str, dict[str, list[tuple[int, int]]]] = {t: {m: [] for m in MODULES} for t in trees}
    for _ in range(args.runs):
        for name, tree in trees.items():  # alternately, so a change in the machine's load hits both
            for module, value in _one_run(tree, args.no_cache).items():
                samples[name][module].append(value)
    print(f"| module | tree | self min | self median | cumulative min | cumulative median |  ({args.runs} runs, ms)")
    print("|---|---|---|---|---|---|")
    for module in MODULES:
        for name in trees:
            values = samples[name][module]
            if values:
                own, total = [v[0] / 1000 for v in values], [v[1] / 1000 for v in values]
                print(f"| {module} | {name} | {min(own):.1f} | {statistics.median(own):.1f} | {min(total):.1f} | "
                      f"{statistics.median(total):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
