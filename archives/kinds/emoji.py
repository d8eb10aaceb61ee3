"""emoji: the OpenMoji set the project already keeps in shared/data/openmoji-64,
copied byte for byte at its own 64x64 (not upscaled: nearest-neighbour blow-ups
would only add blocky copies of the same information).
"""
import csv
import os
import re

from PIL import Image

from .common import Item

PACKAGES = []  # nothing from Debian: the files are already on disk
LICENCE = "CC-BY-SA-4.0"


def source_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data", "openmoji-64"))
    return os.environ.get("MARGINS_OPENMOJI", default)


def build(log):
    src = source_dir()
    if not os.path.isfile(os.path.join(src, "index.csv")):
        raise SystemExit(f"emoji: no openmoji-64 set at {src} (set MARGINS_OPENMOJI to its folder)")
    attribution = open(os.path.join(src, "ATTRIBUTION.txt"), encoding="utf-8").read()
    m = re.search(r"openmoji@([0-9.]+)", attribution)
    ver = m.group(1) if m else ""
    items = []
    with open(os.path.join(src, "index.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            path = os.path.join(src, row["file"])
            stem = os.path.splitext(os.path.basename(row["file"]))[0]
            im = Image.open(path)
            im.load()  # also closes the file: thousands stay open otherwise
            items.append(Item(stem, im, "npm:openmoji", f"color/svg/{row['hexcode']}.svg",
                              licence=LICENCE, version=ver, copy_from=path))
    log(f"  {src}: {len(items)} emoji")
    extra = [os.path.join(src, n) for n in ("ATTRIBUTION.txt", "LICENSE-CC-BY-SA-4.0.txt", "index.csv")]
    body = (__doc__ + "\nSource: " + src + " (made from npm openmoji@" + ver + " colour SVGs; see "
            "LICENSES/ATTRIBUTION.txt). Per-image authors are in LICENSES/index.csv. CC BY-SA 4.0: "
            "derivatives must keep the licence and the attribution.")
    return items, body, extra
