#!/usr/bin/env python3
"""Haven vs Hugo on the generated corpus of ../shared/bench: wall time and peak memory, measured
side by side in one run, alternating the two tools, medians and ratios (the machines are noisy).

usage: scripts/bench.py [--pages N] [--runs R] [--scale 1000,10000,50000] [--bench-dir DIR] [--out DIR]
                       [--translated-share 0.3] [--images 100] [--instruction-pages 1000]
                       [--only main,floor,languages,instructions,images,scale]

Sections: the corpus side by side (Haven over its previous output and cold into a new folder,
`haven lint`, Hugo the same); the floor (cmark-gfm alone on every core, scripts/cmark-floor.c);
the two-language corpus (scripts/add-translations.py, both tools) and the cost of a translated
page; that cost again in instructions (valgrind's callgrind, which counts the same for the same
binary and input whatever else the machine does) on a smaller corpus and its two-language copy;
the corpus with images (scripts/add-images.py; the first, uncached build reported apart);
linearity over page counts.

Needs: a release build of Haven (`swift build -c release`), Debian's `hugo` package
(`apt-get install hugo`), Pillow for the images corpus (`pip install pillow`; `make bench`
installs all three), /usr/bin/time. A benchmark, not a test:
it prints figures and asserts nothing.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAVEN = os.environ.get("HAVEN_BIN", os.path.join(ROOT, ".build", "release", "haven"))


SETTLE_SECONDS = float(os.environ.get("HAVEN_BENCH_SETTLE", "2"))


def measure(cmd, cwd=None, env=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, max RSS in MiB, exit code).
    Dirty pages the previous command left are flushed first (sync) and the machine is given a
    moment to settle (the kernel reclaims memory after Hugo's 2.5 GB runs), the same before every
    command of either tool, so no run pays for the one before it."""
    os.sync()
    time.sleep(SETTLE_SECONDS)
    full = ["/usr/bin/time", "-f", "HAVENBENCH %e %M"] + cmd
    p = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.findall(r"HAVENBENCH ([0-9.]+) ([0-9]+)", p.stderr)
    if not m:
        sys.exit(f"could not measure {' '.join(cmd)}:\n{p.stderr[-2000:]}")
    wall, rss = m[-1]
    return float(wall), int(rss) / 1024.0, p.returncode


