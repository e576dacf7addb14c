#!/usr/bin/env python3
"""Writes a deterministic subscriber CSV for `kizuna schedule` to stdout.

    python3 scripts/make-subscribers.py N [--date 2027-05-01] [--seed 1] [--email-share 0.1] > subs.csv

Rows are spread around DATE as a municipality's readers would be: about a third still pregnant (due date only,
between 4w0d and 41w6d on DATE, a few not started yet), most born within the last three years (due date and birth
date, the birth from 5 weeks early to 2 weeks late), some past the 3rd birthday, a few with a birth date only.
Nicknames are Japanese, some with emoji, commas or quotes (quoted as CSV requires). EMAIL_SHARE of the rows have
channel `email` (use 0 for a LINE-only edition such as sakuragaoka). Standard library only.
"""
import argparse
import csv
import random
import sys
from datetime import date, timedelta

GIVEN = ["はな", "ゆい", "さくら", "あおい", "ひな", "りん", "めい", "こはる", "みお", "ゆうな",
         "かえで", "つむぎ", "あかり", "ひかり", "まな", "ゆき", "なな", "えま", "あや", "ちひろ"]
FORMS = ["{}", "{}ママ", "{}パパ", "{}ちゃん", "{}🍎", "{}👶", "{}（{}）", "{}, {}", "\"{}\"", "{}⭐"]


def nickname(rng: random.Random) -> str:
    form = rng.choice(FORMS)
    return form.format(*(rng.choice(GIVEN) for _ in range(form.count("{}"))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("--date", default="2027-05-01", help="the sending date the rows are spread around")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--email-share", type=float, default=0.1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    today = date.fromisoformat(args.date)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "nickname", "due_date", "birth_date", "channel"])
    for i in range(1, args.rows + 1):
        kind = rng.random()
        due: date | None
        born: date | None = None
        if kind < 0.32:
            # Pregnant: 0w0d to 41w6d on the date (under 4w0d is "not started").
            due = today + timedelta(days=280 - rng.randint(0, 293))
        elif kind < 0.97:
            # Born within the last 3.3 years (a few past day 1096), 5 weeks early to 2 weeks late.
            born = today - timedelta(days=rng.randint(0, 1200))
            due = born + timedelta(days=rng.randint(-14, 35))
        else:
            # Registered after the birth, no due date.
            due, born = None, today - timedelta(days=rng.randint(0, 1096))
        channel = "email" if rng.random() < args.email_share else "line"
        out.writerow([f"u{i:07d}", nickname(rng), due.isoformat() if due else "", born.isoformat() if born else "", channel])


if __name__ == "__main__":
    main()
