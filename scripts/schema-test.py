#!/usr/bin/env python3
"""Tests `haven schema` with a real validator (Python jsonschema, Draft 2020-12).

1. The example site and every fixture site: each front-matter block, haven.yml and data file is
   validated against the schema of its kind (front matter by the page's type, with the site's ids
   as enums). A file `haven lint` finds no shape fault in must pass; a file it reports one of the
   rules a schema can see (unknown keys, wrong types, missing keys, unknown ids) must fail.
2. Defects: a valid page, config and data files each broken one way; every one must fail.

Usage: scripts/schema-test.py [path/to/haven]. Prints what it checked; exit 1 on any mismatch.
"""
import json, os, re, subprocess, sys, tempfile, shutil
import yaml
from jsonschema import Draft202012Validator

HAVEN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/haven")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Rules whose findings a schema of one file can see.
SHAPE_RULES = {"unknown-key", "invalid-value", "invalid-date", "missing-title", "missing-description",
               "missing-author", "missing-reviewer", "missing-date", "unknown-reviewer",
               "unknown-content-warning", "unknown-crisis-resource", "unknown-term", "front-matter-syntax"}
DATA_RULES = {"data-syntax", "unknown-key", "invalid-date"}


class Loader(yaml.SafeLoader):
    """YAML 1.2 as Haven reads it: dates stay strings, only true/false are booleans."""


Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag not in
                                      ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def schema(kind, site, page_type=None):
    cmd = [HAVEN, "schema", kind, "--site", site] + (["--type", page_type] if page_type else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"schema-test: {' '.join(cmd)} failed: {out.stderr}")
    document = json.loads(out.stdout)
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


def front_matter(text):
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return yaml.load("\n".join(lines[1:i]), Loader=Loader) or {}
    raise ValueError("front matter never closed")


def page_type(path, matter):
    if isinstance(matter, dict) and matter.get("type") in ("article", "modality", "condition", "page"):
        return matter["type"]
    section = path.split("/")[1] if path.count("/") >= 2 else ""
    return {"articles": "article", "modalities": "modality", "conditions": "condition"}.get(section, "page")


def lint(site):
    out = subprocess.run([HAVEN, "lint", "--site", site, "--format", "json", "--drafts"], capture_output=True, text=True)
    try:
        return json.loads(out.stdout or "[]")
    except json.JSONDecodeError:
        return None


failures = []
checked = 0
refused = 0


def expect(valid, validator, value, what):
    global checked, refused
    checked += 1
    refused += 0 if valid else 1
    errors = list(validator.iter_errors(value))
    if valid and errors:
        failures.append(f"{what}: valid for Haven, refused by the schema: {errors[0].message}")
    if not valid and not errors:
        failures.append(f"{what}: refused by Haven, accepted by the schema")


def check_site(site):
    findings = lint(site)
    if findings is None:
        print(f"  {site}: haven lint did not run (skipped)")
        return
    shape = {}
    for f in findings:
        rule = f["rule"]
        # A key given twice is a YAML fault a loader hides (it keeps the last value): neither way.
        if "given twice" in f["message"]:
            shape.setdefault(f["file"], set()).add("skip")
        elif rule in SHAPE_RULES or rule in DATA_RULES:
            shape.setdefault(f["file"], set()).add(rule)
        elif rule == "missing-disclaimer" and f["line"] > 1:
            shape.setdefault(f["file"], set()).add(rule)  # disclaimer: false on a clinical page
    schemas = {t: schema("front-matter", site, t) for t in ("article", "modality", "condition", "page")}
    for folder, _, files in os.walk(os.path.join(site, "Content")):
        for name in sorted(files):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, site)
            if not name.endswith(".md"):
                continue
            found = shape.get(rel, set())
            if "skip" in found:
                continue
            try:
                matter = front_matter(open(full, encoding="utf-8").read())
            except (ValueError, yaml.YAMLError, UnicodeDecodeError):
                continue  # not YAML: Haven reports front-matter-syntax or file-encoding, no schema applies
            expect(not found, schemas[page_type(rel, matter)], matter, rel)
    for kind, rel in (("config", "haven.yml"), ("reviewers", "Content/_data/reviewers.yml"),
                      ("crisis-resources", "Content/_data/crisis-resources.yml"),
                      ("content-warnings", "Content/_data/content-warnings.yml")):
        full = os.path.join(site, rel)
        if not os.path.exists(full):
            continue
        try:
            value = yaml.load(open(full, encoding="utf-8").read(), Loader=Loader) or {}
        except yaml.YAMLError:
            continue
        found = shape.get(rel, set())
        if "skip" in found:
            continue
        # Checks of values beyond shape (invalid-phone, verified_on's age) are not the schema's.
        expect(not found, schema(kind, site), value, rel)


