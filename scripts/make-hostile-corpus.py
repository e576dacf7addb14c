#!/usr/bin/env python3
"""Writes the hostile-input corpus (issue 6, item 1) into Tests/KizunaCoreTests/Fixtures/hostile/.

Every case is one folder of overlay files laid out like a content folder: each file replaces the file of the same
relative path in Tests/KizunaCoreTests/Fixtures/minimal/ (the base) or adds one; to delete a key, the whole file is
overlaid without it. Beside the overlay, `expected.json`:

    {"exit": 1, "diagnostics": [{"file": ..., "line": ..., "column": ..., "rule": ...}], "note": "..."}

`exit` is what `kizuna validate` (and `kizuna build`) must exit with. With exit 1 every listed diagnostic must be
reported exactly there, and no error of a rule not listed may appear. With exit 0 `diagnostics` is empty: no
diagnostic at all may appear. Optional keys: `sameOutputAs` (the build must be byte-identical to the build of that
case, or of 'minimal'), `outputContains` / `outputExcludes` (output path → strings its bytes must / must not
contain, for the exit-0 cases whose point is the value that was read or how it is escaped).

Cases are written here as edits of the minimal files. In the text of an edit, ⚑ marks the character a diagnostic
of the case's rule must point at (⚑{rule} for another rule); ⚐ marks where raw bytes are spliced in (the position is
then where the file-encoding diagnostic must point). Lines and columns are 1-based; a column counts user-perceived
characters (Swift `Character`s), as docs/commands.md says.

The output is deterministic: running the script again rewrites the corpus byte for byte.

usage: scripts/make-hostile-corpus.py [REPOSITORY]
"""
import json, os, re, shutil, sys, unicodedata

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(ROOT, "Tests", "KizunaCoreTests", "Fixtures")
MINIMAL = os.path.join(FIXTURES, "minimal")
HOSTILE = os.path.join(FIXTURES, "hostile")

MARK = "⚑"       # a diagnostic points at the next character
SPLICE = "⚐"     # raw bytes go here (and a file-encoding diagnostic points here)

M45 = "manuscripts/childcare/0045.yaml"
M16 = "manuscripts/maternity/16w0d.yaml"
M20 = "manuscripts/maternity/20w0d.yaml"
ED = "editions/hinata.yaml"
KZ = "kizuna.yaml"
I1 = "inserts/hinata-1month-checkup.yaml"
IP = "inserts/hinata-parents-class.yaml"

SIZE_CAP = 256 * 1024


def minimal(path):
    with open(os.path.join(MINIMAL, path), encoding="utf-8") as f:
        return f.read()


def edit(path, *replacements):
    """The minimal file at `path` with each (old, new) replaced; `old` must occur exactly once."""
    text = minimal(path)
    for old, new in replacements:
        assert text.count(old) == 1, f"{path}: {old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def is_extender(c):
    """A scalar that joins the character before it (grapheme extend): combining marks, ZWNJ/ZWJ, variation selectors."""
    return unicodedata.combining(c) != 0 or unicodedata.category(c) in ("Mn", "Me") \
        or c in "\u200c\u200d" or 0xFE00 <= ord(c) <= 0xFE0F


def columns(prefix):
    """User-perceived characters in `prefix` (enough of Unicode's grapheme rules for this corpus)."""
    n = 0
    for i, c in enumerate(prefix):
        if i > 0 and is_extender(c):
            continue
        n += 1
    return n


def strip_markers(text, file, default_rule):
    """`text` without ⚑ markers, and a diagnostic for each: (file, line, column, rule)."""
    out, found, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == MARK:
            rule = default_rule
            explicit = re.match(r"\{([a-z0-9-]+)\}", text[i + 1:])
            if explicit:
                rule = explicit.group(1)
                i += len(explicit.group(0))
            before = "".join(out)
            line = before.count("\n") + 1
            line_text = before[before.rfind("\n") + 1:]
            found.append({"file": "content/" + file, "line": line, "column": columns(line_text) + 1, "rule": rule})
        else:
            out.append(c)
        i += 1
    return "".join(out), found


CASES = {}


