#!/usr/bin/env bash
# Training and decoding speed of the default VAE, Margins (DJL) beside the same network in PyTorch from
# Python, in one run, at 32 and 64 pixels, batch 64. Prints both and their ratio. Not a test: figures.
# PyTorch runs twice: the network as written (upsample, then convolve) and with each upsample-convolve
# computed the way Margins computes it (--subpixel: the same function, without the upsampled map).
# --candidates also times Margins on the other correct paths, for choosing between them on a new kind of CPU:
# MARGINS_CONV=aten (oneDNN off for convolutions) and DNNL_MAX_CPU_ISA=SSE41 (oneDNN capped at SSE4.1).
#   bench/run.sh [--candidates] [STEPS]      (default 100 timed steps per size, after 10 warm-up steps)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CANDIDATES=0
if [ "${1:-}" = "--candidates" ]; then CANDIDATES=1; shift; fi
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
"$ROOT/margins" doctor | grep -E '^(cpu|isa|caches|oneDNN):'
printf '%-6s %-13s %12s %12s %12s %10s  %s\n' size engine "train img/s" "decode img/s" "one img ms" "peak MB" "conv path"   # peak: resident memory, training
for SIZE in 32 64; do
  J=$("$ROOT/margins" bench --size "$SIZE" --steps "$STEPS" --device cpu --json | tail -1)
  A='{}'; E='{}'
  if [ "$CANDIDATES" = 1 ]; then
    A=$(MARGINS_CONV=aten "$ROOT/margins" bench --size "$SIZE" --steps "$STEPS" --device cpu --json | tail -1)
    E=$(DNNL_MAX_CPU_ISA=SSE41 "$ROOT/margins" bench --size "$SIZE" --steps "$STEPS" --device cpu --json | tail -1)
  fi
  P=$(OMP_NUM_THREADS=2 "$PY" "$ROOT/bench/torch_vae.py" --size "$SIZE" --steps "$STEPS" --threads 2 | tail -1)
  S=$(OMP_NUM_THREADS=2 "$PY" "$ROOT/bench/torch_vae.py" --size "$SIZE" --steps "$STEPS" --threads 2 --subpixel | tail -1)
  "$PY" - "$J" "$A" "$E" "$P" "$S" <<'PYEOF'
import json, sys
j, a, e, p, s = (json.loads(x) for x in sys.argv[1:6])
rows = [("margins", j), ("margins-aten", a), ("margins-sse41", e), ("pytorch", p), ("pt-subpx", s)]
for name, f in rows:
    if f:
        print(f"{f['size']:<6} {name:<13} {f['trainImgPerSec']:12.0f} {f['decodeImgPerSec']:12.0f} {f['decodeOneMs']:12.2f} {f['peakRssMb']:10.0f}  {f.get('convPath', '')}")
for name, f in (("ratio", p), ("ratio-sp", s)):
    print(f"{j['size']:<6} {name:<13} {j['trainImgPerSec']/f['trainImgPerSec']:12.2f} {j['decodeImgPerSec']/f['decodeImgPerSec']:12.2f}")
PYEOF
done
echo "ratio: Java / Python, >= 1.0 is the goal for training; ratio-sp: against PyTorch computing upsample-convolve as Margins does"