def corpus(bench_dir, out, n, hugo):
    target = os.path.join(out, f"corpus-{n}")
    if not os.path.exists(os.path.join(target, "haven.yml")):
        shutil.rmtree(target, ignore_errors=True)
        args = [sys.executable, os.path.join(bench_dir, "gencorpus.py"), target, str(n)] + (["--hugo"] if hugo else [])
        subprocess.run(args, check=True)
        if hugo:
            hugo_dir = os.path.join(target, "hugo")
            for name in os.listdir(os.path.join(bench_dir, "hugo-site")):
                src = os.path.join(bench_dir, "hugo-site", name)
                dst = os.path.join(hugo_dir, name)
                (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dst)
            os.makedirs(os.path.join(hugo_dir, "data"), exist_ok=True)
            shutil.copy(os.path.join(target, "Content", "_data", "reviewers.yml"), os.path.join(hugo_dir, "data"))
    return target


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--scale", default="1000,10000,50000", help="page counts for the linearity check ('' to skip)")
    ap.add_argument("--bench-dir", default=os.environ.get("HAVEN_BENCH_DIR", os.path.join(ROOT, "..", "shared", "bench")))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--translated-share", type=float, default=0.3,
                    help="share of pages given a Spanish translation in the two-language corpus (0 to skip)")
    ap.add_argument("--images", type=int, default=100, help="images in the corpus with images (0 to skip)")
    ap.add_argument("--instruction-pages", type=int, default=1000,
                    help="pages of the corpus whose build callgrind counts (the instructions section)")
    ap.add_argument("--only", default="", help="comma-separated sections: main,floor,languages,instructions,images,scale")
    a = ap.parse_args()
    if not os.path.exists(HAVEN):
        sys.exit("build Haven first: swift build -c release")
    hugo = shutil.which("hugo")
    os.makedirs(a.out, exist_ok=True)
    env = dict(os.environ, CI="1")

    only = set(a.only.split(",")) if a.only else {"main", "floor", "languages", "instructions", "images", "scale"}
    site = corpus(a.bench_dir, a.out, a.pages, hugo is not None)
    md_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(site, "Content")) for f in fs)
    print(f"\nCorpus: {a.pages} pages, {md_bytes / 1e6:.0f} MB of Markdown; {os.cpu_count()} cores; "
          f"{a.runs} alternating runs, medians")
    if "main" in only:
        report("The corpus", compare(a, site, hugo, env, a.runs))
    if "floor" in only:
        floor(a, site)
    if "languages" in only and a.translated_share > 0:
        two_languages(a, site, hugo, env)
    if "instructions" in only and a.translated_share > 0:
        translated_instructions(a, env)
    if "images" in only and a.images > 0:
        images(a, site, hugo, env)
    if "scale" in only and a.scale:
        print("\nLinearity (haven build, median of 3):\n")
        print("| pages | wall (s) | ms per page | max RSS (MiB) |")
        print("|---|---|---|---|")
        for n in [int(x) for x in a.scale.split(",") if x]:
            s = corpus(a.bench_dir, a.out, n, False)
            out = os.path.join(a.out, f"haven-public-{n}")
            # Two untimed builds first, so the timed ones write over a previous build as in daily use.
            for _ in range(2):
                measure([HAVEN, "build", "--site", s, "--output", out], env=env)
            runs = [measure([HAVEN, "build", "--site", s, "--output", out], env=env) for _ in range(3)]
            w, r = median([x[0] for x in runs]), median([x[1] for x in runs])
            print(f"| {n} | {w:.2f} | {1000 * w / n:.3f} | {r:.0f} |")


def compare(a, site, hugo, env, runs, before_cold=None):
    """The five commands on one site, alternating the tools; each name → [(wall, rss, exit)].

    Both tools write over their previous output, as they do by default: Hugo overwrites files in
    place in its destination, Haven reuses its previous build. The "(cold)" runs build into a new
    folder, a different one each round: they are deleted only at the end, since creating many
    files right after deleting many is slow on some file systems (ext4 without a journal skips
    recently freed inodes) and would measure the deletion. Each round runs one tool's commands,
    then the other's, and each tool's timed commands come after an untimed run of the same tool:
    on this virtual machine, whatever runs right after Hugo (2.5 GB) runs slower (a haven build
    measured 3.13 s after Hugo and 2.90 s after a haven run, medians of 5 pairs), so without this
    the tool that follows Hugo pays for Hugo."""
    tag = os.path.basename(site)
    haven_out = os.path.join(a.out, f"haven-public-{tag}")
    cold_root = os.path.join(a.out, f"cold-{tag}")
    hugo_out = os.path.join(tempfile.gettempdir(), f"haven-bench-hugo-{tag}")
    shutil.rmtree(hugo_out, ignore_errors=True)
    shutil.rmtree(cold_root, ignore_errors=True)
    results = {"haven build": [], "haven build (cold)": [], "hugo build": [], "hugo build (cold)": [], "haven lint": []}
    hugo_site = os.path.join(site, "hugo")
    for i in range(runs):
        cold_out = os.path.join(cold_root, f"haven-{i}", "public")
        hugo_cold = os.path.join(cold_root, f"hugo-{i}")
        measure([HAVEN, "build", "--site", site, "--output", haven_out], env=env)
        results["haven build"].append(measure([HAVEN, "build", "--site", site, "--output", haven_out], env=env))
        results["haven lint"].append(measure([HAVEN, "lint", "--site", site, "--format", "json"], env=env))
        results["haven build (cold)"].append(measure([HAVEN, "build", "--site", site, "--output", cold_out], env=env))
        if hugo and os.path.isdir(hugo_site):
            measure([hugo, "--quiet", "-d", hugo_out], cwd=hugo_site, env=env)
            results["hugo build"].append(measure([hugo, "--quiet", "-d", hugo_out], cwd=hugo_site, env=env))
            results["hugo build (cold)"].append(measure([hugo, "--quiet", "-d", hugo_cold], cwd=hugo_site, env=env))
    shutil.rmtree(cold_root, ignore_errors=True)
    return results


