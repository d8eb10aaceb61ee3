#!/usr/bin/env bash
# Training and decoding speed of the default VAE, Margins (DJL) beside the same network in PyTorch from
# Python, in one run, at 32 and 64 pixels, batch 64. Prints both and their ratio. Not a test: figures.
# PyTorch runs twice: the network as written (upsample, then convolve) and with each upsample-convolve
# computed the way Margins computes it (--subpixel: the same function, without the upsampled map).
#   bench/run.sh [STEPS]      (default 100 timed steps per size, after 10 warm-up steps)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEPS="${1:-100}"
PY=/usr/bin/python3   # Debian's python3 sees Debian's python3-torch; one earlier on PATH may not

if ! "$PY" -c "import torch" 2>/dev/null; then
  echo "installing Debian's python3-torch (the reference) ..." >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch >/dev/null
fi

# Same allocator settings for both sides: they cut system time several-fold for both engines.
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=268435456 OMP_NUM_THREADS=2

"$ROOT/margins" --help >/dev/null   # builds the jar first if needed, outside the timings
printf '%-6s %-8s %12s %12s %12s %10s\n' size engine "train img/s" "decode img/s" "one img ms" "peak MB"   # peak: resident memory, training
for SIZE in 32 64; do
  J=$("$ROOT/margins" bench --size "$SIZE" --steps "$STEPS" --device cpu --json | tail -1)
  P=$(OMP_NUM_THREADS=2 "$PY" "$ROOT/bench/torch_vae.py" --size "$SIZE" --steps "$STEPS" --threads 2 | tail -1)
  S=$(OMP_NUM_THREADS=2 "$PY" "$ROOT/bench/torch_vae.py" --size "$SIZE" --steps "$STEPS" --threads 2 --subpixel | tail -1)
  "$PY" - "$J" "$P" "$S" <<'PYEOF'
import json, sys
j, p, s = (json.loads(a) for a in sys.argv[1:4])
for name, f in (("margins", j), ("pytorch", p), ("pt-subpx", s)):
    print(f"{f['size']:<6} {name:<8} {f['trainImgPerSec']:12.0f} {f['decodeImgPerSec']:12.0f} {f['decodeOneMs']:12.2f} {f['peakRssMb']:10.0f}")
for name, f in (("ratio", p), ("ratio-sp", s)):
    print(f"{j['size']:<6} {name:<8} {j['trainImgPerSec']/f['trainImgPerSec']:12.2f} {j['decodeImgPerSec']/f['decodeImgPerSec']:12.2f}")
PYEOF
done
echo "ratio: Java / Python, >= 1.0 is the goal for training; ratio-sp: against PyTorch computing upsample-convolve as Margins does"