print("schema-test: real sites")
fixtures = os.path.join(ROOT, "Tests/Fixtures")
sites = [ROOT] + [os.path.join(fixtures, d, "site") for d in sorted(os.listdir(fixtures))
                  if os.path.exists(os.path.join(fixtures, d, "site", "haven.yml"))]
for site in sites:
    before, before_refused = checked, refused
    check_site(site)
    print(f"  {os.path.relpath(site, ROOT) or '.'}: {checked - before} files, {refused - before_refused} of them with a fault the schema must find")

print("schema-test: defects")
work = tempfile.mkdtemp()
try:
    shutil.copytree(ROOT + "/Content/_data", work + "/Content/_data")
    shutil.copy(ROOT + "/haven.yml", work + "/haven.yml")
    article = schema("front-matter", work, "article")
    any_type = schema("front-matter", work)
    data = {k: yaml.load(open(f"{work}/Content/_data/{k}.yml").read(), Loader=Loader) for k in ("reviewers", "crisis-resources", "content-warnings")}
    reviewer = sorted(data["reviewers"])[0]
    good = {"title": "A page", "description": "A summary.", "author": "A", "reviewer": reviewer,
            "reviewed": "2026-10-01", "updated": "2026-10-01"}
    expect(True, article, good, "valid article")
    expect(True, any_type, {"title": "About"}, "valid page of unknown type")
    for name, change in [
        ("unknown key", {"reviwer": reviewer}), ("title is a list", {"title": ["a"]}),
        ("date not YYYY-MM-DD", {"reviewed": "1 Oct 2026"}), ("unknown reviewer", {"reviewer": "dr-who"}),
        ("unknown content warning", {"content_warnings": ["nonsense"]}),
        ("unknown crisis resource", {"crisis_resources": "nowhere"}), ("bad type", {"type": "blog"}),
        ("lint severity", {"lint": {"reading-level": "loud"}}), ("lint rule id", {"lint": {"no-such-rule": "off"}}),
        ("image without alt", {"image": {"src": "../media/x.png"}}), ("disclaimer off on a clinical page", {"disclaimer": False}),
        ("draft not a bool", {"draft": "yes"}), ("bad seal", {"review_seal": "xyz"}), ("bad slug", {"slug": "a/b"}),
        ("unknown modality", {"modalities": ["not-a-modality"]}),
    ]:
        expect(False, article, {**good, **change}, f"article: {name}")
    for key in ("title", "description", "author", "reviewer", "reviewed", "updated"):
        expect(False, article, {k: v for k, v in good.items() if k != key}, f"article without {key}")
    expect(False, any_type, {"type": "article", "title": "x"}, "type article without its required keys")
    config = schema("config", work)
    for name, value in [("unknown setting", {"titel": "x"}), ("base_url not http", {"base_url": "example.org"}),
                        ("interval not positive", {"review_interval_months": 0}), ("grade not a number", {"reading_grade_max": "nine"})]:
        expect(False, config, value, f"config: {name}")
    expect(True, config, {"title": "x", "review_interval_months": 12, "lint": {"raw-html": "off"}}, "valid config")
    for kind, value, name in [
        ("reviewers", {"x": {"credentials": "MD"}}, "reviewer without name"),
        ("reviewers", {"x": {"name": "X", "credentials": "MD", "photo": "x"}}, "reviewer with an unknown field"),
        ("crisis-resources", {"x": {"name": "X"}}, "resource with no phone, sms or url"),
        ("crisis-resources", {"x": {"name": "X", "phone": "988", "verified_on": "soon"}}, "resource verified_on not a date"),
        ("crisis-resources", {"x": {"name": "X", "url": "ftp://x"}}, "resource url not http(s)"),
        ("content-warnings", {"x": {"label": "X", "resources": ["nowhere"]}}, "warning naming an unknown resource"),
        ("content-warnings", {"x": {"resources": []}}, "warning without label"),
    ]:
        expect(False, schema(kind, work), value, f"{kind}: {name}")
finally:
    shutil.rmtree(work)

for failure in failures:
    print("  FAIL " + failure)
print(f"schema-test: {checked} checks, {len(failures)} failures")
sys.exit(1 if failures else 0)
