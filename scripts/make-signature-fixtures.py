#!/usr/bin/env python3
"""Writes the diagnostic fixtures of the signed-approval rules into Tests/KizunaCoreTests/Fixtures/diagnostics/.

Each fixture is a folder of overlay files on Tests/KizunaCoreTests/Fixtures/minimal/ (see the header of
Tests/KizunaCoreTests/Diagnostics/DiagnosticFixtureTests.swift), with ⚑ immediately before where the folder's rule
must be reported. The signatures are real: each statement is printed by `kizuna review --statement` on the content
as the fixture has it, and signed with OpenSSH's `ssh-keygen -Y sign -n kizuna-approval` and the TEST-ONLY key of
Tests/KizunaCoreTests/Fixtures/ssh (never a real reviewer's key). Ed25519 signatures are deterministic, so running
the script again rewrites the fixtures byte for byte.

usage: scripts/make-signature-fixtures.py [KIZUNA-BINARY]
  (default: $KIZUNA, else the kizuna of `swift build --show-bin-path`, built if missing)
"""
import os, shutil, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(ROOT, "Tests", "KizunaCoreTests", "Fixtures")
MINIMAL = os.path.join(FIXTURES, "minimal")
DIAGNOSTICS = os.path.join(FIXTURES, "diagnostics")
SSH = os.path.join(FIXTURES, "ssh")
NAMESPACE = "kizuna-approval"
MARK = "\u2691"
MANUSCRIPT = "manuscripts/childcare/0045.yaml"
OTHER = "manuscripts/maternity/16w0d.yaml"
DATE = "2026-12-07"


def kizuna_binary():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    if os.environ.get("KIZUNA"):
        return os.environ["KIZUNA"]
    folder = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    binary = os.path.join(folder, "kizuna")
    if not os.access(binary, os.X_OK):
        subprocess.run(["swift", "build", "--product", "kizuna"], cwd=ROOT, check=True)
    return binary


KIZUNA = kizuna_binary()
WORK = tempfile.mkdtemp(prefix="kizuna-signature-fixtures-")
# Git does not keep the private key's 0600 mode, and ssh-keygen refuses a key others can read.
KEY = os.path.join(WORK, "TEST-ONLY-reviewer-key")
shutil.copyfile(os.path.join(SSH, "TEST-ONLY-reviewer-key"), KEY)
os.chmod(KEY, 0o600)
with open(os.path.join(SSH, "TEST-ONLY-reviewer-key.pub"), encoding="utf-8") as f:
    PUBLIC_KEY = f.read().strip()


def minimal(relative):
    with open(os.path.join(MINIMAL, relative), encoding="utf-8") as f:
        return f.read()


def unmarked(text):
    return text.replace(MARK, "")


def content_folder(overlay):
    """A content folder of the minimal set with `overlay` (relative path → text, markers removed)."""
    folder = tempfile.mkdtemp(dir=WORK)
    content = os.path.join(folder, "content")
    shutil.copytree(MINIMAL, content)
    for relative, text in overlay.items():
        with open(os.path.join(content, relative), "w", encoding="utf-8") as f:
            f.write(unmarked(text))
    return content


def statement(overlay, relative, reviewer, date):
    """What `reviewer` signs on `date` to approve `relative` in the minimal set with `overlay`."""
    content = content_folder(overlay)
    return subprocess.run(
        [KIZUNA, "review", "--content", content, "--statement", os.path.join(content, relative),
         "--reviewer", reviewer, "--date", date],
        check=True, capture_output=True, text=True).stdout


def sha256(text_of_statement):
    return next(line[len("sha256: "):] for line in text_of_statement.splitlines() if line.startswith("sha256: "))


