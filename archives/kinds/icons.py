"""icons: full-colour application/object icons from four icon themes.

For each icon (context/name) of a theme we take one source: the SVG if the theme
has one (rendered by rsvg-convert straight at 128 px), else its largest PNG of at
least 64 px (smaller ones would only be blurred up). Symlinked aliases are read
once, monochrome '-symbolic' icons and animation strips are skipped, and near-empty
or pixel-identical results are dropped.

Not used: human-icon-theme (not in bookworm); papirus (197 MB, flat and mostly
monochrome at small sizes), breeze (flat, largely symbolic), elementary, numix.
"""
import io
import os
import subprocess

from PIL import Image

from .common import TILE, Item, dedupe, files_of, fit_on_white, flatten, safe

# (package, theme folder, short tag used in file names). Tango is public domain;
# the others are GPL-2+ (gnome), LGPL-3+ (oxygen), CC-BY-SA-3.0 or LGPL-3 (Adwaita).
THEMES = [
    ("tango-icon-theme", "/usr/share/icons/Tango", "tango"),
    ("gnome-icon-theme", "/usr/share/icons/gnome", "gnome"),
    ("oxygen-icon-theme", "/usr/share/icons/oxygen/base", "oxygen"),
    ("adwaita-icon-theme", "/usr/share/icons/Adwaita", "adwaita"),
]
PACKAGES = [t[0] for t in THEMES] + ["librsvg2-bin"]
MIN_PNG = 64        # smallest PNG size accepted as a source
MIN_INK = 0.03      # drop icons covering less than 3% of the tile


def _size_of(sizedir):
    """'256x256' -> 256, 'scalable' -> a number above any PNG size."""
    if sizedir == "scalable":
        return 10 ** 6
    w, _, h = sizedir.partition("x")
    return int(w) if w.isdigit() and w == h else -1


def _choose(pkg, root, pkg_files):
    """{(context, name): best source path} for one theme."""
    best = {}
    for path in pkg_files:
        if not path.startswith(root + "/"):
            continue
        parts = path[len(root) + 1:].split("/")
        if len(parts) != 3:
            continue
        sizedir, context, fname = parts
        name, ext = os.path.splitext(fname)
        size = _size_of(sizedir)
        if ext not in (".svg", ".png") or size < MIN_PNG or context == "animations":
            continue
        if "symbolic" in name or (ext == ".svg") != (sizedir == "scalable"):
            continue
        key = (context, name)
        if key not in best or size > best[key][0]:
            best[key] = (size, path)
    return {k: v[1] for k, v in best.items()}


def _render(path):
    if path.endswith(".svg"):
        png = subprocess.run(["rsvg-convert", "-a", "-w", str(TILE), "-h", str(TILE), path],
                             check=True, capture_output=True).stdout
        im = Image.open(io.BytesIO(png))
    else:
        im = Image.open(path)
        if im.width != im.height:  # strips and banners are not icons
            return None
    return fit_on_white(flatten(im))


def _ink(im):
    """Fraction of pixels visibly different from white."""
    grey = im.convert("L").point(lambda v: 255 if v < 245 else 0)
    return sum(grey.histogram()[255:]) / (im.width * im.height)


def build(log):
    items = []
    for pkg, root, tag in THEMES:
        pkg_files = files_of(pkg)
        chosen = _choose(pkg, root, pkg_files)
        owned, seen_real, kept = set(pkg_files), set(), 0
        for (context, name), path in sorted(chosen.items()):
            real = os.path.realpath(path)
            # an alias of an icon already taken, or a link out of the package (gnome's
            # start-here.svg points through /etc/alternatives, i.e. at whatever is installed)
            if real in seen_real or real not in owned:
                continue
            seen_real.add(real)
            im = _render(real)
            if im is None or _ink(im) < MIN_INK:
                continue
            items.append(Item(safe(f"{tag}_{context}_{name}"), im, pkg, real))
            kept += 1
        log(f"  {pkg}: {len(chosen)} icon names, {kept} rendered")
    items = dedupe(items)
    log(f"  after removing pixel-identical icons: {len(items)}")
    return items, __doc__
