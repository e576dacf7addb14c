#!/usr/bin/env python3
"""Runs every case of the hostile-input corpus (Tests/KizunaCoreTests/Fixtures/hostile/) through the command line.

For each case it copies the minimal content set (Tests/KizunaCoreTests/Fixtures/minimal/) and the case's overlay
into a temporary folder, then runs

    kizuna validate --content content --format json
    kizuna build --content content --output out        (out already holds a good build of the minimal set)

and checks: both exit with the case's `exit` (a negative return code, a death by signal, is a crash), the JSON holds
every expected diagnostic at its file, line, column and rule and no error of another rule (none but the listed warnings for exit
0), and when the build fails `out` is byte-identical to before (every file, hidden ones included: no staging folder
left). A build that succeeds must match `sameOutputAs`, `outputContains` and `outputExcludes` when the case has them. The alias
bomb's validate time is printed, not asserted.

usage: scripts/hostile-check.py KIZUNA_BINARY
Exits 1 on any failure.
"""
import hashlib, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(ROOT, "Tests", "KizunaCoreTests", "Fixtures")
MINIMAL = os.path.join(FIXTURES, "minimal")
HOSTILE = os.path.join(FIXTURES, "hostile")
TEMPLATES = os.path.join(ROOT, "templates")
EXPECTED = "expected.json"
TIMEOUT = 300  # seconds; a hang is a failure, not a wait forever

if len(sys.argv) != 2:
    sys.exit(__doc__)
KIZUNA = os.path.abspath(sys.argv[1])
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
ENV.pop("LC_MESSAGES", None)


