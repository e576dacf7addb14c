#!/usr/bin/env python3
"""Issue 5's demonstration on a copy of content/: a day whose text is 12,000 characters long becomes several LINE
messages that all pass line-conformance, and `kizuna render` with a nickname of quotes, a backslash, kana and an
emoji gives JSON that parses and holds the nickname exactly (an empty nickname leaves no dangling 「さん、」).

usage: long-day-demo.py KIZUNA_BINARY CONTENT_COPY LINE_CONFORMANCE
"""
import json, os, subprocess, sys, tempfile

kizuna, content, conformance = sys.argv[1:4]
path = f"{content}/manuscripts/childcare/0100.yaml"
sentences = [
    "赤ちゃんの様子を見ながら、ゆっくり過ごしましょう。",
    "眠れるときに少しでも横になり、体を休めてください。",
    "困ったときは、ひとりで抱えこまずに相談しましょう。",
    "家族で声をかけあい、できることを分けあいましょう。",
]
text, i = "", 0
while len(text) < 12_000:
    text += sentences[i % len(sentences)]
    i += 1
text = text[: text.rfind("。", 0, 12_001) + 1]
lines = "".join(f"      {text[j:j + 600]}\n" for j in range(0, len(text), 600))  # one paragraph per 600 characters
source = open(path, encoding="utf-8").read()
anchor = "sections:\n"
source = source.replace(anchor, anchor + "  - heading: 長い日のための章\n    text: |\n" + lines, 1)
open(path, "w", encoding="utf-8").write(source)

out = tempfile.mkdtemp()
subprocess.run([kizuna, "build", "--content", content, "--output", out, "--quiet"], check=True)
day = f"{out}/sakuragaoka/line/childcare/0100.json"
messages = json.load(open(day, encoding="utf-8"))["messages"]
assert 2 <= len(messages) <= 5, len(messages)
assert "footer" in messages[-1]["contents"] and all("footer" not in m["contents"] for m in messages[:-1])
sizes = [len(json.dumps(m["contents"], ensure_ascii=False, separators=(",", ":")).encode()) for m in messages]
check = subprocess.run([sys.executable, conformance, "--substitute", "{nickname}=" + "あ" * 20, day], capture_output=True, text=True)
print(check.stdout.strip())
assert check.returncode == 0, check.stdout
print(f"long-day-demo: {len(text)} characters → {len(messages)} messages, bubbles of {sizes} bytes, footer on the last")

nickname = '"ゆ\\き🍎\'ちゃん'
rendered = subprocess.run([kizuna, "render", "--content", content, "--edition", "sakuragaoka", "--series", "childcare",
                           "--day", "100", "--nickname", nickname], capture_output=True, check=True).stdout
payload = json.loads(rendered)
assert payload["messages"][0]["altText"].startswith(nickname + "さん、"), payload["messages"][0]["altText"][:40]
assert "{nickname}" not in rendered.decode()
empty = json.loads(subprocess.run([kizuna, "render", "--content", content, "--edition", "sakuragaoka", "--series",
                                   "childcare", "--day", "100", "--nickname", ""], capture_output=True, check=True).stdout)
assert empty["messages"][0]["altText"].startswith("赤ちゃんが生まれて100日目です。"), empty["messages"][0]["altText"][:40]
print(f"long-day-demo: render with nickname {nickname} parses and holds it exactly; an empty nickname reads "
      f"「{empty['messages'][0]['altText'][:20]}…」")