def sign(text):
    """An armored SSHSIG over `text`, made by ssh-keygen with the TEST-ONLY key."""
    message = os.path.join(tempfile.mkdtemp(dir=WORK), "statement.txt")
    with open(message, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", KEY, "-n", NAMESPACE, message], check=True, capture_output=True)
    with open(message + ".sig", encoding="utf-8") as f:
        return f.read()


def reviewers(keys):
    """reviewers.yaml of the minimal set, with `keys` (reviewer id → [(public key, valid_until or None)])."""
    lines = []
    current = None
    for line in minimal("reviewers.yaml").splitlines():
        if line.startswith("  - id: "):
            if current in keys:
                lines += key_lines(keys[current])
            current = line[len("  - id: "):]
        lines.append(line)
    if current in keys:
        lines += key_lines(keys[current])
    return "\n".join(lines) + "\n"


def key_lines(keys):
    lines = ["    keys:"]
    for key, until in keys:
        lines.append(f"      - key: {key}")
        if until:
            lines.append(f"        valid_until: {until}")
    return lines


def entry(by, date, sha, signature=None, mark=None):
    """One `approvals:` entry; `mark`: 'entry', 'by', 'date' or 'signature', where ⚑ goes."""
    m = lambda where: MARK if mark == where else ""
    lines = [f"  - {m('entry')}by: {m('by')}{by}", f"    date: {m('date')}{date}", f"    sha256: {sha}"]
    if signature is not None:
        lines.append(f"    signature: {m('signature')}|")
        lines += ["      " + line for line in signature.rstrip("\n").split("\n")]
    return "\n".join(lines) + "\n"


def approved(relative, entries):
    """A minimal-set file marked approved, with `entries` as its approvals."""
    text = minimal(relative).replace("review: in-review\n", "review: approved\n")
    return text + "approvals:\n" + "".join(entries)


def write(name, overlay, comment):
    folder = os.path.join(DIAGNOSTICS, name)
    shutil.rmtree(folder, ignore_errors=True)
    for relative, text in overlay.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print(f"{name}: {comment}")


PEDIATRICIAN_KEY = reviewers({"pediatrician-a": [(PUBLIC_KEY, "2027-03-31")]})
base = {"reviewers.yaml": PEDIATRICIAN_KEY, MANUSCRIPT: approved(MANUSCRIPT, [])}
good = statement(base, MANUSCRIPT, "pediatrician-a", DATE)
sha = sha256(good)
signature = sign(good)

# Unsigned where kizuna.yaml requires signatures: reported at the entry.
write(
    "approval-unsigned",
    {
        "kizuna.yaml": minimal("kizuna.yaml") + "require_signatures: true\n",
        "reviewers.yaml": PEDIATRICIAN_KEY,
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", DATE, sha, mark="entry")]),
    },
    "a hand-typed approval without a signature, with require_signatures: true")

# A block that is not an SSH signature: the last base64 line cut off, or another armor.
lines = signature.rstrip("\n").split("\n")
truncated = "\n".join(lines[:-2] + lines[-1:]) + "\n"
write(
    "approval-signature-malformed",
    {
        "reviewers.yaml": PEDIATRICIAN_KEY,
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", DATE, sha, truncated, mark="signature")]),
    },
    "the signature's last base64 line is missing")
write(
    "approval-signature-malformed--armor",
    {
        "reviewers.yaml": PEDIATRICIAN_KEY,
        MANUSCRIPT: approved(
            MANUSCRIPT,
            [entry("pediatrician-a", DATE, sha, signature.replace("SSH SIGNATURE", "PGP SIGNATURE"),
                   mark="signature")]),
    },
    "a PGP armor around the signature")

# Signed with a key registered for another reviewer (the obstetrician's), none registered for the pediatrician.
write(
    "approval-key-unknown",
    {
        "reviewers.yaml": reviewers({"obstetrician-a": [(PUBLIC_KEY, None)]}),
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", DATE, sha, signature, mark="signature")]),
    },
    "the pediatrician's approval signed with the obstetrician's key")

# Signed on a day after the key's valid_until: reported at the date.
write(
    "approval-key-expired",
    {
        "reviewers.yaml": reviewers({"pediatrician-a": [(PUBLIC_KEY, "2026-09-30")]}),
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", DATE, sha, signature, mark="date")]),
    },
    "signed on 2026-12-07 with a key retired on 2026-09-30")

# A signature over an earlier version of the text, the entry's sha256 edited to match the text as it stands.
earlier_text = approved(MANUSCRIPT, []).replace("顔を近づけると、", "顔を近づけると、よく")
earlier = statement({**base, MANUSCRIPT: earlier_text}, MANUSCRIPT, "pediatrician-a", DATE)
assert sha256(earlier) != sha
write(
    "approval-signature-mismatch",
    {
        "reviewers.yaml": PEDIATRICIAN_KEY,
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", DATE, sha, sign(earlier), mark="signature")]),
    },
    "a signature over an earlier version, with the sha256 of the current text")

# The pediatrician's signed approval of maternity/16w0d (which they co-supervise here), copied whole into 0045.
co_supervised = minimal(OTHER).replace(
    "supervisors: [obstetrician-a]", "supervisors: [obstetrician-a, pediatrician-a]")
other = statement({**base, OTHER: co_supervised}, OTHER, "pediatrician-a", DATE)
other_entry = entry("pediatrician-a", DATE, sha256(other), sign(other))
write(
    "approval-signature-copied",
    {
        "reviewers.yaml": PEDIATRICIAN_KEY,
        OTHER: co_supervised + "approvals:\n" + other_entry,
        MANUSCRIPT: approved(
            MANUSCRIPT, [entry("pediatrician-a", DATE, sha256(other), sign(other), mark="signature")]),
    },
    "maternity/16w0d's signed approval copied into childcare/0045")

# Signed on 2026-12-07, the date edited to 2026-12-01: reported at the date.
write(
    "approval-date-altered",
    {
        "reviewers.yaml": PEDIATRICIAN_KEY,
        MANUSCRIPT: approved(MANUSCRIPT, [entry("pediatrician-a", "2026-12-01", sha, signature, mark="date")]),
    },
    "signed on 2026-12-07, dated 2026-12-01 in the file")

shutil.rmtree(WORK)
