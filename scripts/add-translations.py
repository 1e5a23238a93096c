#!/usr/bin/env python3
"""Turn a generated benchmark site (../shared/bench/gencorpus.py) into a two-language one.

usage: add-translations.py SITE_DIR [--share 0.3] [--lang es] [--seed S]

When SITE_DIR has the Hugo copy of the corpus (SITE_DIR/hugo, gencorpus.py --hugo), each
translation is written there too (`slug.es.md`, Hugo's own translation-by-file-name) and the
language is declared in its config.yaml, so both tools build the same two-language site.

Declares a further language in SITE_DIR/haven.yml (es: tag es-US, region US, its own title and
disclaimer), gives every text of the data files a Spanish entry (language maps), and writes a
translation `slug.es.md` beside a deterministic share of the pages: front matter of its own (own
reviewer, dates, translator, source_updated = the source's updated) and a body of the same shape
and length as the source's, in Spanish-looking words. The translations are not Spanish anyone
should read: they are the same work for Haven as real translations (parse, check, render), so
the benchmark can compare the cost per page of translated and default-language pages.
"""
import os, random, re, sys

WORDS = ("terapia paciente terapeuta patrón sentimiento relación historia sesión apoyo ansiedad "
         "ánimo cambio conciencia conducta pasado presente conflicto habilidad estudio tratamiento "
         "síntoma vida familia infancia emoción idea creencia cuidado plan meta progreso semana mes "
         "confianza llamada seguridad").split()

def sentence(r, n):
    w = [r.choice(WORDS) for _ in range(n)]
    return " ".join([w[0].capitalize()] + w[1:]) + "."

def translate_line(r, line):
    """A Spanish-looking line with the shape of `line` (headings, lists, tables, links kept)."""
    if not line.strip() or line.startswith("[^") or line.startswith("|---"):
        return line
    def words(m):
        return " ".join(r.choice(WORDS) for _ in m.group(0).split())
    # keep Markdown syntax and link destinations; replace runs of plain words
    parts = re.split(r"(\[[^\]]*\]\([^)]*\)|\*\*[^*]+\*\*|\*[^*]+\*|\[\^\d+\]|^\s*(?:[-#>]+|\d+\.)\s|\|)", line)
    out = []
    for p in parts:
        if p is None:
            continue
        if re.match(r"\[[^\]]*\]\(([^)]*)\)", p):
            dest = re.match(r"\[[^\]]*\]\(([^)]*)\)", p).group(1)
            out.append(f"[{r.choice(WORDS)}]({dest})")
        elif re.match(r"^(\*\*|\*|\[\^|\||\s*[-#>]|\s*\d+\.)", p):
            out.append(p)
        else:
            out.append(re.sub(r"[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*", words, p))
    return "".join(out)

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    def opt(name, default):
        return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default
    site = args[0]
    share = float(opt("--share", "0.3"))
    lang = opt("--lang", "es")
    r = random.Random(int(opt("--seed", "7")))

    with open(os.path.join(site, "haven.yml"), "a") as f:
        f.write(f"languages:\n  {lang}:\n    tag: {lang}-US\n    region: US\n"
                f"    title: Sitio de prueba de psicoeducación\n"
                f"    disclaimer: \"Esta página es solo informativa. No reemplaza la atención profesional.\"\n")

    data = os.path.join(site, "Content", "_data")
    text_keys = ("name", "description", "hours", "label", "display", "credentials", "bio")
    for name in ("reviewers.yml", "crisis-resources.yml", "content-warnings.yml"):
        path = os.path.join(data, name)
        lines = []
        for line in open(path, encoding="utf-8").read().splitlines():
            m = re.match(r"^(\s+)(%s): (.*)$" % "|".join(text_keys), line)
            if m:
                value = m.group(3).strip().strip('"')
                lines.append(f'{m.group(1)}{m.group(2)}: {{en: "{value}", {lang}: "{value} (es)"}}')
            else:
                lines.append(line)
        open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")

    count = 0
    for section in ("modalities", "conditions", "articles"):
        folder = os.path.join(site, "Content", section)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".md") or name.count(".") > 1 or r.random() >= share:
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            _, fm, body = text.split("---\n", 2)
            keys = dict(l.split(": ", 1) for l in fm.strip().splitlines())
            out_fm = [f'title: "{sentence(r, 4)[:-1]}"', f'description: "{sentence(r, 14)}"', f"type: {keys['type']}",
                      "author: Equipo editorial", "translator: Equipo de traducción", f"reviewer: {keys['reviewer']}",
                      f"reviewed: {keys['reviewed']}", f"updated: {keys['updated']}", f"source_updated: {keys['updated']}",
                      f"modalities: {keys['modalities']}", f"conditions: {keys['conditions']}",
                      f"content_warnings: {keys['content_warnings']}"]
            out_body = "\n".join(translate_line(r, l) for l in body.splitlines()) + "\n"
            with open(os.path.join(folder, name[:-3] + f".{lang}.md"), "w", encoding="utf-8") as f:
                f.write("---\n" + "\n".join(out_fm) + "\n---\n" + out_body)
            hugo_folder = os.path.join(site, "hugo", "content", section)
            if os.path.isdir(hugo_folder):
                # Hugo's front matter as gencorpus.py writes it: `type` dropped, `date` from `updated`.
                hugo_fm = out_fm[:2] + [f"date: {keys['updated']}"] + out_fm[3:]
                with open(os.path.join(hugo_folder, name[:-3] + f".{lang}.md"), "w", encoding="utf-8") as f:
                    f.write("---\n" + "\n".join(hugo_fm) + "\n---\n" + out_body)
            count += 1
    hugo_config = os.path.join(site, "hugo", "config.yaml")
    if os.path.exists(hugo_config):
        with open(hugo_config, "a", encoding="utf-8") as f:
            f.write(f"defaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n"
                    f"  {lang}:\n    weight: 2\n    title: Sitio de prueba de psicoeducación\n")
    print(f"add-translations: {count} {lang} translations in {site}")

if __name__ == "__main__":
    main()