def case(name, note, exit=1, rule=None, files=None, raw=None, diagnostics=None, **extra):
    """`files`: relative path → text with markers. `raw`: relative path → (text with one ⚐ or none, bytes to
    splice in, encoding of the text). `diagnostics`: written out, for what markers cannot express."""
    assert name not in CASES, name
    written, expected = {}, list(diagnostics or [])
    for path, text in (files or {}).items():
        stripped, found = strip_markers(text, path, rule)
        written[path] = stripped.encode("utf-8")
        expected += found
    for path, (text, splice, encoding) in (raw or {}).items():
        if SPLICE in text:
            before, after = text.split(SPLICE)
            line = before.count("\n") + 1
            column = columns(before[before.rfind("\n") + 1:]) + 1
            expected.append({"file": "content/" + path, "line": line, "column": column, "rule": rule})
            written[path] = before.encode(encoding) + splice + after.encode(encoding)
        else:
            written[path] = text.encode(encoding) + splice
    assert (exit == 0) == (not expected), f"{name}: exit {exit} with {len(expected)} expected diagnostics"
    expected.sort(key=lambda d: (d["file"], d["line"], d["column"], d["rule"]))
    spec = {"exit": exit, "diagnostics": expected, "note": note}
    spec.update(extra)
    CASES[name] = (written, spec)


# --- YAML 1.1 leftovers: text stays text -------------------------------------------------------------------------

case("yaml11-boolean", exit=0,
     note="YAML 1.1 booleans (no, yes, on) in text fields stay the strings 'no', 'yes', 'on'",
     files={M45: edit(M45, ("title: じっと見つめる目", "title: no"), ("  - heading: 赤ちゃんのようす", "  - heading: yes")),
            ED: edit(ED, ("hours: 平日 8:30〜17:15", "hours: on"))},
     outputContains={"hinata/line/childcare/0045.json": ['"text":"no"', '"text":"yes"'],
                     "hinata/preview/childcare/0045.html": [">no<"]})

case("octal-looking-day", exit=0,
     note="day: 0045 is day 45 read in decimal (octal would be 37): written to 0045.json as 生まれて45日目",
     files={M45: edit(M45, ("day: 45", "day: 0045"))},
     outputContains={"hinata/line/childcare/0045.json": ["生まれて45日目"]})

case("octal-looking-number", exit=0,
     note="nickname_max_length: 010 is 10 (octal would be 8), as the manifest says",
     files={KZ: edit(KZ, ("nickname_max_length: 20", "nickname_max_length: 010"))},
     outputContains={"hinata/manifest.json": ['"maxLength":10']})

# --- YAML structure ----------------------------------------------------------------------------------------------

case("duplicate-key", rule="yaml-duplicate-key",
     note="a manuscript's title written twice: reported at the second, the first in a note",
     files={M45: edit(M45, ("review: in-review\n", "review: in-review\n⚑title: 見つめあう時間\n"))})

case("unknown-key", rule="schema-unknown-key",
     note="a misspelt key (titel, with a did-you-mean; title is then not reported missing) and a key no manuscript has",
     files={M45: edit(M45, ("title: じっと見つめる目", "⚑titel: じっと見つめる目"),
                      ("    text: |\n      授乳", "    ⚑memo: 来週の監修で見直す\n    text: |\n      授乳"))})

case("empty-required-text", rule="schema-empty",
     note="a required text left empty: title with no value, a section text of \"\"",
     files={M16: edit(M16, ("title: 小さな耳がひらくころ", "title:⚑"),
                      ("    text: |\n      {nickname}さんの声で、おなかの赤ちゃんに話しかけてみませんか。\n"
                       "      パパの低い声も、きっと赤ちゃんに届いています。\n",
                       "    text: ⚑\"\"\n"))})

case("tilde-required-text", rule="schema-empty",
     note="~ (null) where text is required: a manuscript's title and an edition's unsubscribe_url",
     files={M16: edit(M16, ("title: 小さな耳がひらくころ", "title: ⚑~")),
            ED: edit(ED, ("unsubscribe_url: https://example.jp/hinata/kizuna/settings", "unsubscribe_url: ⚑~"))})

case("anchor-alias", rule="yaml-anchor",
     note="an anchor and an alias in a manuscript, both reported where written",
     files={M16: edit(M16, ("  - heading: おなかの赤ちゃん", "  - heading: ⚑&midashi おなかの赤ちゃん"),
                      ("  - heading: ママとパパへ", "  - heading: ⚑*midashi"))})

