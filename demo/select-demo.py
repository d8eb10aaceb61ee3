#!/usr/bin/env python3
"""Re-make the bundled demo archive deterministically from the 64x64 OpenMoji set.

Usage: python3 demo/select-demo.py [SOURCE_DIR] [TARGET_DIR]
Defaults: /work/shared/data/openmoji-64 and demo/openmoji (relative to the repository root).

Selection: every row of groups smileys-emotion, animals-nature and food-drink; people-body rows
without a skintone (one figure per emoji, not five tinted copies); and every third country flag
in hexcode order (about 100 flags). Rows keep the source index.csv order. Byte-identical images
(some flags share a design, e.g. Spain and Ceuta & Melilla) are kept once, as ingest would drop them.
"""
import csv
import hashlib
import os
import shutil
import sys

WHOLE_GROUPS = {"smileys-emotion", "animals-nature", "food-drink"}
FLAG_STEP = 3


def chosen(rows):
    flags = sorted((r for r in rows if r["group"] == "flags" and r["subgroups"] == "country-flag"),
                   key=lambda r: r["hexcode"])
    keep_flags = {r["file"] for r in flags[::FLAG_STEP]}
    for r in rows:
        if r["group"] in WHOLE_GROUPS:
            yield r
        elif r["group"] == "people-body" and not r["skintone"]:
            yield r
        elif r["file"] in keep_flags:
            yield r


def unique(source, rows):
    seen = set()
    kept = []
    for r in rows:
        with open(os.path.join(source, r["file"]), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            kept.append(r)
    return kept


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/openmoji-64"
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "openmoji")
    with open(os.path.join(source, "index.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = unique(source, chosen(list(reader)))
    images = os.path.join(target, "images")
    if os.path.isdir(images):
        shutil.rmtree(images)
    os.makedirs(images)
    for r in rows:
        shutil.copyfile(os.path.join(source, r["file"]), os.path.join(target, r["file"]))
    with open(os.path.join(target, "index.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for name in ("ATTRIBUTION.txt", "LICENSE-CC-BY-SA-4.0.txt"):
        shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
    total = sum(os.path.getsize(os.path.join(images, n)) for n in os.listdir(images))
    print(f"{len(rows)} images, {total / 1e6:.2f} MB in {images}")


if __name__ == "__main__":
    main()
