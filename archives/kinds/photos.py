"""photos: square crops of the photographs among Debian's wallpapers and
scikit-image's sample data.

Only photographs are used: each was picked by eye from the packages' wallpapers
(the rest are renders, paintings or vector art; the list is in
archives/kinds/photos.py). From each photo come 28 square crops at four scales:
the whole centred square (1), half of the short side (6), 30% (9) and 18% (12),
placed by a random generator seeded with the file's path (no crop is smaller
than 128 px, so the small scikit-image photos give 128 px crops there); each is
reduced to 128 px with Lanczos. Crops with little content (the standard
deviation of grey under 12 of 255: clear sky, fog, a blurred background) are
dropped.

Not used: kde-wallpapers, xfce4-artwork, ubuntu-wallpapers, budgie-backgrounds and
deepin-wallpapers are not in bookworm; gnome-backgrounds 43, desktop-base,
ukui-wallpapers, sway-backgrounds and lomiri-wallpapers hold no photographs;
stellarium-data's landscapes are panoramas with the sky cut out.
"""
import os
import random
import zlib

import numpy as np
from PIL import Image

from .common import TILE, Item, dedupe, files_of, flatten, safe, unpack

SK = "/usr/lib/python3/dist-packages/skimage/data/"
# package -> photographs in it (plain paths, or a plasma wallpaper folder whose
# largest image is used). Checked by eye on contact sheets of every wallpaper.
PHOTOS = {
    "mate-backgrounds": ["/usr/share/backgrounds/mate/nature/" + n + ".jpg" for n in
                         "Aqua Blinds Dune FreshFlower Garden GreenMeadow LadyBird RainDrops Storm "
                         "TwoWings Wood YellowFlower".split()],
    "plasma-workspace-wallpapers": ["/usr/share/wallpapers/" + n for n in
                                    "BytheWater ColdRipple ColorfulCups DarkestHour EveningGlow "
                                    "FallenLeaf Grey Kite OneStandsOut Path summer_1am".split()],
    "lomiri-wallpapers-16.04": ["/usr/share/backgrounds/" + n + ".jpg" for n in
                                "Bridge_by_Sander_Klootwijk Dragonfly_by_Bolly Picture_0B_by_freespace "
                                "Picture_1A_by_freespace Wine_by_Jakkub_Mede aitzgorri_by_Aitzol_Berasategi "
                                "free_by_Peter_Nerlich friends_by_Aitzol_Berasategi "
                                "greentock_by_Peter_Nerlich life_by_Aitzol_Berasategi "
                                "picosdeeuropa_by_Aitzol_Berasategi seeding_by_Clements_Engelhardt "
                                "sunset_by_Aitzol_Berasategi".split()],
    "lomiri-wallpapers-20.04": ["/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg"],
    "python3-skimage": [SK + n for n in "astronaut.png camera.png chelsea.png coffee.png coins.png "
                                        "hubble_deep_field.jpg rocket.jpg".split()],
}
# python3-skimage is not installed but unpacked from its .deb (see common.unpack)
UNPACK = ["python3-skimage"]
PACKAGES = sorted(set(PHOTOS) - set(UNPACK))
# licences of the scikit-image photos, from the docstrings in skimage/data/_fetchers.py
# (the package's copyright file only covers the code, BSD-3-Clause)
SKIMAGE_LICENCES = {"astronaut": "public-domain (NASA)", "camera": "CC0-1.0", "chelsea": "CC0-1.0",
                    "coffee": "CC0-1.0", "coins": "no known copyright restrictions (Walters Art Museum)",
                    "hubble_deep_field": "public-domain (NASA)", "rocket": "public-domain (SpaceX)"}
SCALES = [(1.0, 1), (0.5, 6), (0.3, 9), (0.18, 12)]  # (fraction of the short side, crops)
MIN_STD = 12.0


def _largest(folder, pkg_files):
    """Largest image of a plasma wallpaper folder, by the WxH in its file name."""
    best = None
    for p in pkg_files:
        if p.startswith(folder + "/contents/images/"):
            w, _, h = os.path.splitext(os.path.basename(p))[0].partition("x")
            if w.isdigit() and h.isdigit() and (best is None or int(w) * int(h) > best[0]):
                best = (int(w) * int(h), p)
    return best[1]


def _crops(path, im):
    rng = random.Random(zlib.crc32(path.encode()))
    short = min(im.size)
    for frac, count in SCALES:
        side = min(short, max(TILE, round(short * frac)))  # never blow up a crop past 1:1
        for k in range(count):
            if count == 1:
                x, y = (im.width - side) // 2, (im.height - side) // 2
            else:
                x, y = rng.randint(0, im.width - side), rng.randint(0, im.height - side)
            yield f"s{round(frac * 100):03d}-{k:02d}", im.crop((x, y, x + side, y + side))


def build(log):
    items = []
    for pkg in sorted(PHOTOS):
        root = unpack(pkg) if pkg in UNPACK else ""
        pkg_files = files_of(pkg) if not root else sorted(PHOTOS[pkg])
        for entry in PHOTOS[pkg]:
            path = entry if os.path.splitext(entry)[1] else _largest(entry, pkg_files)
            assert path in pkg_files and os.path.exists(root + path), f"{path} is not in {pkg}"
            stem = os.path.splitext(os.path.basename(path))[0]
            tag = os.path.basename(entry) if path != entry else stem  # plasma: folder name
            lic = SKIMAGE_LICENCES.get(stem, "") if pkg == "python3-skimage" else ""
            im = flatten(Image.open(root + path))
            kept = 0
            for suffix, crop in _crops(path, im):
                small = crop.resize((TILE, TILE), Image.LANCZOS)
                if np.asarray(small.convert("L"), dtype=np.float32).std() < MIN_STD:
                    continue
                items.append(Item(safe(f"{tag}_{suffix}"), small, pkg, path, licence=lic))
                kept += 1
            log(f"  {pkg} {tag}: {im.width}x{im.height}, {kept} crops")
    return dedupe(items), __doc__