def tree(root):
    """Relative path → SHA-256 of every file under root (hidden files and folders included)."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            with open(full, "rb") as f:
                result[os.path.relpath(full, root)] = hashlib.sha256(f.read()).hexdigest()
    return result


def built(tree):
    """A build's files without its build cache, which records the input files' hashes (they differ by design: a BOM
    is a byte)."""
    return {k: v for k, v in tree.items() if not k.startswith(".kizuna-cache/")}


def run(args, cwd):
    start = time.monotonic()
    try:
        p = subprocess.run([KIZUNA, *args], cwd=cwd, env=ENV, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {TIMEOUT} s".encode(), (time.monotonic() - start) * 1000
    return p.returncode, p.stdout, p.stderr, (time.monotonic() - start) * 1000


def content_for(name, work):
    """work/content: the minimal set with the case's overlay ("minimal": the set itself)."""
    content = os.path.join(work, "content")
    shutil.copytree(MINIMAL, content)
    if name != "minimal":
        overlay = os.path.join(HOSTILE, name)
        for dirpath, _, filenames in os.walk(overlay):
            for filename in filenames:
                source = os.path.join(dirpath, filename)
                relative = os.path.relpath(source, overlay)
                if relative == EXPECTED:
                    continue
                target = os.path.join(content, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(source, target)
    return content


def build(name, scratch):
    """Builds a case into a fresh folder; its tree, or None with the reason."""
    work = tempfile.mkdtemp(prefix=f"{name}-", dir=scratch)
    content_for(name, work)
    code, _, err, _ = run(["build", "--content", "content", "--output", "out", "--templates", TEMPLATES, "--quiet"], work)
    if code != 0:
        return None, f"build of {name} exited {code}: {err.decode(errors='replace')[-2000:]}"
    return os.path.join(work, "out"), None


def main():
    names = sorted(n for n in os.listdir(HOSTILE) if not n.startswith(".") and os.path.isdir(os.path.join(HOSTILE, n)))
    if not names:
        sys.exit(f"hostile: no case in {HOSTILE}")
    scratch = tempfile.mkdtemp(prefix="kizuna-hostile-")
    failures, crashes, exits_ok, failed_builds, intact = [], 0, 0, 0, 0
    try:
        good, problem = build("minimal", scratch)
        if problem:
            sys.exit(f"hostile: the minimal set does not build: {problem}")
        good_tree = tree(good)
        built_trees = {"minimal": good_tree}

        for name in names:
            with open(os.path.join(HOSTILE, name, EXPECTED), encoding="utf-8") as f:
                spec = json.load(f)
            expected_exit = spec["exit"]
            problems = []
            work = os.path.join(scratch, "case-" + name)
            os.makedirs(work)
            content_for(name, work)

            # validate
            code, out, err, ms = run(["validate", "--content", "content", "--format", "json"], work)
            if name == "alias-bomb":
                print(f"hostile: alias-bomb validate took {ms:.0f} ms (wall, whole run)")
            if code is None or code < 0:
                crashes += 1
                problems.append(f"validate {'hung' if code is None else f'killed by signal {-code}'}: {err.decode(errors='replace')[-500:]}")
            validate_ok = code == expected_exit
            if not validate_ok:
                problems.append(f"validate exited {code}, expected {expected_exit}")
            try:
                diagnostics = json.loads(out.decode("utf-8")) if code is not None and code >= 0 else []
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                diagnostics = []
                problems.append(f"validate's JSON does not parse ({e}): {out[:300]!r}")
            found = {(d.get("file"), d.get("line"), d.get("column"), d.get("rule")) for d in diagnostics}
            for d in spec["diagnostics"]:
                if (d["file"], d["line"], d["column"], d["rule"]) not in found:
                    problems.append(f"no {d['rule']} at {d['file']}:{d['line']}:{d['column']}")
            rules = {d["rule"] for d in spec["diagnostics"]}
            for d in diagnostics:
                if d.get("severity") == "error" and d.get("rule") not in rules:
                    problems.append(f"unexpected error {d.get('file')}:{d.get('line')}:{d.get('column')} [{d.get('rule')}] {d.get('message')}")
            if expected_exit == 0 and len(diagnostics) != len(spec["diagnostics"]):
                problems.append(f"expected only the listed diagnostics, got {len(diagnostics)}: " +
                                "; ".join(f"{d.get('file')}:{d.get('line')}:{d.get('column')} [{d.get('rule')}]" for d in diagnostics))
            if problems and diagnostics:
                problems.append("reported: " + "; ".join(f"{d.get('file')}:{d.get('line')}:{d.get('column')} [{d.get('rule')}]" for d in diagnostics[:12]))

            # build over a previous good build
            output = os.path.join(work, "out")
            shutil.copytree(good, output)
            code, _, err, _ = run(["build", "--content", "content", "--output", "out", "--templates", TEMPLATES, "--quiet"], work)
            if code is None or code < 0:
                crashes += 1
                problems.append(f"build {'hung' if code is None else f'killed by signal {-code}'}: {err.decode(errors='replace')[-500:]}")
            build_ok = code == expected_exit
            if not build_ok:
                problems.append(f"build exited {code}, expected {expected_exit}: {err.decode(errors='replace')[-500:]}")
            after = tree(output)
            if code != 0:
                failed_builds += 1
                if after == good_tree:
                    intact += 1
                else:
                    changed = sorted(k for k in set(after) | set(good_tree) if after.get(k) != good_tree.get(k))
                    problems.append(f"failed build changed the previous output: {changed[:10]}")
            else:
                other = spec.get("sameOutputAs")
                if other:
                    if other not in built_trees:
                        folder, problem = build(other, scratch)
                        built_trees[other] = tree(folder) if folder else None
                        if problem:
                            problems.append(problem)
                    if built_trees.get(other) is not None and built(after) != built(built_trees[other]):
                        changed = sorted(k for k in set(built(after)) | set(built(built_trees[other]))
                                         if after.get(k) != built_trees[other].get(k))
                        problems.append(f"output differs from {other}'s build in {changed[:10]}")
                for path, strings in sorted(spec.get("outputContains", {}).items()):
                    full = os.path.join(output, path)
                    if not os.path.isfile(full):
                        problems.append(f"the build wrote no {path}")
                        continue
                    with open(full, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    problems += [f"{path} does not contain {s!r}" for s in strings if s not in text]
                for path, strings in sorted(spec.get("outputExcludes", {}).items()):
                    full = os.path.join(output, path)
                    if not os.path.isfile(full):
                        problems.append(f"the build wrote no {path}")
                        continue
                    with open(full, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    problems += [f"{path} contains {s!r}" for s in strings if s in text]

            if validate_ok and build_ok:
                exits_ok += 1
            status = "ok" if not problems else "FAIL"
            print(f"{status:4} {name}: exit {expected_exit}" + "".join(f"\n       {p}" for p in problems))
            if problems:
                failures.append(name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print(f"hostile: {len(names)} cases, {exits_ok} exit codes as expected, {crashes} crashes, "
          f"previous output intact in {intact} failed builds")
    if failures or crashes or intact != failed_builds:
        print(f"hostile: FAILED: {', '.join(failures)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
