#!/usr/bin/env python3
"""Checks the JSON Schemas in schemas/ against the repository's content.

- every schema is a valid draft-07 schema, with a title and a description on every property;
- every file of content/, Tests/KizunaCoreTests/Fixtures/golden, .../minimal and .../schemas/valid is valid
  against its schema (content/approved/*.txt and the like are skipped);
- every example in Tests/KizunaCoreTests/Fixtures/schemas/invalid/<case>/ is rejected, for the reason its first
  line names (`# expect: KEYWORD ...`, KEYWORD being the JSON Schema keyword that must fail).

A file's schema is found by its path with the globs of `yaml.schemas` in .vscode/settings.json, so the editor and
this check always agree. YAML is read as YAML 1.2 (core schema), as the YAML language server reads it: `no`, `on`
and `2026-04-01` stay text, only true/false are booleans.

Usage: python3 scripts/check-schemas.py    (exit 0 when all is well, 1 otherwise)
Needs PyYAML and jsonschema.
"""
import json
import math
import re
import sys
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / ".vscode" / "settings.json"
FIXTURES = ROOT / "Tests" / "KizunaCoreTests" / "Fixtures"
VALID_ROOTS = [ROOT / "content", FIXTURES / "golden", FIXTURES / "minimal", FIXTURES / "schemas" / "valid"]
INVALID_ROOT = FIXTURES / "schemas" / "invalid"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    return int(text[2:] if base != 10 else text, base)


def _float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool",
                             lambda loader, node: loader.construct_scalar(node) in ("true", "True", "TRUE"))


def glob_regex(glob):
    """A regex for a workspace-relative glob: `**` is any number of folders, `*` and `?` stay within one."""
    out = []
    for part in glob.split("/"):
        if part == "**":
            out.append("(?:[^/]+/)*")
        else:
            out.append(re.escape(part).replace(r"\*", "[^/]*").replace(r"\?", "[^/]") + "/")
    return re.compile("".join(out)[:-1] + r"\Z")


def schema_map():
    """(schema path, [glob regexes]) from .vscode/settings.json."""
    associations = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    return [((ROOT / path).resolve(), [glob_regex(g) for g in globs]) for path, globs in associations.items()]


def lint(path, schema):
    """Problems with a schema itself: not draft-07, no title, a property without a description."""
    problems = []
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        problems.append(f"{path.name}: not a valid draft-07 schema: {error.message}")
    if "title" not in schema:
        problems.append(f"{path.name}: no title")

    def walk(node, where):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                problems.append(f"{path.name}: property {where}{name} has no description")
            walk(sub, f"{where}{name}.")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}items.")

    walk(schema, "")
    return problems


def all_errors(errors):
    for error in errors:
        yield error
        yield from all_errors(error.context or [])


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(top)"
    return f"{where}: {error.message}"


def main():
    failures = []
    mapping = schema_map()
    validators = {}
    for path, _ in mapping:
        if not path.is_file():
            failures.append(f"{SETTINGS.relative_to(ROOT)}: no schema file {path.relative_to(ROOT)}")
            continue
        schema = json.loads(path.read_text(encoding="utf-8"))
        failures += lint(path, schema)
        validators[path] = jsonschema.Draft7Validator(schema)
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        if path.resolve() not in validators:
            failures.append(f"{path.relative_to(ROOT)}: not mapped to any file in {SETTINGS.relative_to(ROOT)}")

    def errors_of(file):
        """The file's schema errors, or a failure message when it has no schema or does not parse."""
        relative = file.relative_to(ROOT).as_posix()
        schemas = [p for p, regexes in mapping if any(r.match(relative) for r in regexes)]
        if len(schemas) != 1:
            return None, f"{relative}: {'no schema' if not schemas else 'several schemas'} for this path"
        if schemas[0] not in validators:
            return None, f"{relative}: its schema is missing"
        try:
            document = yaml.load(file.read_text(encoding="utf-8"), Loader=Yaml12Loader)
        except yaml.YAMLError as error:
            return None, f"{relative}: not YAML: {error}"
        return list(validators[schemas[0]].iter_errors(document)), None

    valid = 0
    for root in VALID_ROOTS:
        for file in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = file.relative_to(root)
            if relative.parts[0] == "approved" or any(part.startswith(".") for part in relative.parts):
                continue
            errors, failure = errors_of(file)
            if failure:
                failures.append(failure)
            elif errors:
                failures += [f"{file.relative_to(ROOT)}: {describe(e)}" for e in errors]
            else:
                valid += 1

    rejected = 0
    cases = sorted(p for p in INVALID_ROOT.iterdir() if p.is_dir()) if INVALID_ROOT.is_dir() else []
    if not cases:
        failures.append(f"{INVALID_ROOT.relative_to(ROOT)}: no invalid examples")
    for case in cases:
        files = sorted(p for p in case.rglob("*") if p.is_file())
        if len(files) != 1:
            failures.append(f"{case.relative_to(ROOT)}: an invalid example is one file, found {len(files)}")
            continue
        file = files[0]
        first = file.read_text(encoding="utf-8").splitlines()[0]
        expected = re.match(r"#\s*expect:\s*(\w+)", first)
        if not expected:
            failures.append(f"{file.relative_to(ROOT)}: the first line must be '# expect: KEYWORD (why)'")
            continue
        errors, failure = errors_of(file)
        if failure:
            failures.append(failure)
        elif not any(e.validator == expected[1] for e in all_errors(errors)):
            found = "; ".join(f"{e.validator} at {describe(e)}" for e in errors) or "it is valid"
            failures.append(f"{file.relative_to(ROOT)}: expected to fail '{expected[1]}', but {found}")
        else:
            rejected += 1

    for failure in failures:
        print(failure)
    print(f"schemas: {valid} files valid, {rejected} invalid examples rejected"
          + (f", {len(failures)} problem(s)" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
