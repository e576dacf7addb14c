#!/usr/bin/env python3
"""Check pages with axe-core, a real accessibility engine, in headless Chromium (issue 28, item 5).

usage: scripts/a11y-check.py [--all] [--axe AXE.min.js] [--json REPORT.json] TARGET...

TARGET is an HTML file, an http(s) URL (a `kizuna serve` page with its overlay), or a build's output folder. For a
folder, the pages checked are every edition's index and loss-support page, the review index and its series and
reviewer lists, and a sample of the day pages and review sheets: the fewest pages such that every element, in every
context it occurs in on any page of its kind (its tag and classes under its nearest ancestor with a class, e.g.
`div.insert > a.button.primary`), is on a page checked, plus the first and last page of each folder. All pages share
the templates' CSS, so that sample reaches every colour pair the templates can produce; --all checks every page.

axe.run() runs the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa. Any violation of impact serious or critical
fails the check (exit 1); each is printed with its selector and, for colour contrast, the colours, the ratio and the
ratio required. Moderate and minor violations are printed but do not fail.

axe.min.js comes from the PyPI wheel axe-playwright-python (pip install --no-deps axe-playwright-python==0.1.8),
found with importlib without importing the package (and so without Playwright); --axe names another copy.
"""
import argparse
import collections
import html.parser
import importlib.util
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")


def axe_source(path=None):
    if path is None:
        spec = importlib.util.find_spec("axe_playwright_python")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("a11y-check: axe-core not found; pip install --no-deps axe-playwright-python==0.1.8")
        path = os.path.join(spec.submodule_search_locations[0], "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


class Features(html.parser.HTMLParser):
    """Each element as `parent > tag.class.class`, the parent being its nearest ancestor that has a class."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, signature of the nearest classed element at or above it)
        self.found = set()

    def handle_starttag(self, tag, attrs):
        classes = ".".join(sorted((dict(attrs).get("class") or "").split()))
        parent = self.stack[-1][1] if self.stack else ""
        own = tag + ("." + classes if classes else "")
        self.found.add(f"{parent} > {own}")
        if tag not in self.VOID:
            self.stack.append((tag, own if classes else parent))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def features(path):
    parser = Features()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    return parser.found


def sample(paths):
    """The first and last page, then greedily the page that adds most features, until all are covered."""
    paths = sorted(paths)
    if len(paths) <= 2:
        return paths
    found = {p: features(p) for p in paths}
    chosen = [paths[0], paths[-1]]
    covered = found[paths[0]] | found[paths[-1]]
    everything = set().union(*found.values())
    while covered != everything:
        best = max(paths, key=lambda p: (len(found[p] - covered), -paths.index(p)))
        chosen.append(best)
        covered |= found[best]
    return sorted(chosen)


def pages_in(root, everything):
    """The pages of a build's output folder to check, in a stable order."""
    groups = collections.defaultdict(list)  # folder -> pages sampled together
    always = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).split(os.sep)
            # Indexes, loss-support pages and the review lists are few and each one of a kind: all are checked.
            if everything or name in ("index.html", "loss-support.html") or relative[:2] in (
                    ["review", "series"], ["review", "reviewer"]) or relative == ["review", "print.html"]:
                always.append(path)
            else:
                groups[folder].append(path)
    chosen = list(always)
    for folder in sorted(groups):
        chosen += sample(groups[folder])
    return chosen


def targets(args):
    result = []
    for target in args.targets:
        if urllib.parse.urlsplit(target).scheme in ("http", "https", "file"):
            result.append(target)
        elif os.path.isdir(target):
            found = pages_in(target, args.all)
            if not found:
                sys.exit(f"a11y-check: no HTML under {target}")
            result += found
        elif os.path.isfile(target):
            result.append(target)
        else:
            sys.exit(f"a11y-check: no such file, folder or URL: {target}")
    return result


RUN = """axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => ({url: r.url, engine: r.testEngine.version, violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({
      target: n.target.join(' '), impact: n.impact,
      data: (n.any.concat(n.all, n.none).find(c => c.data && typeof c.data === 'object') || {}).data || null,
      summary: n.failureSummary}))}))}))"""


def describe(node):
    data = node.get("data") or {}
    if "contrastRatio" in data:
        return (f"{data.get('fgColor')} on {data.get('bgColor')} = {data.get('contrastRatio')}:1, needs "
                f"{data.get('expectedContrastRatio')} ({data.get('fontSize')} {data.get('fontWeight')})")
    return (node.get("summary") or "").replace("\n", " ")[:200]


def check(page, source, target):
    page.navigate(target)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(source + "\n;true")
    return page.evaluate(RUN % json.dumps(TAGS), timeout=120)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="+", help="HTML files, http(s) URLs or output folders")
    parser.add_argument("--all", action="store_true", help="check every page of a folder, not a sample")
    parser.add_argument("--axe", help="axe.min.js to use instead of the one in axe-playwright-python")
    parser.add_argument("--json", help="write every page's violations to this file")
    args = parser.parse_args(argv)
    source = axe_source(args.axe)
    pages = targets(args)
    counts = collections.Counter()
    failed, report = [], []
    with cdp.Browser(window=(1280, 2000)) as browser:
        page = browser.open()
        engine = None
        for target in pages:
            try:
                result = check(page, source, target)
            except cdp.CDPError as error:
                print(f"{target}: cannot be checked: {error}")
                failed.append(target)
                continue
            engine = result["engine"]
            report.append({"page": target, "violations": result["violations"]})
            bad = False
            for violation in result["violations"]:
                impact = violation["impact"] or "minor"
                counts[impact] += len(violation["nodes"])
                bad |= impact in FAILING
                print(f"{target}: [{impact}] {violation['id']}: {violation['help']}")
                for node in violation["nodes"]:
                    print(f"    {node['target']}: {describe(node)}")
            if bad:
                failed.append(target)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"engine": engine, "tags": TAGS, "pages": report}, f, ensure_ascii=False, indent=1)
    tally = ", ".join(f"{counts[i]} {i}" for i in IMPACTS)
    print(f"a11y-check: axe-core {engine}, {len(pages)} pages ({', '.join(TAGS)}): {tally}; "
          f"{len(pages) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
