"""glyphs: the capitals A-Z, one PNG per (font face, letter), black on white.

Every face is drawn at the size that makes its 'H' 60% of the tile high, so the
letters of all faces share one cap height; each letter's ink is centred in the
tile (a letter wider or taller than 90% of the tile, e.g. a swash capital, is
shrunk to fit). Drawn at 4x and reduced with Lanczos for clean edges.

Faces come from many free font packages. To keep the archive diverse rather than
a hundred weights of one design, each family gives at most 2 faces (regular
first, then italic, then bold) and each package at most 3, different families
first (aenigma, a collection of 465 one-face display designs, 7). Left out: faces
missing a capital (empty, or the .notdef box), symbol, dingbat, keyboard-cap,
binary-code and ruled (guiada/pautada) faces, and faces drawing the same pixels
as an earlier one.

Not in bookworm: fonts-ibm-plex, fonts-overpass, fonts-unifraktur*, fonts-pecita,
fonts-larabie-*, fonts-ubuntu, fonts-atkinson-hyperlegible, fonts-orbitron,
fonts-league-gothic. Left out: fonts-noto-core (mostly non-Latin scripts; its
Latin faces are weights of Noto Sans and Serif), texlive-fonts-extra (1.4 GB).
"""
import os
import re
import string

from PIL import Image, ImageChops, ImageDraw, ImageFont

from .common import TILE, Item, digest, files_of, safe

# Free font packages in Debian 12 with Latin capitals (licences in each archive's
# README; fonts-noto-core is left out: ~40 MB, mostly non-Latin scripts, and its
# Latin faces are Noto Sans/Serif weights).
PACKAGES = """fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 fonts-freefont-ttf fonts-urw-base35
fonts-crosextra-carlito fonts-crosextra-caladea fonts-ebgaramond fonts-linuxlibertine fonts-texgyre
fonts-adf-accanthis fonts-adf-baskervald fonts-adf-berenis fonts-adf-gillius fonts-adf-ikarius
fonts-adf-libris fonts-adf-mekanus fonts-adf-oldania fonts-adf-romande fonts-adf-switzera
fonts-adf-tribun fonts-adf-universalis fonts-adf-verana fonts-cmu fonts-aenigma fonts-blankenburg
fonts-kristi fonts-dkg-handwriting fonts-humor-sans fonts-comic-neue fonts-lobster fonts-lobstertwo
fonts-oldstandard fonts-roboto-unhinted fonts-roboto-slab fonts-open-sans fonts-lato fonts-cantarell
fonts-sil-gentium fonts-sil-charis fonts-sil-andika fonts-go fonts-hack fonts-inconsolata
fonts-firacode fonts-vollkorn fonts-yanone-kaffeesatz fonts-junicode fonts-cabin fonts-quicksand
fonts-tuffy fonts-femkeklaver fonts-breip fonts-dustin fonts-staypuft fonts-ecolier-court fonts-ocr-a
fonts-3270 fonts-croscore fonts-stix fonts-averia-gwf fonts-averia-serif-gwf fonts-gfs-didot
fonts-gfs-bodoni-classic fonts-gfs-artemisia fonts-isabella fonts-radisnoir fonts-rufscript fonts-jura
fonts-prociono fonts-oflb-euterpe fonts-beteckna fonts-inter fonts-fantasque-sans fonts-monoid
fonts-mononoki fonts-anonymous-pro fonts-league-spartan fonts-bebas-neue fonts-paratype
fonts-jetbrains-mono fonts-agave fonts-tomsontalks fonts-okolaks fonts-goudybookletter fonts-linex
fonts-f500 fonts-gotico-antiqua fonts-hermit fonts-clear-sans fonts-uralic fonts-sil-doulos""".split()

PER_FAMILY, PER_PACKAGE, PER_PACKAGE_BIG = 2, 3, {"fonts-aenigma": 7}
SKIP = re.compile(r"dingbat|symbol|math|ornament|icon|emoji|keyboard|binary|guiada|pautada|d050000l"
                  r"|size[0-9]|variants|integrals", re.I)
BIG = TILE * 4          # drawing size
CAP = 0.60 * BIG        # height of 'H'
FIT = 0.90 * BIG        # largest ink box allowed