lol = ", ".join(['"lol"'] * 9)
bomb = [f'a: &a [{lol}]']
for level in range(1, 10):
    prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
    bomb.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
# 9 levels of 9 aliases over 9 strings: 9^10 ≈ 3.5 billion "lol"s if expanded. The scanner stops at 10 findings:
# &a, &b and the first 8 *a, all before anything is composed.
bomb_text = "\n".join(bomb) + "\n"
case("alias-bomb", rule="yaml-anchor",
     note="billion laughs: 9 levels of 9 aliases (9^10 strings expanded); refused from the event stream in milliseconds",
     files={M16: bomb_text.replace("a: &a", "a: ⚑&a", 1).replace("b: &b [*a", "b: ⚑&b [⚑*a", 1)})

# Kizuna refuses collections nested deeper than 100 levels inside the root, at the bracket that opens the 101st:
# from the event stream for mappings, and from the text for flow sequences, which libyaml refuses while reading
# ahead (at its own limit of about 1,000) before any event says where.
depth, refused = 1500, 101
case("nesting-1500", rule="yaml-syntax",
     note="1,500 nested flow sequences where the title belongs: refused without a stack overflow, at the [ that opens the 101st level",
     files={M16: edit(M16, ("title: 小さな耳がひらくころ",
                            "title: " + "[" * (refused - 1) + "⚑" + "[" * (depth - refused + 1) + "小さな耳" + "]" * depth))})

case("nesting-1500-mapping", rule="yaml-syntax",
     note="1,500 nested flow mappings ({a: {a: …}}) where the title belongs: refused at the { that opens the 101st level",
     files={M16: edit(M16, ("title: 小さな耳がひらくころ",
                            "title: " + "{a: " * (refused - 1) + "⚑" + "{a: " * (depth - refused + 1) + "x" + "}" * depth))})

# (On 16w0d: a file that does not load hides its day, so breaking 20w0d, the edition's survey day, would add a
# survey-day-unknown.)
case("multiple-documents", rule="yaml-multiple-documents",
     note="a second YAML document after the manuscript, reported at its ---",
     files={M16: minimal(M16) + "⚑---\nseries: maternity\nday: 21w0d\n"})

case("unknown-tag", rule="yaml-tag",
     note="!!python/object/apply and !ruby/object tags: refused, never constructed",
     files={M16: edit(M16, ("title: 小さな耳がひらくころ", 'title: ⚑!!python/object/apply:os.system ["touch /tmp/kizuna-pwned"]'),
                      ("  - heading: ママとパパへ", "  - heading: ⚑!ruby/object:Gem::Installer ママとパパへ"))})

case("tab-indentation", rule="yaml-tab-indent",
     note="a key indented with a tab",
     files={M16: edit(M16, ("  - heading: おなかの赤ちゃん\n    text: |", "  - heading: おなかの赤ちゃん\n⚑\ttext: |"))})

# --- Bytes ---------------------------------------------------------------------------------------------------------

padding_line = "# 長い下書きのメモ: "
base = minimal(M16).encode("utf-8")
pad = SIZE_CAP + 1 - len(base) - len(padding_line.encode("utf-8")) - 1
assert pad > 0
case("size-over-cap", rule="file-too-large",
     note="a manuscript of 256 KiB + 1 byte (a valid manuscript and a long comment): refused before parsing",
     raw={M16: (minimal(M16) + padding_line + "x" * pad + "\n", b"", "utf-8")},
     diagnostics=[{"file": "content/" + M16, "line": 1, "column": 1, "rule": "file-too-large"}])

case("shift-jis", rule="file-encoding",
     note="the whole manuscript saved as Shift_JIS: reported at its first non-ASCII byte (line 3, after 'title: ')",
     raw={M16: (minimal(M16).replace("title: ", "title: " + SPLICE, 1), b"", "shift_jis")})

case("invalid-utf8", rule="file-encoding",
     note="a byte 0xFF after Japanese text: line and column (in characters) from the byte offset",
     raw={M45: (minimal(M45).replace("顔を近づけると、", "顔を近づけると、" + SPLICE, 1), b"\xff", "utf-8")})

case("invalid-utf8-truncated", rule="file-encoding",
     note="「あ」 cut short (E3 81) at the end of the title line: reported where the broken sequence starts",
     raw={M16: (minimal(M16).replace("title: 小さな耳がひらくころ", "title: 小さな耳がひらくころ" + SPLICE, 1), b"\xe3\x81", "utf-8")})

