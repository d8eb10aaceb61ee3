#!/usr/bin/env bash
# Training and decoding speed of the default VAE, Margins (DJL) beside the same network in PyTorch from
# Python, in one run, at 32 and 64 pixels, batch 64. Prints both and their ratio. Not a test: figures.
# PyTorch runs twice: the network as written (upsample, then convolve) and with each upsample-convolve
# computed the way Margins computes it (--subpixel: the same function, without the upsampled map).
# --candidates also times Margins on the other correct paths, for choosing between them on a new kind of CPU:
# MARGINS_CONV=aten (oneDNN off for convolutions) and DNNL_MAX_CPU_ISA=SSE41 (oneDNN capped at SSE4.1).
# Then the two-stage model at 64 (margins train --model two-stage), phase by phase, beside the same design in
# PyTorch (bench/torch_twostage.py, built from research/twostage/twostage.py: same layers, same parameter counts).
#   bench/run.sh [--candidates] [--two-stage] [STEPS]   (default 100 timed steps per size, after 10 warm-up steps;
#   --two-stage: only the two-stage comparison; it times STEPS/2 steps per phase)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CANDIDATES=0
TWO_ONLY=0
while [ "${1:-}" = "--candidates" ] || [ "${1:-}" = "--two-stage" ]; do
  [ "$1" = "--candidates" ] && CANDIDATES=1
  [ "$1" = "--two-stage" ] && TWO_ONLY=1
  shift
done
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
SIZES="32 64"
[ "$TWO_ONLY" = 1 ] && SIZES=""
[ -n "$SIZES" ] && printf '%-6s %-13s %12s %12s %12s %10s  %s\n' size engine "train img/s" "decode img/s" "one img ms" "peak MB" "conv path"   # peak: resident memory, training
for SIZE in $SIZES; do
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
[ -n "$SIZES" ] && echo "ratio: Java / Python, >= 1.0 is the goal for training; ratio-sp: against PyTorch computing upsample-convolve as Margins does"

TS=$(( STEPS / 2 > 5 ? STEPS / 2 : 5 ))
J=$("$ROOT/margins" bench --model two-stage --size 64 --steps "$TS" --warmup 5 --device cpu --json | tail -1)
P=$(OMP_NUM_THREADS=2 "$PY" "$ROOT/bench/torch_twostage.py" --size 64 --steps "$TS" --warmup 5 --threads 2 | tail -1)
"$PY" - "$J" "$P" <<'PYEOF'
import json, sys
j, p = (json.loads(x) for x in sys.argv[1:3])
print()
print(f"two-stage at 64 px, {j['parameters']} parameters (autoencoder, critic, flow) in Margins, {p['parameters']} in PyTorch")
print(f"{'engine':<9} {'ae img/s':>9} {'gan img/s':>10} {'flow codes/s':>13} {'standard preset s':>18} {'peak MB':>8}")
for name, f in (("margins", j), ("pytorch", p)):
    print(f"{name:<9} {f['aeImgPerSec']:9.0f} {f['ganImgPerSec']:10.0f} {f['flowCodesPerSec']:13.0f} {f['standardSeconds']:18.0f} {f['peakRssMb']:8.0f}")
print(f"{'ratio':<9} {j['aeImgPerSec']/p['aeImgPerSec']:9.2f} {j['ganImgPerSec']/p['ganImgPerSec']:10.2f} "
      f"{j['flowCodesPerSec']/p['flowCodesPerSec']:13.2f} {p['standardSeconds']/j['standardSeconds']:18.2f}")
print("ratio: Java / Python speed (for the preset: PyTorch's time / Margins' time); >= 1.0 is the goal")
PYEOF