def report(title, results):
    """Prints one comparison's table and ratios; returns the medians (name → (wall, rss))."""
    print(f"\n{title}:\n")
    print("| command | wall (s) | max RSS (MiB) | exit |")
    print("|---|---|---|---|")
    med = {}
    for name, runs in results.items():
        if not runs:
            continue
        w, r = median([x[0] for x in runs]), median([x[1] for x in runs])
        med[name] = (w, r)
        print(f"| {name} | {w:.2f} | {r:.0f} | {runs[-1][2]} |")
    if results["hugo build"]:
        # Medians of the per-round ratios (each round's tools ran minutes apart on the same machine).
        def ratio(x, y, i):
            return median([p[i] / q[i] for p, q in zip(results[x], results[y])])
        print(f"\nhaven build / hugo build: time {ratio('haven build', 'hugo build', 0):.2f} (target 0.25), "
              f"memory {ratio('haven build', 'hugo build', 1):.2f} (target 0.10)")
        print(f"haven build (cold) / hugo build (cold): time {ratio('haven build (cold)', 'hugo build (cold)', 0):.2f} "
              f"(target 0.25), memory {ratio('haven build (cold)', 'hugo build (cold)', 1):.2f}")
        print(f"haven lint / hugo build: time {ratio('haven lint', 'hugo build', 0):.2f} (target 0.15)")
    else:
        print("\n(hugo not installed: apt-get install hugo for the comparison)")
    return med


def floor(a, site):
    """cmark-gfm alone on the same Markdown, on every core: what no Haven build can beat."""
    tool = os.path.join(a.out, "cmark-floor")
    source = os.path.join(ROOT, "scripts", "cmark-floor.c")
    subprocess.run(["cc", "-O2", "-o", tool, source, "-lcmark-gfm", "-lcmark-gfm-extensions", "-lpthread"], check=True)
    files = "\n".join(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "Content")) for f in fs
                      if f.endswith(".md")) + "\n"
    list_file = os.path.join(a.out, "floor-files.txt")
    with open(list_file, "w") as f:
        f.write(files)
    walls = []
    for _ in range(max(3, a.runs)):
        with open(list_file) as stdin:
            os.sync()
            time.sleep(SETTLE_SECONDS)
            start = time.monotonic()
            subprocess.run([tool, str(os.cpu_count() or 2)], stdin=stdin, stdout=subprocess.DEVNULL, check=True)
            walls.append(time.monotonic() - start)
    print(f"\nFloor: cmark-gfm alone (parse + HTML, Haven's options and extensions) on {os.cpu_count()} threads: "
          f"{median(walls):.2f} s (median of {len(walls)})")


def derived(site, target, script):
    """A copy of the corpus at `target` changed by `script`, made unless an earlier run finished
    making it (a marker written last: a copy whose script failed is made again, not measured)."""
    marker = os.path.join(target, ".bench-complete")
    if not os.path.exists(marker):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(site, target, ignore=shutil.ignore_patterns("Public", ".Public.haven-previous", ".haven-cache"))
        subprocess.run(script, check=True, stdout=subprocess.DEVNULL)
        open(marker, "w").close()


