#!/usr/bin/env python3
"""Save-to-screen latency of `kizuna serve` and of `hugo server` on the same corpus and the same change (issue 28).

For each N: a synthetic national corpus of N editions (scripts/make-national-corpus.py), served whole. Headless
Chromium (scripts/cdp.py) opens day 2 of the first edition. Each run then saves the day's manuscript with one
sentence changed to carry a new marker, written as editors save (a new file renamed over the old one). Both servers
then reload the open page; each new document is read once, at its DOMContentLoaded (over CDP; polling the page would
take the CPU the servers need). The latency is from just before the rename to the first document that shows the
marker. Runs alternate between two markers so each run is one real change, with `--pause` seconds between runs.

Hugo: the same corpus as a Hugo site (scripts/bench/hugo-site.py, the issue 7 baseline, which renders the same day
pages), served by `hugo server` (in memory, with its live reload), and the same sentence changed in the same
manuscript, which the site keeps as data/manuscripts/childcare/0002.json.

usage: scripts/bench/serve-latency.py KIZUNA_BINARY [--editions 1 10] [--runs 30] [--no-hugo] [--json FILE]
Prints a Markdown table: median, p95 and max per N and server.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import cdp  # noqa: E402

SENTENCE = "体重は、少しずつ増えていきます。"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(port, process, log, pattern=None, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"serve-latency: server exited {process.returncode}:\n{open(log).read()[-3000:]}")
        if pattern is None or re.search(pattern, open(log).read()):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                pass
        time.sleep(0.2)
    sys.exit("serve-latency: the server did not come up")


def save(path, old, new):
    text = open(path, encoding="utf-8").read()
    if old not in text:
        sys.exit(f"serve-latency: {path} lacks {old!r}")
    temporary = os.path.join(os.path.dirname(path), ".bench-save")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    start = time.perf_counter()
    os.replace(temporary, path)
    return start


def measure(page, path, runs, pause, encode):
    """Latencies in ms of `runs` saves of `path`, each changing SENTENCE to carry marker 0 or 1 in turn; `encode`
    writes a sentence as the file holds it."""
    latencies = []
    # Both servers' pages connect back to them once loaded: a change saved before that reaches no page.
    time.sleep(2)
    original = encode(SENTENCE)
    current = original
    for i in range(runs):
        marker = SENTENCE.replace("。", f"（計測{i % 2}）。")
        new = encode(marker)
        probe = f"document.body !== null && document.body.innerText.includes({json.dumps(marker)})"
        # Both servers reload the page: each new document is looked at once, when its DOM is ready (polling the
        # page would take the CPU the servers need).
        browser = page.browser
        browser._events[:] = [e for e in browser._events if e[1] != "Page.domContentEventFired"]
        start = save(path, current, new)
        while True:
            remaining = start + 60 - time.perf_counter()
            if remaining <= 0:
                sys.exit(f"serve-latency: run {i}: the page never showed {marker!r}")
            try:
                page.wait_event("Page.domContentEventFired", timeout=remaining)
                if page.evaluate(probe, timeout=10):
                    break
            except cdp.CDPError:
                continue
        latencies.append((time.perf_counter() - start) * 1000)
        current = new
        time.sleep(pause)
    save(path, current, original)
    return latencies


def summary(values):
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"median": statistics.median(ordered), "p95": p95, "max": ordered[-1], "min": ordered[0],
            "runs": [round(v, 1) for v in values]}


def kizuna_runs(kizuna, corpus, editions, runs, pause, browser):
    port = free_port()
    log = os.path.join(corpus, "serve.log")
    process = subprocess.Popen(
        [kizuna, "serve", "--content", os.path.join(corpus, "content"), "--templates", os.path.join(REPO, "templates"),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=open(log, "w"))
    try:
        wait_http(port, process, log, pattern="serving at")
        page = browser.open(f"http://127.0.0.1:{port}/muni-0001/preview/childcare/0002.html")
        path = os.path.join(corpus, "content/manuscripts/childcare/0002.yaml")
        result = measure(page, path, runs, pause, lambda sentence: sentence)
        page.close()
        builds = re.findall(r"pages shown after (\d+) ms\) \(0002\.yaml\)", open(log).read())
        return result, [int(b) for b in builds]
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def hugo_runs(corpus, runs, pause, browser, kizuna):
    site = os.path.join(corpus, "hugo-site")
    built = os.path.join(corpus, "kizuna-out")
    subprocess.run([kizuna, "build", "--content", os.path.join(corpus, "content"), "--templates",
                    os.path.join(REPO, "templates"), "--output", built, "--quiet"], check=True)
    subprocess.run([sys.executable, os.path.join(HERE, "hugo-site.py"), os.path.join(corpus, "content"), built, site],
                   check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    # The pages' policy forbids every script, Hugo's live reload too: it is let through as serve lets its own.
    head = os.path.join(site, "layouts/partials/head.html")
    text = open(head, encoding="utf-8").read()
    open(head, "w", encoding="utf-8").write(text.replace(
        "default-src 'none';", f"default-src 'none'; script-src 'self'; connect-src ws://127.0.0.1:{port}/livereload;"))
    log = os.path.join(corpus, "hugo.log")
    process = subprocess.Popen(["hugo", "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1",
                                "--disableFastRender=false"], stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        wait_http(port, process, log, pattern="Web Server is available")
        page = browser.open(f"http://127.0.0.1:{port}/muni-0001/childcare/0002.html")
        path = os.path.join(site, "data/manuscripts/childcare/0002.json")
        # The site's JSON holds the sentence as is or \\u-escaped: the change is written the same way.
        raw = SENTENCE in open(path, encoding="utf-8").read()
        result = measure(page, path, runs, pause, lambda sentence: sentence if raw else json.dumps(sentence)[1:-1])
        page.close()
        rebuilds = [float(x) for x in re.findall(r"Total in (\d+(?:\.\d+)?) ms", open(log).read())]
        return result, rebuilds
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kizuna")
    parser.add_argument("--editions", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pause", type=float, default=0.5)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--json")
    args = parser.parse_args()
    kizuna = os.path.abspath(args.kizuna)
    results = {}
    with cdp.Browser(window=(1000, 1200)) as browser:
        for n in args.editions:
            corpus = tempfile.mkdtemp(prefix=f"kizuna-latency-{n}-")
            subprocess.run([sys.executable, os.path.join(REPO, "scripts/make-national-corpus.py"),
                            os.path.join(corpus, "content"), "--editions", str(n)], check=True, stdout=subprocess.DEVNULL)
            latencies, builds = kizuna_runs(kizuna, corpus, n, args.runs, args.pause, browser)
            results[f"kizuna/{n}"] = summary(latencies) | {"builds_ms": builds}
            if not args.no_hugo and shutil.which("hugo"):
                latencies, rebuilds = hugo_runs(corpus, args.runs, args.pause, browser, kizuna)
                results[f"hugo/{n}"] = summary(latencies) | {"rebuilds_ms": rebuilds}
            shutil.rmtree(corpus)
    print("| server | editions | median ms | p95 ms | max ms | server's own rebuild, median ms |")
    print("|---|---|---|---|---|---|")
    for key, r in results.items():
        server, n = key.split("/")
        own = r.get("builds_ms") or r.get("rebuilds_ms") or []
        own_median = f"{statistics.median(own):.0f}" if own else "–"
        print(f"| {server} | {n} | {r['median']:.0f} | {r['p95']:.0f} | {r['max']:.0f} | {own_median} |")
    if args.json:
        json.dump(results, open(args.json, "w"), indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