case("control-character", rule="file-encoding",
     note="a raw BEL (U+0007) in text after Japanese and a non-BMP character (𠮷): libyaml's reader refuses it, at its character",
     raw={M45: (minimal(M45).replace("話しかけると、", "𠮷話しかけると、" + SPLICE, 1), b"\x07", "utf-8")})

bom = {}
for dirpath, _, names in os.walk(MINIMAL):
    for n in names:
        rel = os.path.relpath(os.path.join(dirpath, n), MINIMAL).replace(os.sep, "/")
        bom[rel] = ("\ufeff" + minimal(rel), b"", "utf-8")
case("bom", exit=0, sameOutputAs="minimal",
     note="every file starts with a UTF-8 byte order mark: accepted, and the build is byte-identical to the minimal set's",
     raw=dict(sorted(bom.items())))

# --- Invisible characters -----------------------------------------------------------------------------------------

case("nul-escape", rule="style-invisible-character",
     note='a "\\0" escape (NUL) inside a double-quoted title, reported at the backslash',
     files={M16: edit(M16, ("title: 小さな耳がひらくころ", 'title: "小さな耳が⚑\\0ひらくころ"'))})

case("nul-escape-disclaimer", rule="style-invisible-character",
     note='a "\\0" escape (NUL) in the shared disclaimer, which every message carries: reported at the backslash',
     files={KZ: edit(KZ, ("disclaimer: ※赤ちゃんとママの状態は", 'disclaimer: "※赤ちゃんとママの状態は⚑\\0'),
                     ("かかりつけの医師にご相談ください。\n", 'かかりつけの医師にご相談ください。"\n'))})

case("ansi-escape", rule="style-invisible-character",
     note='a "\\e[2J" terminal escape (U+001B) in a double-quoted heading, reported at the backslash',
     files={M16: edit(M16, ("  - heading: ママとパパへ", '  - heading: "ママとパパへ⚑\\e[2J"'))})

case("zero-width", rule="style-invisible-character",
     note="a zero-width space (U+200B) in a section text and a zero-width no-break space (U+FEFF) inside the title, "
          "a byte order mark in the middle of the file (file-bom-inside)",
     files={M45: edit(M45, ("顔を近づけると、じっと", "顔を近づけると、⚑\u200bじっと"),
                      ("title: じっと見つめる目", "title: じっと⚑{file-bom-inside}\ufeff見つめる目"))})

case("bidi-override", rule="style-invisible-character",
     note="a right-to-left override (U+202E, an invisible bidi control) in a section text",
     files={M45: edit(M45, ("顔を近づけると、じっと", "顔を近づけると、⚑\u202eじっと"))})

case("nfd", rule="style-invisible-character",
     note="decomposed text (NFD): じ written し + U+3099 in the title, reported at that character",
     files={M45: edit(M45, ("title: じっと見つめる目", "title: ⚑し\u3099っと見つめる目"))})

# --- Links ---------------------------------------------------------------------------------------------------------

case("link-javascript", rule="link-scheme",
     note="a javascript: link in a manuscript's text, reported at its <a",
     files={M45: edit(M45, ('<a href="https://example.jp/hinata/soudan">',
                            '⚑<a href="javascript:alert(document.cookie)">'))})

case("link-data", rule="link-scheme",
     note="a data: URL as an insert's link (the 詳しくはこちら button)",
     files={IP: edit(IP, ("link: https://example.jp/hinata/ryoshin",
                          "link: ⚑data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="))})

case("link-line-scheme", rule="link-scheme",
     note="line:// links: as the edition's unsubscribe URL and inside an insert's text",
     files={ED: edit(ED, ("unsubscribe_url: https://example.jp/hinata/kizuna/settings",
                          "unsubscribe_url: ⚑line://ti/p/@kizuna")),
            I1: edit(I1, ("<em>町が助成</em>しています。", "<em>町が助成</em>しています（⚑<a href=\"line://nv/chat\">トークで質問</a>）。"))})