def two_languages(a, site, hugo, env):
    """The same corpus with Spanish translations of a share of its pages (scripts/add-translations.py,
    written for Hugo too): both tools side by side, and the cost of a translated page against a
    default-language one (target: within 25%)."""
    two = os.path.join(a.out, f"corpus-{a.pages}-es")
    derived(site, two, [sys.executable, os.path.join(ROOT, "scripts", "add-translations.py"), two,
                        "--share", str(a.translated_share)])
    translated = sum(1 for d, _, fs in os.walk(os.path.join(two, "Content")) for f in fs if f.endswith(".es.md"))
    runs = max(3, a.runs // 2)
    med = report(f"Two languages ({translated} Spanish translations of {a.pages} pages)", compare(a, two, hugo, env, runs))
    one_out = os.path.join(a.out, "haven-public-1lang")
    one = []
    for _ in range(runs):
        measure([HAVEN, "build", "--site", site, "--output", one_out], env=env)
        one.append(measure([HAVEN, "build", "--site", site, "--output", one_out], env=env))
    w1 = median([x[0] for x in one])
    w2 = med["haven build"][0]
    per_default = w1 / a.pages
    per_translated = (w2 - w1) / translated if translated else float("nan")
    print(f"\nhaven build of the one-language corpus just before: {w1:.2f} s. ms per default-language page "
          f"{1000 * per_default:.3f}, per translated page {1000 * per_translated:.3f} "
          f"(ratio {per_translated / per_default:.2f}; target at most 1.25)")


def instructions(haven, site, out, env):
    """Instructions of one `haven build` of `site` into `out` (callgrind, all threads), or None."""
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "log")
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.path.join(tmp, 'out')}",
                            f"--log-file={log}", haven, "build", "--site", site, "--output", out],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        m = re.search(r"Collected : (\d+)", open(log).read()) if os.path.exists(log) else None
        return int(m.group(1)) if p.returncode == 0 and m else None


def translated_instructions(a, env):
    """The cost of a translated page against a default-language one, in instructions: the
    one-language corpus of `--instruction-pages` pages and its two-language copy (same share)."""
    if not shutil.which("valgrind"):
        print("\n(valgrind not installed: apt-get install valgrind for the instruction counts)")
        return
    n = a.instruction_pages
    site = corpus(a.bench_dir, a.out, n, False)
    two = os.path.join(a.out, f"corpus-{n}-es")
    derived(site, two, [sys.executable, os.path.join(ROOT, "scripts", "add-translations.py"), two,
                        "--share", str(a.translated_share)])
    translated = sum(1 for d, _, fs in os.walk(os.path.join(two, "Content")) for f in fs if f.endswith(".es.md"))
    # Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information Swift writes: a copy
    # without it (same code) is what callgrind runs.
    haven = os.path.join(a.out, "haven-nodebug")
    subprocess.run(["objcopy", "--strip-debug", HAVEN, haven], check=True)
    one_count = instructions(haven, site, os.path.join(a.out, "haven-public-instructions-1"), env)
    two_count = instructions(haven, two, os.path.join(a.out, "haven-public-instructions-2"), env)
    if not one_count or not two_count or not translated:
        print("\n(callgrind did not finish a build)")
        return
    per_default = one_count / n
    per_translated = (two_count - one_count) / translated
    print(f"\nInstructions (callgrind) of haven build: {n} pages {one_count / 1e6:,.0f} M; with {translated} Spanish "
          f"translations {two_count / 1e6:,.0f} M. Per default-language page {per_default / 1e6:.2f} M, per "
          f"translated page {per_translated / 1e6:.2f} M (ratio {per_translated / per_default:.2f}; target at most 1.25)")


def images(a, site, hugo, env):
    """The corpus with images (scripts/add-images.py): the first build, with an empty image cache,
    reported apart; then both tools side by side with the cache filled."""
    with_images = os.path.join(a.out, f"corpus-{a.pages}-images")
    derived(site, with_images, [sys.executable, os.path.join(ROOT, "scripts", "add-images.py"), with_images,
                                "--count", str(a.images)])
    shutil.rmtree(os.path.join(with_images, ".haven-cache"), ignore_errors=True)
    first = measure([HAVEN, "build", "--site", with_images, "--output", os.path.join(a.out, "haven-public-first-images")], env=env)
    print(f"\nImages: {a.images} JPEGs (1,600-2,400 px) on {a.pages // 20} pages. First build, empty image cache: "
          f"{first[0]:.2f} s, {first[1]:.0f} MiB, exit {first[2]}")
    report("With images (image cache filled)", compare(a, with_images, hugo, env, max(3, a.runs // 2)))


if __name__ == "__main__":
    main()
