#!/usr/bin/env python3
"""Screenshots of a built Haven site from headless Chromium, for the README and for review.

usage: screenshots.py PUBLIC_DIR OUT_DIR [--all]

Without --all it writes the README set (docs/screenshots/):
  clinical-light.png    a clinical page with a content warning, light scheme, 1280 px wide
  clinical-dark.png     the same page in the dark scheme
  get-help.png          /get-help/, light scheme
  clinical-es.png       a Spanish clinical page (/es/…) with a content warning, light scheme
  home-mobile.png       the home page at 375 px wide
With --all it also writes each index page, search and 404 at 1280 and 320 px in both schemes.
"""
import os, sys, base64, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check_site", os.path.join(HERE, "check-site.py"))
cs = importlib.util.module_from_spec(spec)
sys.modules["check_site"] = cs
spec.loader.exec_module(cs)


def shot(driver, url, path, width, scheme, height=900, full=True):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    cs.set_scheme(driver, scheme)
    driver.get(url)
    cs.wait_ready(driver)
    if "?q=" in url:
        cs.wait_for_results(driver)
    if full:
        h = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": h, "deviceScaleFactor": 1, "mobile": width < 600})
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    with open(path, "wb") as f:
        f.write(base64.b64decode(data["data"]))
    print("wrote", path)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    public, out = args[0], args[1]
    os.makedirs(out, exist_ok=True)
    site = cs.Site(public, cs.infer_base_url(public))
    server, origin = cs.serve(site)
    driver = cs.make_driver()
    try:
        warned = [p for p in site.pages() if p.clinical and any("crisis-notice" in n.classes() for n in p.root.iter())]
        # prefer a short page with a notice
        warned.sort(key=lambda p: os.path.getsize(p.file))
        clinical = origin + warned[0].url_path
        shot(driver, clinical, os.path.join(out, "clinical-light.png"), 1280, "light", height=1000, full=False)
        shot(driver, clinical, os.path.join(out, "clinical-dark.png"), 1280, "dark", height=1000, full=False)
        shot(driver, origin + site.base_path + "get-help/", os.path.join(out, "get-help.png"), 1280, "light")
        spanish = [p for p in warned if p.url_path.startswith(site.base_path + "es/")]
        if spanish:
            shot(driver, origin + spanish[0].url_path, os.path.join(out, "clinical-es.png"), 1280, "light", height=1000, full=False)
        shot(driver, origin + site.base_path, os.path.join(out, "home-mobile.png"), 375, "light", height=812, full=False)
        if "--all" in sys.argv:
            for name, path in [("home", ""), ("conditions", "conditions/"), ("search", "search/?q=panic+attack"),
                               ("404", "404.html"), ("get-help", "get-help/"), ("reviewers", "reviewers/")]:
                for scheme in ("light", "dark"):
                    for width in (1280, 320):
                        shot(driver, origin + site.base_path + path, os.path.join(out, f"all-{name}-{scheme}-{width}.png"), width, scheme)
            for p in warned[:1]:
                for scheme in ("light", "dark"):
                    shot(driver, origin + p.url_path, os.path.join(out, f"all-clinical-{scheme}-320.png"), 320, scheme)
                    shot(driver, origin + p.url_path, os.path.join(out, f"all-clinical-{scheme}-1280.png"), 1280, scheme)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
