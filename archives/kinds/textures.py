"""textures: surface textures and materials from game and art data packages.

- OpenArena 0.8.1 map textures (walls, floors, trims, metal, stone, organics),
  read from the zip archive pak4-textures.pk3 without unpacking it; effect,
  sky, flare, shader-helper, light, logo, sign and team-colour textures are
  skipped (by folder and name), and so are decals (more than 10% transparent);
- Warzone 2100's terrain tiles (top-down ground, rock, road, water; the 128 px set
  of the three tilesets in base.wz; here too tiles over 10% transparent are
  skipped);
- the GIMP patterns of gimp-data-extras (.pat files, read here: PIL has no reader);
- Extreme Tux Racer's terrain textures (snow, ice, rock, grass ...).

These textures tile, so one smaller than 128 px is repeated until it covers 128 px
(its pixels stay as drawn; blowing it up would blur it); then the centred square of
the short side is taken and reduced to 128 px with Lanczos. Flat textures (grey
standard deviation under 4 of 255) and pixel-identical ones are dropped.

Not used: 0ad-data (3.1 GB) and supertuxkart-data (688 MB) are too big;
minetest-data's textures are 16 px pixel art; megaglest-data (392 MB) has mostly
64 px ground tiles; openarena-088-data adds few materials; xmoto-data packs its
textures in one binary file.
"""
import io
import os
import re
import struct
import zipfile

import numpy as np
from PIL import Image

from .common import TILE, Item, dedupe, files_of, flatten, safe

PACKAGES = ["openarena-081-textures", "gimp-data-extras", "extremetuxracer-data", "warzone2100-data"]
OA_PK3 = "/usr/share/games/openarena/baseoa/pak4-textures.pk3"
WZ_BASE = "/usr/share/games/warzone2100/base.wz"
# texture folders of pak4 that hold effects, skies, light fixtures or helper
# shaders rather than materials
OA_SKIP = {"sfx", "sfx2", "skies", "flares", "common", "effects", "cosmo_sfx", "oafx", "base_light",
           "gothic_light", "cosmo_light", "evil8_lights", "proto2"}
# ... and, in any folder, names that mark skybox placeholders, logos, signs, team
# colours, screens and lamps (seen on contact sheets) rather than surfaces
OA_SKIP_NAME = re.compile(r"sky|sbox|logo|symbol|sign|banner|monitor|screen|sfx|light|lamp|flare|ctf|"
                          r"team|text|font|decal|glow|blend|fog|portal|beam|jump|spawn|fx_|_fx", re.I)
MIN_SIDE = 32        # smaller textures are too coarse even when tiled
MAX_CLEAR = 0.10     # fraction of (partly) transparent pixels that marks a decal
MIN_STD = 4.0


def _square(im):
    """Tile up to at least TILE px, take the centred square of the short side, resize."""
    if im.width < TILE or im.height < TILE:
        nx, ny = -(-TILE // im.width), -(-TILE // im.height)
        big = Image.new(im.mode, (im.width * nx, im.height * ny))
        for i in range(nx):
            for j in range(ny):
                big.paste(im, (i * im.width, j * im.height))
        im = big
    side = min(im.size)
    x, y = (im.width - side) // 2, (im.height - side) // 2
    im = im.crop((x, y, x + side, y + side))
    return im if side == TILE else im.resize((TILE, TILE), Image.LANCZOS)


def _usable(im):
    if min(im.size) < MIN_SIDE:
        return False
    if "A" in im.getbands() or "transparency" in im.info:
        alpha = np.asarray(im.convert("RGBA"))[:, :, 3]
        return (alpha < 250).mean() <= MAX_CLEAR
    return True


def _flat(im):
    return np.asarray(im.convert("L"), dtype=np.float32).std() < MIN_STD


def _read_pat(path):
    """GIMP pattern: big-endian header (size, version, w, h, bytes, 'GPAT', name), then pixels."""
    with open(path, "rb") as f:
        data = f.read()
    hsize, _, w, h, depth = struct.unpack(">5I", data[:20])
    assert data[20:24] == b"GPAT", path
    mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[depth]
    return Image.frombytes(mode, (w, h), data[hsize:hsize + w * h * depth])


def _oa_wanted(name):
    parts = name.split("/")
    return (len(parts) == 3 and parts[0] == "textures" and parts[1] not in OA_SKIP
            and not OA_SKIP_NAME.search(name[len("textures/"):]))


def _wz_wanted(name):
    return name.startswith("texpages/tertilesc") and "hw-128/" in name


def _from_zip(pkg, zpath, wanted, tag):
    """Textures inside a zip file (pk3, wz) that wanted(name) accepts, read in place."""
    out = []
    with zipfile.ZipFile(zpath) as z:
        for name in sorted(z.namelist()):
            if not wanted(name) or not name.lower().endswith((".jpg", ".tga", ".png")):
                continue
            im = Image.open(io.BytesIO(z.read(name)))
            im.load()
            if _usable(im):
                stem = "_".join(name.split("/")[1:])
                out.append(Item(safe(f"{tag}_{os.path.splitext(stem)[0]}"), _square(flatten(im)), pkg,
                                f"{zpath}:{name}"))
    return out


def _gimp():
    out = []
    for path in files_of("gimp-data-extras"):
        if path.endswith(".pat"):
            im = _read_pat(path)
            if _usable(im):
                stem = os.path.splitext(os.path.basename(path))[0]
                out.append(Item(safe(f"gimp_{stem}"), _square(flatten(im)), PACKAGES[1], path))
    return out


def _etr():
    out = []
    for path in files_of("extremetuxracer-data"):
        if "/terrains/" in path and path.endswith(".png"):
            im = Image.open(path)
            if _usable(im):
                stem = os.path.splitext(os.path.basename(path))[0]
                out.append(Item(safe(f"etr_{stem}"), _square(flatten(im)), PACKAGES[2], path))
    return out


def build(log):
    items = []
    sources = (("OpenArena", lambda: _from_zip(PACKAGES[0], OA_PK3, _oa_wanted, "oa")),
               ("Warzone 2100", lambda: _from_zip(PACKAGES[3], WZ_BASE, _wz_wanted, "wz")),
               ("GIMP patterns", _gimp), ("Tux Racer", _etr))
    for label, fn in sources:
        got = [it for it in fn() if not _flat(it.image)]
        log(f"  {label}: {len(got)} textures")
        items += got
    items = dedupe(items)
    log(f"  after removing pixel-identical textures: {len(items)}")
    return items, __doc__