def _ink(font, ch):
    """Ink of one character as a cropped 'L' image (black=0 on white), or None if empty."""
    l, t, r, b = font.getbbox(ch)
    w, h = r - l + 8, b - t + 8
    if w <= 8 or h <= 8:
        return None
    im = Image.new("L", (w, h), 255)
    ImageDraw.Draw(im).text((4 - l, 4 - t), ch, font=font, fill=0)
    box = ImageChops.invert(im).getbbox()
    return im.crop(box) if box else None


def _style_rank(style):
    """regular < italic < bold < anything else (light, medium, condensed ...)"""
    s = style.lower()
    if s in ("regular", "book", "roman", "normal", "plain"):
        return 0
    return 1 if s in ("italic", "oblique") else 2 if s == "bold" else 3


def _faces():
    """[(package, path, family, style)] for every font file, in a fixed order."""
    faces = []
    for pkg in PACKAGES:
        for path in files_of(pkg):
            if os.path.splitext(path)[1].lower() in (".ttf", ".otf") and not os.path.islink(path):
                try:
                    family, style = ImageFont.truetype(path, 20).getname()
                except OSError:
                    continue
                faces.append((pkg, path, family or "", style or ""))
    return faces


def _render(path):
    """26 tiles for one face, or None when the face lacks a drawable capital."""
    probe = ImageFont.truetype(path, 400)
    h = _ink(probe, "H")
    if h is None:
        return None
    font = ImageFont.truetype(path, max(8, round(400 * CAP / h.height)))
    notdef = _ink(font, "\uffff")
    tiles, seen = [], set()
    for ch in string.ascii_uppercase:
        ink = _ink(font, ch)
        if ink is None or (notdef is not None and ink.tobytes() == notdef.tobytes()):
            return None
        seen.add(ink.tobytes())
        if max(ink.size) > FIT:
            k = FIT / max(ink.size)
            ink = ink.resize((max(1, round(ink.width * k)), max(1, round(ink.height * k))), Image.LANCZOS)
        big = Image.new("L", (BIG, BIG), 255)
        big.paste(ink, ((BIG - ink.width) // 2, (BIG - ink.height) // 2))
        tiles.append(big.resize((TILE, TILE), Image.LANCZOS).convert("RGB"))
    return tiles if len(seen) > 20 else None  # a face drawing one shape for all is no alphabet


def build(log):
    faces = _faces()
    log(f"  {len(faces)} font files in {len(PACKAGES)} packages")
    by_family = {}
    for f in faces:
        if not SKIP.search(f[2]):
            by_family.setdefault((f[0], f[2]), []).append(f)
    # Within a package, first the best face of every family, then the second ones,
    # so that a package's quota goes to different designs before it goes to styles.
    # Families are visited in a golden-ratio order: a package with more families than
    # its quota (aenigma) gives designs spread over its alphabet, not its first ones.
    order = []
    for pi, pkg in enumerate(PACKAGES):
        fams = sorted(fam for p, fam in by_family if p == pkg)
        for fi, family in enumerate(fams):
            fs = sorted(by_family[(pkg, family)], key=lambda f: (_style_rank(f[3]), f[3], f[1]))
            order += [(pi, i, (fi * 0.6180339887) % 1.0, family, f) for i, f in enumerate(fs)]
    order.sort()
    items, per_pkg, per_fam, names_seen, px_seen = [], {}, {}, set(), set()
    for _, _, _, family, (pkg, path, fam, style) in order:
        cap = PER_PACKAGE_BIG.get(pkg, PER_PACKAGE)
        if (per_fam.get((pkg, family), 0) >= PER_FAMILY or per_pkg.get(pkg, 0) >= cap
                or (fam, style) in names_seen):
            continue
        tiles = _render(path)
        if tiles is None:
            continue
        key = digest(tiles[0]) + digest(tiles[6])  # 'A' and 'G' identify a design well
        if key in px_seen:
            continue
        names_seen.add((fam, style))
        px_seen.add(key)
        per_fam[(pkg, family)] = per_fam.get((pkg, family), 0) + 1
        per_pkg[pkg] = per_pkg.get(pkg, 0) + 1
        stem = safe(f"{fam}-{style}".replace(" ", ""))
        for ch, im in zip(string.ascii_uppercase, tiles):
            items.append(Item(f"{stem}_{ch}", im, pkg, path))
    n_faces = len(items) // 26
    log(f"  {n_faces} faces from {len(per_pkg)} packages")
    faces_md = "\n".join(sorted({"- %s: %s" % (it.package, it.name.rsplit("_", 1)[0])
                                 for it in items}))
    return items, __doc__ + f"\n{n_faces} faces x 26 letters:\n\n" + faces_md
