#!/usr/bin/env python3
"""Check that the QR codes `kizuna qr` draws read back as their URLs, as a phone would read them off a page.

For 50 deterministic URLs of lengths 20 to 200 (LINE friend-add links, lin.ee short links, registration links), runs
`kizuna qr URL --format svg`, renders the SVG in headless Chromium (scripts/cdp.py) at 8 px a module on a white page,
captures it as PNG and decodes it with `zbarimg --raw -q`: the text read must be exactly the URL. Also checks that a
URL too long for version 10 exits 2 with a `kizuna: error:` line. Prints one summary line; exits 1 on any mismatch.

usage: scripts/qr-check.py KIZUNA_BINARY
"""
import base64
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

PIXELS_PER_MODULE = 8
ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HANDLE = "abcdefghijklmnopqrstuvwxyz0123456789-"


class Generator:
    """A 64-bit linear congruential generator (Knuth's MMIX constants): the same URLs on every machine."""

    def __init__(self, seed):
        self.state = seed

    def characters(self, count, alphabet):
        out = []
        for _ in range(count):
            self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
            out.append(alphabet[(self.state >> 33) % len(alphabet)])
        return "".join(out)


def urls():
    generator = Generator(20260402)
    for index in range(50):
        length = 20 + index * 180 // 49
        kind = index % 3
        if kind == 0 and length > 70:
            prefix = f"https://example.jp/line/register?edition={['sakuragaoka', 'kitano'][index % 2]}&ref="
            yield prefix + generator.characters(length - len(prefix), HANDLE + "_")
        elif kind == 1 and length >= 28:
            prefix = "https://line.me/R/ti/p/@"
            yield prefix + generator.characters(length - len(prefix), HANDLE)
        else:
            prefix = "https://lin.ee/"
            yield prefix + generator.characters(length - len(prefix), ALPHANUMERIC)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    kizuna = sys.argv[1]
    failures, versions, count = [], set(), 0
    with tempfile.TemporaryDirectory(prefix="kizuna-qr-") as folder, cdp.Browser() as browser:
        page = browser.open()
        for number, url in enumerate(urls()):
            count += 1
            run = subprocess.run([kizuna, "qr", url, "--format", "svg"], capture_output=True, text=True)
            if run.returncode != 0:
                failures.append(f"{url}: kizuna qr exited {run.returncode}: {run.stderr.strip()}")
                continue
            svg = run.stdout.strip()
            match = re.match(r'<svg [^>]*viewBox="0 0 (\d+) \1"', svg)
            if not match:
                failures.append(f"{url}: no square viewBox in {svg[:120]}")
                continue
            modules = int(match.group(1))
            versions.add((modules - 8 - 17) // 4)
            side = modules * PIXELS_PER_MODULE
            html = os.path.join(folder, f"{number}.html")
            with open(html, "w", encoding="utf-8") as f:
                f.write('<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:#fff}'
                        f"svg{{display:block;width:{side}px;height:{side}px}}</style>{svg}")
            page.navigate(html)
            shot = page.send("Page.captureScreenshot", format="png",
                             clip={"x": 0, "y": 0, "width": side, "height": side, "scale": 1})
            png = os.path.join(folder, f"{number}.png")
            with open(png, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            read = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True)
            text = read.stdout.decode("utf-8", errors="replace")
            if text.endswith("\n"):
                text = text[:-1]
            if read.returncode != 0 or text != url:
                failures.append(f"{url} ({len(url)}): zbarimg exited {read.returncode} and read {text!r}")
        page.close()

    too_long = "https://example.jp/line/register?ref=" + "x" * 177  # 214 bytes: one more than version 10-M holds
    run = subprocess.run([kizuna, "qr", too_long], capture_output=True, text=True)
    if run.returncode != 2 or not run.stderr.startswith("kizuna: error: ") or run.stdout:
        failures.append(f"a 214-byte URL: exit {run.returncode}, stderr {run.stderr.strip()!r}, expected 2 and an error")

    for failure in failures:
        print(f"qr-check: {failure}", file=sys.stderr)
    ok = count - len([f for f in failures if not f.startswith("a 214-byte")])
    print(f"qr-check: {ok} of {count} URLs (lengths 20–200, versions {min(versions)}–{max(versions)}) read back "
          f"exactly by zbarimg from Chromium at {PIXELS_PER_MODULE} px a module; a too-long URL "
          f"{'exits 2' if not any(f.startswith('a 214-byte') for f in failures) else 'FAILED'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
