"""Shared helpers for the archive builders: Debian package facts, licences, image
normalisation and the writing of one archive folder.

Every builder returns a list of Item (one per output image); write_archive() turns
that list into OUT/NAME/{images/,SOURCES.tsv,LICENSES/,README.md,sheet.png}.
"""
import fnmatch
import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

TILE = 128  # every archive except emoji: square RGB PNGs of this side


@dataclass
class Item:
    name: str            # output file name stem (no extension), unique in the archive
    image: Image.Image   # final RGB image
    package: str         # Debian package (or e.g. "npm:openmoji") the original comes from
    original: str        # path of the original inside that package
    licence: str = ""    # filled by write_archive() from the package's copyright file if empty
    version: str = ""    # filled by write_archive() from dpkg if empty
    copy_from: str = ""  # if set, this PNG file is copied byte for byte instead of saving image


# ---------------------------------------------------------------- Debian facts

# Packages read from their unpacked .deb instead of being installed (see unpack()):
# {package: folder it is unpacked in}. DEB_CACHE is set by build.py to OUT/.debs.
UNPACKED = {}
DEB_CACHE = None


def _run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout.strip()


def unpack(pkg):
    """Unpack a package's .deb (apt's candidate version) into DEB_CACHE/pkg and return
    that folder. For a package whose dependencies would cost far more than the few
    files used (python3-skimage pulls in ~400 MB of scipy, matplotlib, boost ...).
    Needs no root: 'apt-get download' writes to the current folder."""
    if pkg in UNPACKED:
        return UNPACKED[pkg]
    want = _run(["apt-cache", "show", "--no-all-versions", pkg]).split("\nVersion: ")[1].split("\n")[0]
    root = os.path.join(DEB_CACHE, pkg)
    stamp = os.path.join(root, ".version")
    if not (os.path.exists(stamp) and open(stamp).read() == want):
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(DEB_CACHE, exist_ok=True)
        for stale in os.listdir(DEB_CACHE):  # left by an interrupted run
            if stale.startswith(pkg + "_") and stale.endswith(".deb"):
                os.remove(os.path.join(DEB_CACHE, stale))
        _run(["apt-get", "download", pkg], cwd=DEB_CACHE)
        deb = [f for f in os.listdir(DEB_CACHE) if f.startswith(pkg + "_") and f.endswith(".deb")][0]
        _run(["dpkg-deb", "-x", os.path.join(DEB_CACHE, deb), root])
        with open(stamp, "w") as f:
            f.write(_run(["dpkg-deb", "-f", os.path.join(DEB_CACHE, deb), "Version"]))
        os.remove(os.path.join(DEB_CACHE, deb))  # the unpacked tree is all that is read
    UNPACKED[pkg] = root
    return root


def version(pkg):
    if pkg in UNPACKED:
        return open(os.path.join(UNPACKED[pkg], ".version")).read()
    return _run(["dpkg-query", "-W", "-f=${Version}", pkg])


def files_of(pkg):
    """Sorted list of the paths a package installed (files and symlinks only)."""
    return sorted(p for p in _run(["dpkg", "-L", pkg]).splitlines() if os.path.isfile(p) or os.path.islink(p))


def copyright_path(pkg):
    return UNPACKED.get(pkg, "") + f"/usr/share/doc/{pkg}/copyright"


# Licences read by hand from /usr/share/doc/PKG/copyright (Debian 12) for packages
# whose copyright file is not machine-readable (DEP-5), or whose DEP-5 stanzas do
# not match the installed paths (fonts-hermit's file describes cool-retro-term).
BY_HAND = {
    "fonts-hermit": "OFL-1.1", "fonts-inconsolata": "OFL-1.0",
    "fonts-dustin": "GPL-2", "fonts-ecolier-court": "OFL-1.1",
    "fonts-gfs-artemisia": "OFL-1.1", "fonts-gfs-didot": "OFL-1.1",
    "fonts-gfs-bodoni-classic": "OFL-1.1", "fonts-jura": "GPL-3 or OFL-1.1",
    "fonts-linex": "GPL-2+ with font exception", "fonts-ocr-a": "public-domain",
    "fonts-oflb-euterpe": "OFL-1.1", "fonts-oldstandard": "OFL-1.0",
    "fonts-tomsontalks": "OFL-1.1",
}

