#!/usr/bin/env python3
"""The full build against the I/O floor with the disk taken out: both write into a tmpfs folder (issue 7).

usage: scripts/bench/tmpfs-ratio.py CORPUS [--kizuna .build/release/kizuna] [--runs 5] [--tmpfs /dev/shm]
       [--markdown FILE]

On this machine class the disk's speed varies several times from run to run, and ext4 (without a journal) scans
past recently deleted inodes when it allocates new ones; scripts/bench.py's ratios to the floor move with both. In
memory, the floor is what the kernel's page cache costs and the build's ratio to it is what Kizuna's own CPU costs.

CORPUS must validate with no errors (scripts/bench.py's corpora do: make them with
`scripts/make-national-corpus.py` and approve them as bench.py does). One untimed build makes the bytes the floor
writes (packed as bench.py packs them, `iofloor.c` compiled beside it); then floor and build alternate, each into
a folder that has never existed, deleted after its run. Wall time is measured here; user and system CPU come
from wait4 on the command. Medians are reported.
"""
import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "scripts", "bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command, cwd):
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        sys.exit(f"tmpfs-ratio: {' '.join(command)} exited with status {status}")
    return seconds, usage.ru_utime, usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--kizuna", default=os.path.join(ROOT, ".build", "release", "kizuna"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tmpfs", default="/dev/shm")
    parser.add_argument("--markdown")
    args = parser.parse_args()
    bench = load_bench()
    kizuna = os.path.abspath(args.kizuna)
    work = tempfile.mkdtemp(prefix="kizuna-tmpfs-ratio-", dir=args.tmpfs)
    try:
        iofloor = os.path.join(work, "iofloor")
        subprocess.run(["gcc", "-O2", "-pthread", "-o", iofloor, os.path.join(ROOT, "scripts", "bench", "iofloor.c")],
                       check=True)
        first = os.path.join(work, "first")
        timed([kizuna, "build", "--content", args.corpus, "--output", first, "--quiet"], ROOT)
        pack = os.path.join(work, "floor.pack")
        files, size = bench.write_pack(first, pack)
        shutil.rmtree(first)
        results = {"iofloor": [], "build": []}
        for run in range(args.runs):
            for name in ("iofloor", "build"):
                out = os.path.join(work, f"{name}-{run}")
                command = ([iofloor, pack, out, "2"] if name == "iofloor"
                           else [kizuna, "build", "--content", args.corpus, "--output", out, "--quiet"])
                results[name].append(timed(command, ROOT))
                subprocess.run(["rm", "-rf", "--", out], check=True)
                print(f"tmpfs-ratio: {name} run {run + 1}/{args.runs}: {results[name][-1][0]:.3f} s", file=sys.stderr)
        rows = []
        median = {name: [statistics.median(r[i] for r in runs) for i in range(3)] for name, runs in results.items()}
        for name, label in (("build", "full build"), ("iofloor", "I/O floor (2 threads)")):
            wall, user, system = median[name]
            rows.append(f"| {label} | {wall:.3f} | {wall / median['iofloor'][0]:.2f} | {user:.2f} | {system:.2f} | "
                        + ", ".join(f"{r[0]:.2f}" for r in results[name]) + " |")
        report = "\n".join([
            f"{files:,} files, {size / 1e6:,.1f} MB, written into {args.tmpfs} (tmpfs); median of {args.runs} runs, "
            f"floor and build alternating; `{os.path.basename(kizuna)}` {bench.sha256_file(kizuna)[:12]}",
            "",
            "| measurement | seconds | × I/O floor | user s | system s | runs |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
            *rows,
        ])
        print(report)
        if args.markdown:
            with open(args.markdown, "w", encoding="utf-8") as f:
                f.write(report + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
