#!/usr/bin/python3
"""Build Margins test archives from files that Debian packages ship.

    build.py --packages NAME...      print the Debian packages those archives need
    build.py --out DIR NAME...       build OUT/NAME for each NAME

Run by archives/build.sh with Debian's /usr/bin/python3 (python3-pil, python3-numpy),
after it has installed the packages. Each archive is made by kinds/NAME.py, whose
build(log) returns (items, readme_text[, extra_licence_files]); kinds/common.py
writes the folder. Output depends only on the installed package versions.
"""
import argparse
import importlib
import os
import sys
import time

ARCHIVES = ["icons", "glyphs", "photos", "textures", "emoji"]
BASE_PACKAGES = ["python3-pil", "python3-numpy"]  # build.sh installs these itself


def kind(name):
    return importlib.import_module("kinds." + name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="archives to build (default: all): " + ", ".join(ARCHIVES))
    ap.add_argument("--out", help="output folder")
    ap.add_argument("--packages", action="store_true", help="only print the Debian packages needed")
    args = ap.parse_args()
    names = args.names or ARCHIVES
    bad = [n for n in names if n not in ARCHIVES]
    if bad:
        ap.error("unknown archive(s): %s (known: %s)" % (", ".join(bad), ", ".join(ARCHIVES)))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if args.packages:
        pkgs = sorted({p for n in names for p in kind(n).PACKAGES})
        print(" ".join(pkgs))
        return
    if not args.out:
        ap.error("--out is required")
    from kinds import common
    os.makedirs(args.out, exist_ok=True)
    common.DEB_CACHE = os.path.join(os.path.abspath(args.out), ".debs")
    for n in names:
        t0 = time.time()
        print(f"[{n}] building", flush=True)
        res = kind(n).build(lambda msg: print(msg, flush=True))
        items, body, extra = (tuple(res) + ([],))[:3]
        count = common.write_archive(args.out, n, items, body, extra)
        print(f"[{n}] {count} images in {os.path.join(args.out, n)} ({time.time() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
