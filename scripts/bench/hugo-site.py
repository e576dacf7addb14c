#!/usr/bin/env python3
"""Writes a Hugo site that renders the same day pages as a Kizuna build (issue 7, the Hugo baseline of
scripts/bench.py).

usage: scripts/bench/hugo-site.py CORPUS KIZUNA_OUTPUT SITE_DIR [--templates DIR]

CORPUS is a content folder (as written by scripts/make-national-corpus.py), KIZUNA_OUTPUT a Kizuna build of it,
SITE_DIR a folder that does not exist yet (or is empty). The site is then built with
`hugo --quiet -s SITE_DIR -d DEST`.

What goes where. The corpus is read with PyYAML and copied, one JSON file per YAML file and unchanged in shape,
into Hugo's data folder, so Hugo, like Kizuna, merges edition, manuscript and inserts itself when it renders:

  data/site.json                       kizuna.yaml (shared disclaimer, footer)
  data/reviewers.json                  reviewers.yaml, as a map by id
  data/manuscripts/SERIES/STEM.json    each manuscript (+ `path`, its file)
  data/editions/ID.json                each edition
  data/inserts/ID.json                 each insert (+ `path`)
  content/ID/_index.md                 one section per edition: its timeline (index.html) and manifest.json
  content/ID/SERIES/STEM.md            one page per edition and day, front matter only (JSON): edition, series,
                                       day, stem, the day label and greeting, and the insert ids of that day

Which days an edition has, their labels and which inserts go on which day are taken from the Kizuna build's
`ID/manifest.json` (`days[].series`, `.day`, `.label`, `.inserts`, `.files.line.path` for the stem): the window
arithmetic is Kizuna's business, the baseline only renders. Hugo writes, per day page, `ID/SERIES/STEM.html` (the
preview: the bubble as LINE shows it, the provenance, the payload as escaped text) and `ID/SERIES/STEM.json`
(the Flex Message push body, built as a dict in a partial and written with `jsonify`); per edition
`ID/index.html` (the timeline) and `ID/manifest.json` (days, files, SHA-256 of each payload, inserts). Kizuna's review
sheets (one set per corpus, not per edition) and multi-bubble long days (none in this corpus) are not rendered.
The layouts and config are in scripts/bench/hugo/.
"""
import argparse, json, os, shutil, sys

try:
    import yaml
except ImportError:
    sys.exit("hugo-site: PyYAML is needed (python3 -m pip install pyyaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE_SITE = os.path.join(HERE, "hugo")
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


class TextLoader(yaml.SafeLoader):
    """YAML 1.2-ish like Kizuna: every scalar that is not quoted stays text except plain integers."""


# Drop the YAML 1.1 implicit resolvers (yes/no booleans, sexagesimal 9:30, dates) and keep int and null.
TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:null")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=TextLoader)


def dump(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"), default=str)


def yaml_files(folder):
    if not os.path.isdir(folder):
        return []
    found = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(base, f) for f in sorted(files) if f.endswith(".yaml")]
    return found


def greeting(series, day):
    """The reader's greeting, worded as Kizuna words it (docs/content-model.md, series and day keys)."""
    if series == "childcare":
        return f"{{nickname}}さん、赤ちゃんが生まれて{int(day)}日目です。"
    weeks, days = day.rstrip("d").split("w")
    left = 280 - 7 * int(weeks) - int(days)
    label = f"妊娠{int(weeks)}週{int(days)}日"
    if left > 0:
        due = f"出産予定日まであと{left}日です。"
    elif left == 0:
        due = "今日が出産予定日です。"
    else:
        due = f"出産予定日から{-left}日が過ぎました。"
    return f"{{nickname}}さん、今日で{label}です。{due}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("kizuna_output")
    parser.add_argument("site")
    parser.add_argument("--templates", default=os.path.join(ROOT, "templates"),
                        help="Kizuna's templates folder, for the previews' <head> (default: templates/)")
    args = parser.parse_args()
    corpus, kizuna_out, site = (os.path.abspath(a) for a in (args.corpus, args.kizuna_output, args.site))
    if os.path.exists(site) and os.listdir(site):
        sys.exit(f"hugo-site: {site} exists and is not empty")
    shutil.copytree(TEMPLATE_SITE, site, dirs_exist_ok=True)
    # The previews' <head> (meta tags and style sheet) is Kizuna's own partial, copied as it is: it must hold no
    # Mustache tag, which Hugo would not understand.
    with open(os.path.join(args.templates, "head.mustache"), encoding="utf-8") as f:
        head = f.read()
    if "{{" in head:
        sys.exit(f"hugo-site: {args.templates}/head.mustache holds a Mustache tag; the Hugo site cannot reuse it")
    with open(os.path.join(site, "layouts", "partials", "head.html"), "w", encoding="utf-8") as f:
        f.write(head)
    data, content = os.path.join(site, "data"), os.path.join(site, "content")

    dump(os.path.join(data, "site.json"), load(os.path.join(corpus, "kizuna.yaml")))
    reviewers = load(os.path.join(corpus, "reviewers.yaml"))["reviewers"]
    dump(os.path.join(data, "reviewers.json"), {r["id"]: r for r in reviewers})

    # Manuscripts by (series, day key as text); their data file is named by the stem Kizuna gives the day.
    manuscripts = {}
    for path in yaml_files(os.path.join(corpus, "manuscripts")):
        m = load(path)
        m["path"] = path
        manuscripts[(m["series"], str(m["day"]))] = m
    written = set()

    for path in yaml_files(os.path.join(corpus, "inserts")):
        insert = load(path)
        insert["path"] = path
        dump(os.path.join(data, "inserts", f"{insert['id']}.json"), insert)

    pages = 0
    for path in yaml_files(os.path.join(corpus, "editions")):
        edition = load(path)
        eid = edition["id"]
        dump(os.path.join(data, "editions", f"{eid}.json"), edition)
        manifest_path = os.path.join(kizuna_out, eid, "manifest.json")
        try:
            with open(manifest_path, encoding="utf-8") as f:
                manifest = json.load(f)
        except OSError as error:
            sys.exit(f"hugo-site: {manifest_path}: {error.strerror} (build the corpus with kizuna first)")
        folder = os.path.join(content, eid)
        os.makedirs(folder)
        with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as f:
            # An explicit url, so that with uglyURLs the timeline is ID/index.html and the manifest ID/manifest.json.
            json.dump({"title": edition["name"], "edition": eid, "url": f"/{eid}/"}, f, ensure_ascii=False)
            f.write("\n")
        for weight, day in enumerate(manifest["days"], start=1):
            series, key = day["series"], str(day["day"])
            stem = os.path.splitext(os.path.basename(day["files"]["line"]["path"]))[0]
            m = manuscripts.get((series, key))
            if m is None:
                sys.exit(f"hugo-site: no manuscript for {series}/{key} of {eid}")
            if (series, stem) not in written:
                dump(os.path.join(data, "manuscripts", series, f"{stem}.json"), m)
                written.add((series, stem))
            front = {
                "title": m["title"], "edition": eid, "series": series, "day": key, "stem": stem,
                "label": day["label"], "greeting": greeting(series, key), "inserts": day.get("inserts", []),
                "weight": weight,
            }
            page = os.path.join(folder, series, f"{stem}.md")
            os.makedirs(os.path.dirname(page), exist_ok=True)
            with open(page, "w", encoding="utf-8") as f:
                json.dump(front, f, ensure_ascii=False)
                f.write("\n")
            pages += 1
    print(f"hugo-site: {pages} day pages in {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