_dep5_cache = {}


def _dep5(pkg):
    """[(patterns, licence)] from a DEP-5 copyright file, or None if not DEP-5."""
    if pkg in _dep5_cache:
        return _dep5_cache[pkg]
    with open(copyright_path(pkg), encoding="utf-8", errors="replace") as f:
        text = f.read()
    stanzas = []
    if "\nFiles:" in "\n" + text:  # DEP-5, or close enough (adwaita-icon-theme lacks Format:)
        for para in re.split(r"\n[ \t]*\n", text):
            fields, key = {}, None
            for line in para.splitlines():
                if line[:1] in (" ", "\t") and key:
                    fields[key].append(line.strip())
                elif ":" in line:
                    key, _, val = line.partition(":")
                    fields[key] = [val.strip()]
            if "Files" in fields and "License" in fields:
                # Files: may continue on further lines; of License: only the short name
                stanzas.append((" ".join(fields["Files"]).split(), fields["License"][0]))
    _dep5_cache[pkg] = stanzas or None
    return _dep5_cache[pkg]


def licence(pkg, path):
    """Licence of one installed file: the last DEP-5 'Files:' stanza that matches it.
    Source-tree patterns ('nature/Aqua.jpg') are matched against the end of the
    installed path, and patterns naming one file also by file name alone."""
    if pkg in BY_HAND:
        return BY_HAND[pkg]
    stanzas = _dep5(pkg)
    if stanzas is None:
        return "see LICENSES/%s.copyright" % pkg
    found = None
    for pats, lic in stanzas:
        for pat in pats:
            base = pat.rsplit("/", 1)[-1]
            if (pat == "*" or fnmatch.fnmatchcase(path, "*/" + pat)
                    or (not any(c in base for c in "*?[") and os.path.basename(path) == base)):
                found = lic
    return found or "see LICENSES/%s.copyright" % pkg


# ---------------------------------------------------------------- images

def flatten(im):
    """Any PIL image -> RGB, transparent parts composited on white."""
    if im.mode in ("P", "LA", "L") or "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode == "RGBA":
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, im).convert("RGB")
    return im.convert("RGB")