long_url = "https://example.jp/hinata/ryoshin?" + "&".join(f"q{i}=abcdefgh" for i in range(100))
assert len(long_url) > 1000
case("uri-over-long", rule="line-uri-length",
     note=f"an insert link of {len(long_url)} characters: LINE takes at most 1,000",
     files={IP: edit(IP, ("link: https://example.jp/hinata/ryoshin", "link: ⚑" + long_url))})

# --- Markup --------------------------------------------------------------------------------------------------------

case("script-tag", rule="markup-element",
     note="<script>…</script> in a section text",
     files={M16: edit(M16, ("パパの低い声も、きっと赤ちゃんに届いています。",
                            "パパの低い声も、きっと赤ちゃんに届いています。⚑<script>alert(1)</script>"))})

case("onerror-attribute", rule="markup-element",
     note="an onerror= attribute on <em>: an attribute <em> does not take",
     files={M45: edit(M45, ("<em>声を出してこたえる</em>", '⚑<em onerror="alert(1)">声を出してこたえる</em>'))})

case("onerror-img", rule="markup-syntax",
     note="<img src=x onerror=alert(1)>: unquoted attributes are not XML, reported where the quote is missing",
     files={M45: edit(M45, ("<em>声を出してこたえる</em>", "<img src=⚑x onerror=alert(1)>"))})

case("script-in-title", exit=0,
     note="</script><script>…</script> in a title (plain text, not markup): accepted, and escaped in every HTML page",
     files={M45: edit(M45, ("title: じっと見つめる目", "title: じっと見つめる目</script><script>alert(1)</script>"))},
     outputContains={"hinata/preview/childcare/0045.html": ["&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"],
                     "review/sheets/childcare/0045.html": ["&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"]},
     outputExcludes={"hinata/preview/childcare/0045.html": ["<script>alert(1)"],
                     "hinata/preview/index.html": ["<script>alert(1)"],
                     "review/sheets/childcare/0045.html": ["<script>alert(1)"],
                     "review/index.html": ["<script>alert(1)"]})

case("script-close-tag", rule="markup-syntax",
     note="a stray </script> in a section text (an end tag that closes nothing), at its <",
     files={M20: edit(M20, ("横向きで休むと楽になることがあります。", "横向きで休むと楽になることがあります。⚑</script>"))})

# --- Required parts of every message --------------------------------------------------------------------------------

case("missing-disclaimer", rule="schema-missing-key",
     note="kizuna.yaml without the shared disclaimer: reported at its mapping",
     files={KZ: "⚑" + "".join(l for l in minimal(KZ).splitlines(True) if not l.startswith("disclaimer:"))})

case("missing-unsubscribe", rule="schema-missing-key",
     note="an edition without unsubscribe_url: reported at its mapping",
     files={ED: "⚑" + "".join(l for l in minimal(ED).splitlines(True) if not l.startswith("unsubscribe_url:"))})

# --- References between files ---------------------------------------------------------------------------------------

case("same-day-twice", rule="day-key-duplicate",
     note="a second manuscript for childcare day 45 (0046.yaml, day not changed after copying): reported at the later file",
     files={"manuscripts/childcare/0046.yaml": edit(M45, ("day: 45", "day: ⚑45"), ("title: じっと見つめる目", "title: 手足をよく動かすころ"))})

case("unknown-series", rule="edition-series-unknown",
     note="an edition naming a series that does not exist (toddler)",
     files={ED: edit(ED, ("series: [maternity, childcare]", "series: [maternity, childcare, ⚑toddler]"))})

case("unknown-insert", rule="edition-insert-unknown",
     note="an edition naming an insert that does not exist",
     files={ED: edit(ED, ("  - hinata-1month-checkup\n", "  - hinata-1month-checkup\n  - ⚑hinata-4month-checkup\n"))})


def main():
    if os.path.isdir(HOSTILE):
        shutil.rmtree(HOSTILE)
    for name in sorted(CASES):
        written, spec = CASES[name]
        folder = os.path.join(HOSTILE, name)
        for path in sorted(written):
            target = os.path.join(folder, *path.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(written[path])
        with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(spec, ensure_ascii=False, indent=2) + "\n")
    size = os.path.getsize(os.path.join(HOSTILE, "size-over-cap", *M16.split("/")))
    assert size == SIZE_CAP + 1, size
    print(f"hostile corpus: {len(CASES)} cases in {os.path.relpath(HOSTILE, ROOT)}")


if __name__ == "__main__":
    main()
