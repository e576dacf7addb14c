#!/usr/bin/env python3
"""Issue 4's demonstration on a copy of content/: five style defects in one manuscript are each reported at their
own line and column, `kizuna fix` repairs the fixable three and changes no other byte, and the SARIF log validates.

usage: style-demo.py KIZUNA_BINARY CONTENT_COPY SARIF_SCHEMA
"""
import json, subprocess, sys
import jsonschema

kizuna, content, schema_path = sys.argv[1:4]
relative = "manuscripts/childcare/0030.yaml"
path = f"{content}/{relative}"
anchor = "      お世話をする大人の気分転換にもなります。\n"
long_sentence = "お天気のよい日のお出かけの前には" + "おむつやミルク、着替えやタオルを確かめて" * 4 + "、帰る時間も決めておくと、あわてずに済みますし、赤ちゃんの様子を見ながら少しずつ距離をのばしていきましょう。"
assert len(long_sentence) == 150, len(long_sentence)
added = [
    "      外気浴は赤ちゃんの成長に大切である。\n",         # である in a です・ます message
    f"      {long_sentence}\n",                               # 150 characters
    "      ﾍﾞﾋﾞｰカーでのお散歩は１０分くらいからはじめましょう。\n",  # half-width kana, full-width digits
    "      母子手帳も持って出かけると安心です。\n",         # a forbidden pattern of terms.yaml
]
original = open(path, encoding="utf-8").read()
assert anchor in original
text = original.replace(anchor, anchor + "".join(added))
open(path, "w", encoding="utf-8").write(text)
first = text.splitlines().index(added[0].rstrip("\n")) + 1  # 1-based line of the である sentence

def run(*args):
    return subprocess.run([kizuna, *args, "--content", content], capture_output=True, text=True)

expected = {
    ("style-desu-masu", first, 21),
    ("style-sentence-length", first + 1, 7),
    ("style-halfwidth-kana", first + 2, 7),
    ("style-fullwidth-alphanumeric", first + 2, 18),
    ("style-terminology", first + 3, 7),
}
report = run("validate", "--format", "json")
assert report.returncode == 1, report.returncode
found = {(d["rule"], d["line"], d["column"]) for d in json.loads(report.stdout) if d["file"].endswith(relative)}
missing = expected - found
assert not missing, f"not reported: {sorted(missing)}; found {sorted(found)}"
for rule, line, column in sorted(expected, key=lambda e: e[1:]):
    print(f"style-demo: {relative}:{line}:{column} {rule}")

sarif = json.loads(run("validate", "--format", "sarif").stdout)
jsonschema.validate(sarif, json.load(open(schema_path)))
print(f"style-demo: SARIF valid against 2.1.0 with {len(sarif['runs'][0]['results'])} results")

before = open(path, "rb").read()
dry = run("fix", "--dry-run")
assert open(path, "rb").read() == before, "--dry-run wrote the file"
assert "+      ベビーカーでのお散歩は10分くらいからはじめましょう。" in dry.stdout, dry.stdout
fixed = run("fix")
after = open(path, "rb").read()
want = before.replace("ﾍﾞﾋﾞｰ".encode(), "ベビー".encode()).replace("１０".encode(), b"10").replace("母子手帳".encode(), "母子健康手帳".encode())
assert after == want, "fix changed other bytes"
left = {(d["rule"], d["line"]) for d in json.loads(run("validate", "--format", "json").stdout) if d["file"].endswith(relative)}
assert {r for r, _ in left} >= {"style-desu-masu", "style-sentence-length"}, left
assert not {r for r, _ in left} & {"style-halfwidth-kana", "style-fullwidth-alphanumeric", "style-terminology"}, left
print(f"style-demo: fix changed {len(before)} → {len(after)} bytes, exactly the 3 fixable findings; "
      f"{len(left)} findings left for an editor ({', '.join(sorted({r for r, _ in left}))})")
