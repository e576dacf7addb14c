#!/usr/bin/env python3
"""Check every おめでとうカード of a build as a printer and a phone would meet it.

For each edition of OUTPUT whose manifest lists a card:
- the page loads nothing (no <script>, <link>, <img>, src=, url(), or http(s) outside the printed URLs' text), and its
  `@page` is A6 portrait (105mm 148mm);
- in headless Chromium (scripts/cdp.py), with print media emulated, the page has exactly two sheets of 93 × 136 mm
  (A6 less the 6 mm @page margin), its QR code is at least 20 mm wide (its symbol, without the quiet zone) with a
  4-module white quiet zone, and the URL and the LINE account's name are printed under it;
- the back, captured as PNG, is read by `zbarimg --raw -q` as exactly the manifest's registrationURL: one code, no
  other text;
- where the build printed card.pdf: a PDF of exactly two A6 pages (MediaBox within 1 pt of 297.64 × 419.53), whose back, drawn
  by Ghostscript at 300 dpi, zbarimg also reads as exactly the URL.
Screenshots of both sides go to SHOTS/<edition>.png. Prints one line per card; exits 1 on any failure.

usage: scripts/card-check.py OUTPUT SHOTS
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

MM_PER_CSS_PX = 25.4 / 96
A6_POINTS = (105 / 25.4 * 72, 148 / 25.4 * 72)

MEASURE = r"""(() => {
  const sheets = [...document.querySelectorAll('.sheet')].map(s => s.getBoundingClientRect());
  const svg = document.querySelector('.qr svg');
  const box = svg.getBoundingClientRect();
  const side = svg.viewBox.baseVal.width;
  const path = svg.querySelector('path').getAttribute('d');
  const xs = [...path.matchAll(/M(\d+) (\d+)/g)].map(m => [+m[1], +m[2]]);
  const under = [...document.querySelectorAll('.qr p')].map(p => p.textContent);
  return JSON.stringify({
    sheets: sheets.map(r => [r.width, r.height]), svgs: document.querySelectorAll('svg').length,
    width: box.width, height: box.height, side,
    minX: Math.min(...xs.map(p => p[0])), minY: Math.min(...xs.map(p => p[1])),
    maxX: Math.max(...xs.map(p => p[0])), maxY: Math.max(...xs.map(p => p[1])),
    fill: svg.querySelector('rect').getAttribute('fill'), under,
    back: (() => { const r = document.querySelector('.sheet.back').getBoundingClientRect();
                   return [r.x, r.y + window.scrollY, r.width, r.height]; })(),
  });
})()"""


def zbar(png):
    read = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True)
    text = read.stdout.decode("utf-8", errors="replace")
    return read.returncode, text[:-1] if text.endswith("\n") else text


def check_page(html, card, failures):
    if "@page { size: 105mm 148mm;" not in html:
        failures.append("no A6 portrait @page size")
    for pattern in (r"<script", r"<link", r"<img", r"\ssrc=", r"url\(", r"@import"):
        if re.search(pattern, html, re.IGNORECASE):
            failures.append(f"the page would load something: {pattern}")
    printed = {card["registrationURL"], card.get("emailURL")}
    for url in re.findall(r"https?://[^\s\"'<>]+", html):
        if url not in printed and url != "http://www.w3.org/2000/svg":
            failures.append(f"a URL besides the printed ones: {url}")


def check_pdf(pdf, url, folder, failures):
    data = open(pdf, "rb").read()
    if not data.startswith(b"%PDF-"):
        return failures.append("card.pdf is not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if pages != 2:
        failures.append(f"card.pdf has {pages} pages, not 2")
    boxes = {tuple(round(float(v), 1) for v in m) for m in
             re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)}
    want = tuple(round(v, 1) for v in A6_POINTS)
    if not boxes or any(abs(w - x) > 1 or abs(h - y) > 1 for w, h in boxes for x, y in [want]):
        failures.append(f"card.pdf pages are {sorted(boxes)} pt, not A6 {want}")
    if not shutil.which("gs"):
        return "the PDF's back not decoded: no Ghostscript"
    png = os.path.join(folder, "pdf-back.png")
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", "-r300", "-dFirstPage=2",
                    "-dLastPage=2", f"-sOutputFile={png}", pdf], check=True)
    status, text = zbar(png)
    if status != 0 or text != url:
        failures.append(f"the PDF's back read as {text!r} (zbarimg exit {status}), not {url!r}")
    return f"PDF: {pages} A6 pages, back read as the URL at 300 dpi"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    output, shots = sys.argv[1:]
    os.makedirs(shots, exist_ok=True)
    cards, failed = 0, False
    with tempfile.TemporaryDirectory(prefix="kizuna-card-") as folder, cdp.Browser(window=(600, 1200)) as browser:
        for edition in sorted(os.listdir(output)):
            manifest_path = os.path.join(output, edition, "manifest.json")
            if not os.path.isfile(manifest_path):
                continue
            card = json.load(open(manifest_path, encoding="utf-8")).get("card")
            if card is None:
                continue
            cards += 1
            failures = []
            url = card["registrationURL"]
            page_path = os.path.join(output, edition, card["files"]["html"]["path"])
            check_page(open(page_path, encoding="utf-8").read(), card, failures)

            page = browser.open()
            page.send("Emulation.setDeviceMetricsOverride", width=600, height=1200, deviceScaleFactor=3, mobile=False)
            page.navigate(os.path.abspath(page_path))
            page.screenshot(os.path.join(shots, f"{edition}.png"), full_page=True)
            page.send("Emulation.setEmulatedMedia", media="print")
            m = json.loads(page.evaluate(MEASURE))
            sheets = [(round(w * MM_PER_CSS_PX), round(h * MM_PER_CSS_PX)) for w, h in m["sheets"]]
            if sheets != [(93, 136), (93, 136)]:
                failures.append(f"sheets of {sheets} mm, not two of 93 × 136 mm (A6 less the 6 mm margin)")
            if m["svgs"] != 1:
                failures.append(f"{m['svgs']} SVGs on the card, not one QR code")
            modules = m["side"] - 8
            symbol_mm = m["width"] * MM_PER_CSS_PX * modules / m["side"]
            if symbol_mm < 20:
                failures.append(f"the QR symbol is {symbol_mm:.1f} mm wide, under 20 mm")
            if (m["minX"], m["minY"]) != (4, 4) or m["maxX"] >= 4 + modules or m["maxY"] >= 4 + modules \
                    or m["fill"] != "#fff":
                failures.append(f"no 4-module white quiet zone: {m}")
            if url not in m["under"] or (card.get("lineAccount") and card["lineAccount"] not in m["under"]):
                failures.append(f"under the code: {m['under']}, expected the URL and the account's name")
            x, y, w, h = m["back"]
            shot = page.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                             clip={"x": x, "y": y, "width": w, "height": h, "scale": 1})
            back = os.path.join(folder, f"{edition}-back.png")
            with open(back, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            page.close()
            status, text = zbar(back)
            if status != 0 or text != url:
                failures.append(f"the back read as {text!r} (zbarimg exit {status}), not {url!r}")

            pdf_note = "no card.pdf (built without Chromium)"
            if "pdf" in card["files"]:
                pdf_note = check_pdf(os.path.join(output, edition, card["files"]["pdf"]["path"]), url, folder,
                                     failures) or pdf_note
            for failure in failures:
                print(f"card-check: {edition}: {failure}", file=sys.stderr)
            failed = failed or bool(failures)
            print(f"card-check: {edition}: {'FAILED' if failures else 'ok'}: back read as {url} by zbarimg; "
                  f"QR symbol {symbol_mm:.1f} mm ({modules} modules) with a 4-module quiet zone; "
                  f"2 sheets of 93 × 136 mm; {pdf_note}")
    if cards == 0:
        print("card-check: no edition has a card", file=sys.stderr)
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
