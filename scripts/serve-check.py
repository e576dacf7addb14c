#!/usr/bin/env python3
"""`kizuna serve` as an editor uses it, in headless Chromium (issue 28).

On a copy of content/ and templates/: start `kizuna serve`, open a day page, edit a sentence and see the new text
without reloading by hand; save another manuscript and see the open page go to its day; introduce an error and see
the overlay with its file:line:column above the last good page; fix it and see the overlay go. Then the refusals
(`..`, encoded or not, a link out of the tree, POST), a second server on the same port, and Ctrl-C.

usage: scripts/serve-check.py KIZUNA_BINARY SCREENSHOT_DIR
Exit 1 with the reason on the first failure.
"""
import http.client
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    print(f"serve-check: FAIL: {message}")
    sys.exit(1)


def start(kizuna, work, output, port="0", lang="en"):
    """Starts serve; returns the process and its URL once it listens."""
    log = open(os.path.join(work, f"serve-{port}.log"), "w+")
    env = dict(os.environ, KIZUNA_MECAB="off", LANG="ja_JP.UTF-8" if lang == "ja" else "C.UTF-8")
    process = subprocess.Popen(
        [kizuna, "serve", "--content", "content", "--templates", "templates", "--edition", "sakuragaoka",
         "--port", port, "--output", output],
        cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        log.seek(0)
        text = log.read()
        found = re.search(r"(?:serving at|で配信中です（?)\s*(http://[0-9.]+:(\d+)/)", text) or re.search(
            r"(http://127\.0\.0\.1:(\d+)/)", text)
        if found:
            return process, found.group(1), int(found.group(2)), log
        if process.poll() is not None:
            fail(f"serve exited {process.returncode} before listening:\n{text}")
        time.sleep(0.1)
    fail("serve did not start listening within 120 s")


def raw(port, request):
    """The status of a request sent byte for byte (http.client keeps the path as written)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    method, path = request.split(" ", 1)
    connection.putrequest(method, path, skip_accept_encoding=True)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def edit(path, old, new):
    text = open(path, encoding="utf-8").read()
    if old not in text:
        fail(f"{path} does not contain {old!r}")
    # Written as editors do: a new file renamed over the old one.
    temporary = path + ".tmp-save"
    open(temporary, "w", encoding="utf-8").write(text.replace(old, new, 1))
    os.replace(temporary, path)


def load_a11y():
    """scripts/a11y-check.py as a module (its name has a hyphen)."""
    spec = importlib.util.spec_from_file_location("a11y_check", os.path.join(os.path.dirname(__file__), "a11y-check.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_sentence(path):
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.endswith("。") and not line.startswith(("title", "-", "heading")):
            return line.split("。")[0] + "。"
    fail(f"no sentence in {path}")


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    kizuna, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="kizuna-serve-check-")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(work, "templates"))
    output = os.path.join(work, "served")
    process, url, port, log = start(kizuna, work, output)
    try:
        check(kizuna, work, output, process, url, port, shots)
    finally:
        if process.poll() is None:
            process.kill()
        log.seek(0)
        print("serve-check: serve's log:\n" + "".join("  " + line for line in log.readlines()[-12:]))
    # Ctrl-C: a fresh server stops cleanly and removes its temporary folder.
    process = subprocess.Popen([kizuna, "serve", "--content", "content", "--templates", "templates", "--port", "0",
                                "--edition", "sakuragaoka"], cwd=work, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, KIZUNA_MECAB="off"))
    deadline = time.time() + 120
    folder = None
    lines = []
    while time.time() < deadline and folder is None:
        line = process.stderr.readline()
        lines.append(line)
        found = re.search(r"built in (/\S+), watching", line)
        folder = found.group(1) if found else None
        if not line and process.poll() is not None:
            fail("serve exited before listening:\n" + "".join(lines))
    if folder is None or not os.path.isdir(os.path.join(folder, "review")):
        fail(f"serve did not report its build folder: {lines}")
    process.send_signal(signal.SIGINT)
    try:
        _, errors = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        fail("serve did not stop within 20 s of Ctrl-C")
    if process.returncode != 0:
        fail(f"serve exited {process.returncode} on Ctrl-C:\n{errors}")
    if os.path.exists(folder):
        fail(f"serve left its build folder {folder} behind")
    print(f"serve-check: Ctrl-C stopped serve with exit 0 and removed {folder} ({errors.strip().splitlines()[-1]})")
    shutil.rmtree(work)


def check(kizuna, work, output, process, url, port, shots):
    day = os.path.join(work, "content/manuscripts/childcare/0045.yaml")
    other = os.path.join(work, "content/manuscripts/childcare/0100.yaml")
    sentence = first_sentence(day)
    page_url = url + "sakuragaoka/preview/childcare/0045.html"
    with cdp.Browser(window=(1200, 1400)) as browser:
        page = browser.open(page_url)
        if not page.evaluate(f"document.body.innerText.includes({sentence[:-1]!r})"):
            fail(f"the day page does not show {sentence!r}")
        page.evaluate("window.kizunaNotReloaded = true")

        # 1. A saved sentence appears without a manual reload (the marker is gone: the server reloaded the page).
        new = sentence[:-1] + "（編集の確認）。"
        edit(day, sentence, new)
        page.wait_for("document.body.innerText.includes('編集の確認')", timeout=30)
        if page.evaluate("window.kizunaNotReloaded === true"):
            fail("the text changed without a reload: the page was not rebuilt")
        print(f"serve-check: saved 0045.yaml; the open page showed {new!r} without a manual reload")

        # 2. Saving another manuscript brings the open page to that day.
        other_sentence = first_sentence(other)
        edit(other, other_sentence, other_sentence[:-1] + "（移動の確認）。")
        page.wait_for("location.pathname.endsWith('/childcare/0100.html') && "
                      "document.body.innerText.includes('移動の確認')", timeout=30)
        print("serve-check: saved 0100.yaml; the open page went to /sakuragaoka/preview/childcare/0100.html")

        # 3. An error: the overlay lists it at file:line:column above the last good page.
        edit(other, "\ntitle:", "\ntitel:")
        page.wait_for("document.getElementById('kizuna-live-problems') !== null", timeout=30)
        overlay = page.evaluate("document.getElementById('kizuna-live-problems').innerText")
        if not re.search(r"content/manuscripts/childcare/0100\.yaml:3:1", overlay) or "schema-unknown-key" not in overlay:
            fail(f"the overlay does not name 0100.yaml:3:1 [schema-unknown-key]:\n{overlay}")
        if not page.evaluate("document.body.innerText.includes('移動の確認')"):
            fail("the last good page is not under the overlay")
        page.screenshot(os.path.join(shots, "serve-overlay.png"))
        print("serve-check: introduced titel:; the overlay showed:\n    " + overlay.replace("\n", "\n    "))
        # The overlay as axe-core sees it, on the page as it is (no navigation: that would reload it).
        a11y = load_a11y()
        page.evaluate(a11y.axe_source() + "\n;true")
        result = page.evaluate(a11y.RUN % json.dumps(a11y.TAGS), timeout=120)
        bad = [f"[{v['impact']}] {v['id']}: " + "; ".join(a11y.describe(n) for n in v["nodes"])
               for v in result["violations"] if v["impact"] in a11y.FAILING]
        if bad:
            fail("axe-core finds the page with its overlay inaccessible:\n" + "\n".join(bad))
        print(f"serve-check: axe-core {result['engine']} on the page with the overlay: "
              f"{len(result['violations'])} violations, none serious or critical")

        # 4. Fixed: the overlay goes.
        edit(other, "\ntitel:", "\ntitle:")
        page.wait_for("document.getElementById('kizuna-live-problems') === null", timeout=30)
        print("serve-check: fixed the key; the overlay went")
        console = [text for level, text in page.console if "Content Security Policy" in text or level == "error"]
        if console:
            fail("the browser reported: " + "; ".join(console))

    # Refusals, as raw requests.
    link = os.path.join(output, "sakuragaoka/preview/leak.html")
    os.symlink(os.path.join(work, "content/kizuna.yaml"), link)
    expected = {"GET /../content/kizuna.yaml": 403, "GET /%2e%2e/content/kizuna.yaml": 403,
                "GET /sakuragaoka/%2e%2e/%2e%2e/content/kizuna.yaml": 403,
                "GET /sakuragaoka/preview/leak.html": 403, "POST /sakuragaoka/preview/index.html": 405,
                "GET /sakuragaoka/line/": 404}
    for request, status in expected.items():
        got = raw(port, request)
        if got != status:
            fail(f"{request} answered {got}, expected {status}")
    os.remove(link)
    print("serve-check: refused " + ", ".join(f"{r} ({s})" for r, s in expected.items()))

    # A second server on the same port says so and exits 2.
    second = subprocess.run([kizuna, "serve", "--content", "content", "--templates", "templates", "--port", str(port),
                             "--edition", "sakuragaoka"], cwd=work, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, KIZUNA_MECAB="off"))
    if second.returncode != 2 or "already in use" not in second.stderr:
        fail(f"a second server on port {port} exited {second.returncode}:\n{second.stderr}")
    print(f"serve-check: a second server on port {port}: {second.stderr.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
