#!/usr/bin/env python3
"""Checks every e-mail a build wrote, with Python's own MIME parser (stdlib only).

usage: check-eml.py OUTPUT_DIR

For each .eml under OUTPUT_DIR: it parses with email.policy.default and no defects (message and parts); lines end in
CRLF, are 7-bit and at most 78 characters; there is no From/To/Date/Message-ID; List-Unsubscribe is one <https://…>
URL; the subject decodes to non-empty text; a text/plain and a text/html part, quoted-printable, decode as UTF-8;
the plain part holds {nickname} and the unsubscribe URL (the loss support message, X-Kizuna-Message: loss-support,
holds no {nickname} anywhere and is not filled). Then it fills a copy the way a sender that knows nothing
of Kizuna would, by byte replacement of {nickname} (an encoded-word in the header, quoted-printable in the bodies,
HTML-escaped in the HTML part), with a nickname of quotes, a backslash, kana and an emoji, and checks that the
decoded subject and bodies hold the nickname exactly and no placeholder is left.

Prints `eml: N messages parsed, 0 defects`; exits 1 on any failure (or when there is no .eml at all), 2 on usage.
"""
import base64
import email
import email.policy
import html
import os
import re
import sys

PLACEHOLDER = b"{nickname}"
NICKNAME = "\"\\ちゃん😀'"


def qp(data: bytes) -> bytes:
    """Quoted-printable of a nickname placed inside a line: every byte but letters and digits as =XX."""
    return b"".join(bytes([b]) if chr(b).isalnum() and b < 0x80 else b"=%02X" % b for b in data)


def encoded_word(text: str) -> bytes:
    return b"=?UTF-8?B?" + base64.b64encode(text.encode("utf-8")) + b"?="


def fill(raw: bytes, boundary: str) -> bytes:
    """The nickname put in by byte replacement, part by part."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    head = head.replace(PLACEHOLDER, encoded_word(NICKNAME))
    delimiter = b"\r\n--" + boundary.encode("ascii")
    pieces = body.split(delimiter)
    for i, piece in enumerate(pieces):
        part_head, _, _ = piece.partition(b"\r\n\r\n")
        if b"text/html" in part_head.lower():
            value = html.escape(NICKNAME, quote=True)
        else:
            value = NICKNAME
        pieces[i] = piece.replace(PLACEHOLDER, qp(value.encode("utf-8")))
    return head + sep + delimiter.join(pieces)


def text_parts(msg):
    parts = {}
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            parts[part.get_content_type()] = part
    return parts


def defects(msg):
    """The defects of the message, of each part, and of each parsed header field."""
    found = []
    for part in msg.walk():
        found += list(part.defects)
        for _, value in part.items():
            found += list(getattr(value, "defects", ()))
    return found


def check(path: str, raw: bytes):
    """Problems of one file, as text."""
    problems = []
    if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        problems.append("a line does not end in CRLF")
    if any(b >= 0x80 for b in raw):
        problems.append("bytes outside 7-bit ASCII")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 78:
            problems.append(f"line {n} has {len(line)} characters")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for d in defects(msg):
        problems.append(f"defect: {type(d).__name__}: {d}")
    for name in ("From", "To", "Date", "Message-ID"):
        if msg[name] is not None:
            problems.append(f"has a {name} header (the sender adds it)")
    if msg["MIME-Version"] != "1.0":
        problems.append("no MIME-Version: 1.0")
    unsubscribe = str(msg["List-Unsubscribe"] or "")
    m = re.fullmatch(r"<(https://[^<>\s]+)>", unsubscribe)
    if not m:
        problems.append(f"List-Unsubscribe is {unsubscribe!r}, not one <https://…> URL")
    subject = str(msg["Subject"] or "")
    if not subject.strip():
        problems.append("the subject decodes to nothing")
    if msg.get_content_type() != "multipart/alternative":
        problems.append(f"content type {msg.get_content_type()}, not multipart/alternative")
    parts = text_parts(msg)
    texts = {}
    for kind in ("text/plain", "text/html"):
        part = parts.get(kind)
        if part is None:
            problems.append(f"no {kind} part")
            continue
        if part.get_content_charset() != "utf-8":
            problems.append(f"{kind} charset is {part.get_content_charset()}")
        if str(part["Content-Transfer-Encoding"]).lower() != "quoted-printable":
            problems.append(f"{kind} is not quoted-printable")
        try:
            texts[kind] = part.get_payload(decode=True).decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{kind} is not UTF-8: {e}")
    plain = texts.get("text/plain", "")
    loss_support = str(msg["X-Kizuna-Message"] or "") == "loss-support"
    if loss_support:
        if PLACEHOLDER in raw:
            problems.append("the loss support message has a {nickname}")
        if msg["X-Kizuna-Day"] is not None:
            problems.append("the loss support message has an X-Kizuna-Day")
    elif "{nickname}" not in plain:
        problems.append("the plain part has no {nickname}")
    if m and m.group(1) not in plain:
        problems.append("the plain part does not show the unsubscribe URL")
    if problems or loss_support:
        return problems
    # Each raw part: strict quoted-printable, and every {nickname} of its text written literally in one piece.
    for piece in raw.partition(b"\r\n\r\n")[2].split(b"\r\n--" + msg.get_boundary().encode("ascii")):
        part_head, _, content = piece.partition(b"\r\n\r\n")
        kind = "text/html" if b"text/html" in part_head.lower() else "text/plain"
        if not content or kind not in texts:
            continue
        if re.search(rb"=(?![0-9A-F]{2}|\r\n|$)", content):
            problems.append(f"{kind}: an = that is neither =XX nor a soft line break")
        if content.count(PLACEHOLDER) != texts[kind].count("{nickname}"):
            problems.append(f"{kind}: a {{nickname}} is cut by a soft line break or encoded")
    if problems:
        return problems

    filled_raw = fill(raw, msg.get_boundary())
    filled = email.message_from_bytes(filled_raw, policy=email.policy.default)
    for d in defects(filled):
        problems.append(f"filled: defect: {type(d).__name__}: {d}")
    filled_subject = str(filled["Subject"])
    if "{nickname}" in subject and NICKNAME not in filled_subject:
        problems.append(f"filled subject {filled_subject!r} lacks the nickname")
    if "{nickname}" in filled_subject:
        problems.append("filled subject still has {nickname}")
    fparts = text_parts(filled)
    fplain = fparts["text/plain"].get_payload(decode=True).decode("utf-8")
    fhtml = fparts["text/html"].get_payload(decode=True).decode("utf-8")
    if NICKNAME + "さん、" not in fplain:
        problems.append("filled plain part lacks the nickname's greeting")
    if fplain != plain.replace("{nickname}", NICKNAME):
        problems.append("filling the plain part changed more than the nickname")
    if NICKNAME not in html.unescape(fhtml) or NICKNAME in fhtml:
        problems.append("filled HTML part lacks the escaped nickname")
    if "{nickname}" in fplain or "{nickname}" in fhtml:
        problems.append("a filled part still has {nickname}")
    return problems


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    paths = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(argv[1])
        for name in names
        if name.endswith(".eml")
    )
    failures = 0
    for path in paths:
        with open(path, "rb") as f:
            problems = check(path, f.read())
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        failures += bool(problems)
    if not paths:
        print(f"eml: no .eml under {argv[1]}", file=sys.stderr)
        return 1
    if failures:
        print(f"eml: {len(paths)} messages parsed, {failures} with problems", file=sys.stderr)
        return 1
    print(f"eml: {len(paths)} messages parsed, 0 defects")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
