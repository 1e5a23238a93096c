#!/usr/bin/env python3
"""Give a generated benchmark site (../shared/bench/gencorpus.py) images, as a publisher's site has.

usage: add-images.py SITE_DIR [--count 100] [--every 20] [--seed S]

Writes COUNT photographs-like JPEGs (smooth gradients with noise, so they compress like photos,
1,600 to 2,400 px wide, some with an EXIF block for Haven to strip) into SITE_DIR/Content/media/,
and adds one image with alt text to every EVERY-th page's body (`![…](../media/bench-NNN.jpg)`).
With the Hugo copy (SITE_DIR/hugo) the images go to its static/media/ and the same lines into
its pages: Hugo copies them as they are (the Hugo site has no image processing), Haven makes its
widths and WebP variants (cached in .haven-cache/ after the first build). Needs Pillow.
"""
import os, random, sys

from PIL import Image


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    def opt(name, default):
        return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default
    site = args[0]
    count, every = int(opt("--count", "100")), int(opt("--every", "20"))
    r = random.Random(int(opt("--seed", "11")))
    media = os.path.join(site, "Content", "media")
    os.makedirs(media, exist_ok=True)
    hugo = os.path.join(site, "hugo")
    hugo_media = os.path.join(hugo, "static", "media")
    if os.path.isdir(hugo):
        os.makedirs(hugo_media, exist_ok=True)
    names = []
    for i in range(count):
        width = r.choice((1600, 2000, 2400))
        height = width * 2 // 3
        small = Image.linear_gradient("L").resize((64, 64))
        tint = tuple(r.randint(60, 220) for _ in range(3))
        base = Image.merge("RGB", [small.point(lambda v, t=t: (v * t) // 255) for t in tint]).resize((width, height))
        noise = Image.effect_noise((width, height), 24).convert("RGB")
        img = Image.blend(base, noise, 0.15)
        name = f"bench-{i:03d}.jpg"
        exif = Image.Exif()
        if i % 4 == 0:
            exif[0x010F] = "Example camera"       # Make: metadata Haven must strip
        img.save(os.path.join(media, name), "JPEG", quality=85, exif=exif)
        if os.path.isdir(hugo):
            img.save(os.path.join(hugo_media, name), "JPEG", quality=85, exif=exif)
        names.append(name)
    added = 0
    for root, _, files in os.walk(os.path.join(site, "Content")):
        if "_data" in root or "media" in root:
            continue
        for index, file in enumerate(sorted(files)):
            if not file.endswith(".md") or index % every:
                continue
            name = names[added % len(names)]
            line = f"\n![A calm landscape, image {name[6:9]} of the benchmark](../media/{name})\n"
            with open(os.path.join(root, file), "a", encoding="utf-8") as f:
                f.write(line)
            hugo_page = os.path.join(hugo, "content", os.path.relpath(root, os.path.join(site, "Content")), file)
            if os.path.exists(hugo_page):
                with open(hugo_page, "a", encoding="utf-8") as f:
                    f.write(line.replace("../media/", "/media/"))
            added += 1
    print(f"add-images: {count} images in {media}, on {added} pages")


if __name__ == "__main__":
    main()
