#!/usr/bin/env bash
# Signs every approval of the sample content again, with the TEST-ONLY sample keys.
#
# The keys in Tests/KizunaCoreTests/Fixtures/sample-keys/ are public test fixtures (see the README there): they
# sign the fictional sample's approvals and nothing else. Never point this script at real content, and never
# use those keys for a real approval.
#
# What it signs, through `kizuna approve FILE… --reviewer ID --key KEY --date DATE`:
#   - every manuscript that has an approval now (review: draft ones stay unapproved), by exactly the reviewers
#     of that approval, each on the date they approved it, so previews keep showing the same dates;
#   - every insert, by the approvers of the editions that send it;
#   - every loss support message (support/ID.yaml), by the approvers of the editions that name it;
#   - every edition, by its own approvers;
#   - kizuna.yaml (the shared disclaimer and footer), by its approvers;
# the last three on the date each approver recorded, or on SAMPLE_DATE (default 2026-04-01) for a first approval.
# Then it removes the old approved/**/*.txt snapshots (approve
# keeps whole approved/**/*.yaml copies now) and runs `kizuna validate`.
# Ed25519 signatures are deterministic: run again on unchanged content, it changes nothing.
#
# Usage: scripts/sign-sample-content.sh    (from anywhere; needs swift, ssh-keygen, python3 with PyYAML)
# Approving one file takes a couple of seconds (the content is validated before and after), so the files of
# one reviewer and date go in one invocation; the whole sample takes a few minutes.
set -euo pipefail

cd "$(dirname "$0")/.."
CONTENT=content
KEYS=Tests/KizunaCoreTests/Fixtures/sample-keys
SAMPLE_DATE=${SAMPLE_DATE:-2026-04-01}

# ssh-keygen refuses a private key that others can read, and git does not keep the 0600 mode.
work=$(mktemp -d "${TMPDIR:-/tmp}/kizuna-sample-keys.XXXXXX")
trap 'rm -rf "$work"' EXIT
for key in "$KEYS"/TEST-ONLY-*; do
    case "$key" in *.pub) continue ;; esac
    cp "$key" "$work/"
    chmod 600 "$work/$(basename "$key")"
done

# One line per signature to make: reviewer, date, file (tab-separated), read from the content as it stands.
python3 - "$CONTENT" "$SAMPLE_DATE" >"$work/plan.tsv" <<'PY'
import sys
from pathlib import Path

import yaml

content, sample_date = Path(sys.argv[1]), sys.argv[2]


def load(path):
    # BaseLoader: every scalar stays text (dates included), as Kizuna reads them.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}


def entries(doc):
    """(reviewer, date) of each recorded approval: the approvals: list, or the older approval: block."""
    if isinstance(doc.get("approvals"), list):
        return [(e["by"], e["date"]) for e in doc["approvals"]]
    block = doc.get("approval")
    if isinstance(block, dict):
        by = block["by"] if isinstance(block["by"], list) else [block["by"]]
        return [(b, block["date"]) for b in by]
    return []


def dated(path, reviewer):
    """The date of the reviewer's recorded approval of the file, or the sample date for a first approval."""
    recorded = dict(entries(load(path))) if path.exists() else {}
    return recorded.get(reviewer, sample_date)


lines = []
for path in sorted((content / "manuscripts").rglob("*.yaml")):
    doc = load(path)
    if doc.get("review") == "draft":
        continue
    for reviewer, date in entries(doc):
        lines.append((reviewer, date, path.as_posix()))
for path in sorted((content / "editions").glob("*.yaml")):
    edition = load(path)
    for reviewer in edition.get("approvers", []):
        lines.append((reviewer, dated(path, reviewer), path.as_posix()))
        for insert in edition.get("inserts", []):
            insert_path = content / "inserts" / f"{insert}.yaml"
            lines.append((reviewer, dated(insert_path, reviewer), insert_path.as_posix()))
        if edition.get("loss_support"):
            support = content / "support" / f"{edition['loss_support']}.yaml"
            lines.append((reviewer, dated(support, reviewer), support.as_posix()))
for reviewer in load(content / "kizuna.yaml").get("approvers", []):
    lines.append((reviewer, dated(content / "kizuna.yaml", reviewer), (content / "kizuna.yaml").as_posix()))
for line in sorted(set(lines)):
    print("\t".join(line))
PY

swift build --product kizuna
kizuna() { swift run --skip-build kizuna "$@"; }

signed=0
while IFS=$'\t' read -r reviewer date; do
    key="$work/TEST-ONLY-$reviewer"
    if [[ ! -f "$key" ]]; then
        echo "sign-sample-content: no TEST-ONLY key for '$reviewer' in $KEYS" >&2
        exit 1
    fi
    files=()
    while IFS=$'\t' read -r r d file; do
        [[ "$r" == "$reviewer" && "$d" == "$date" ]] && files+=("$file")
    done <"$work/plan.tsv"
    echo "== $reviewer, $date: ${#files[@]} file(s)"
    kizuna approve --content "$CONTENT" "${files[@]}" --reviewer "$reviewer" --key "$key" --date "$date"
    signed=$((signed + ${#files[@]}))
done < <(cut -f1,2 "$work/plan.tsv" | sort -u)

# approve keeps whole .yaml copies under approved/ now; the older .txt snapshots are not read any more.
find "$CONTENT/approved" -name '*.txt' -type f -delete
find "$CONTENT/approved" -type d -empty -delete

echo "sign-sample-content: $signed signature(s) made"
kizuna validate --content "$CONTENT"
