#!/usr/bin/env python3
"""Open the built previews and review sheets in headless Chromium (Debian's `chromium`).

Fails (exit 1) on any console message (the pages carry no script, so any message is a CSP violation, a failed
load or an error), on a page Chromium cannot render, or on a relative link or resource that points at no file.
Saves screenshots of a day page and a review sheet.

usage: scripts/browser-check.py OUTPUT_DIR SCREENSHOT_DIR [DAY_PAGE REVIEW_SHEET]
"""
import concurrent.futures
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
CONSOLE = re.compile(r":INFO:CONSOLE[:(]")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append(value)


def broken_links(root):
    problems, pages = [], []
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            pages.append(path)
            parser = Links()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            for ref in parser.refs:
                scheme = urllib.parse.urlsplit(ref).scheme
                if scheme in ("https", "tel"):
                    continue
                if scheme:
                    problems.append(f"{path}: link with scheme '{scheme}:' ({ref[:60]})")
                    continue
                target = os.path.normpath(os.path.join(folder, urllib.parse.unquote(ref.split("#")[0])))
                if not os.path.isfile(target):
                    problems.append(f"{path}: link to a missing file: {ref}")
    return pages, problems


def load(page, screenshot=None):
    profile = tempfile.mkdtemp(prefix="kizuna-chromium-")
    args = CHROMIUM + [f"--user-data-dir={profile}"]
    args += [f"--screenshot={screenshot}", "--window-size=1200,1600"] if screenshot else ["--dump-dom"]
    result = subprocess.run(args + ["file://" + os.path.abspath(page)], capture_output=True, text=True, timeout=120)
    subprocess.run(["rm", "-rf", profile])
    messages = [line for line in result.stderr.splitlines() if CONSOLE.search(line)]
    problems = [f"{page}: console: {m.split('] ', 1)[-1][:200]}" for m in messages]
    if result.returncode != 0:
        problems.append(f"{page}: chromium exited {result.returncode}")
    if not screenshot and "</body>" not in result.stdout:
        problems.append(f"{page}: no document was rendered")
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root, shots = argv[0], argv[1]
    os.makedirs(shots, exist_ok=True)
    pages, problems = broken_links(root)
    if not pages:
        print(f"browser-check: no HTML under {root}", file=sys.stderr)
        return 1
    # Every page is rendered; two at a time on two cores.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for found in pool.map(load, pages):
            problems += found
    day = argv[2] if len(argv) > 2 else next(p for p in pages if "/preview/childcare/" in p)
    sheet = argv[3] if len(argv) > 3 else next(p for p in pages if "/review/sheets/" in p)
    for page, name in ((day, "day-page.png"), (sheet, "review-sheet.png")):
        problems += load(page, os.path.join(shots, name))
        if not os.path.isfile(os.path.join(shots, name)):
            problems.append(f"{page}: no screenshot was saved")
    for p in problems:
        print(p)
    print(f"{len(pages) - len({p.split(':')[0] for p in problems})} passed, {len({p.split(':')[0] for p in problems})} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