def fit_on_white(im, side=TILE):
    """Scale an (RGB) image to fit in side x side, keep aspect, centre on white."""
    im = im.copy()
    if im.size != (side, side):
        scale = side / max(im.size)
        size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
        im = im.resize(size, Image.LANCZOS)
    out = Image.new("RGB", (side, side), "white")
    out.paste(im, ((side - im.width) // 2, (side - im.height) // 2))
    return out


def digest(im):
    return hashlib.sha1(im.tobytes()).hexdigest()


def dedupe(items):
    """Drop items whose pixels equal an earlier item's (order decides who stays)."""
    seen, out = set(), []
    for it in items:
        d = digest(it.image)
        if d not in seen:
            seen.add(d)
            out.append(it)
    return out


def safe(name):
    keep = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    return keep.strip("-.")[:120]


# ---------------------------------------------------------------- output

def contact_sheet(paths, dest, n=8):
    """n x n sheet of images spread evenly over the (sorted) archive."""
    if not paths:
        return
    pick = [paths[i * len(paths) // (n * n)] for i in range(min(n * n, len(paths)))]
    side = Image.open(pick[0]).width
    sheet = Image.new("RGB", (n * side + (n + 1) * 2, n * side + (n + 1) * 2), (200, 200, 200))
    for i, p in enumerate(pick):
        sheet.paste(Image.open(p).convert("RGB"), (2 + (i % n) * (side + 2), 2 + (i // n) * (side + 2)))
    sheet.save(dest)


def write_archive(out_root, name, items, readme_body, extra_licence_files=()):
    """Write one archive atomically: build in OUT/.NAME.tmp, then swap it in."""
    final = os.path.join(out_root, name)
    tmp = os.path.join(out_root, "." + name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "images"))
    os.makedirs(os.path.join(tmp, "LICENSES"))
    items = sorted(items, key=lambda it: (it.name, it.original))
    used = set()
    for it in items:  # 'wall.jpg' and 'wall.tga' -> wall, wall-2
        base, k = it.name, 1
        while it.name in used:
            k += 1
            it.name = f"{base}-{k}"
        used.add(it.name)
    names = [it.name for it in items]
    pkgs = {}
    rows = ["file\tpackage\tversion\toriginal\tlicence"]
    for it in items:
        if it.package not in pkgs:
            pkgs[it.package] = it.version or version(it.package)
        # for a file inside an archive file ('x.pk3:textures/a.jpg') the outer path counts
        lic = it.licence or licence(it.package, it.original.split(":")[0])
        it.licence = lic
        fn = it.name + ".png"
        if it.copy_from:
            shutil.copyfile(it.copy_from, os.path.join(tmp, "images", fn))
        else:
            it.image.save(os.path.join(tmp, "images", fn))
        rows.append("\t".join([fn, it.package, pkgs[it.package], it.original, lic]))
    with open(os.path.join(tmp, "SOURCES.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    for pkg in sorted(pkgs):
        if not pkg.startswith("npm:"):
            shutil.copyfile(copyright_path(pkg), os.path.join(tmp, "LICENSES", pkg + ".copyright"))
    for src in extra_licence_files:
        shutil.copyfile(src, os.path.join(tmp, "LICENSES", os.path.basename(src)))
    # licence summary: how many images under each licence, per package
    summary = {}
    for it in items:
        summary.setdefault((it.package, pkgs[it.package], it.licence), 0)
        summary[(it.package, pkgs[it.package], it.licence)] += 1
    by_lic = {}
    for (p, v, l), c in summary.items():
        n, ps = by_lic.get(l, (0, set()))
        by_lic[l] = (n + c, ps | {p})
    para = ("Licences: " + "; ".join("%s for %d image%s (%s)" % (l, n, "s" * (n != 1), ", ".join(sorted(ps)))
                                     for l, (n, ps) in sorted(by_lic.items(), key=lambda kv: -kv[1][0]))
            + ". Each image's licence is the one its package's copyright file gives for the original "
            "(SOURCES.tsv); the copyright files are in LICENSES/. Keep the attribution and, for share-alike "
            "licences (CC-BY-SA, GPL, LGPL), the licence when you pass the images or their derivatives on.")
    lines = [para, "", "| package | version | licence | images |", "|---|---|---|---|"]
    lines += ["| %s | %s | %s | %d |" % (p, v, l, c) for (p, v, l), c in sorted(summary.items())]
    side = items[0].image.width if items else TILE
    with open(os.path.join(tmp, "README.md"), "w", encoding="utf-8") as f:
        f.write("# %s\n\n%d images, %dx%d RGB PNG, in `images/`; `SOURCES.tsv` names the package "
                "(Debian's unless marked npm:), version, original path and licence of each; `LICENSES/` "
                "holds the licence and copyright files; `sheet.png` is an 8x8 contact sheet spread over "
                "the archive. Made by "
                "`archives/build.sh %s` in the Margins repository.\n\n%s\n\n## Sources and licences\n\n%s\n"
                % (name, len(items), side, side, name, readme_body.strip(), "\n".join(lines)))
    contact_sheet([os.path.join(tmp, "images", n + ".png") for n in names], os.path.join(tmp, "sheet.png"))
    shutil.rmtree(final, ignore_errors=True)
    os.rename(tmp, final)
    return len(items)
