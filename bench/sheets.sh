#!/usr/bin/env bash
# A contact sheet per sampler (seeds 0-31, default parameters) from a studio's newest run, beside the held-out
# archive's own sheet, for the README: what each sampler makes, to judge by eye. Not a test.
#   bench/sheets.sh [STUDIO] [OUT]      (default: studio, docs/samplers)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STUDIO="${1:-studio}"
OUT="${2:-$ROOT/docs/samplers}"
M="${MARGINS:-$ROOT/margins}"
mkdir -p "$OUT"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
RUN="$(ls "$STUDIO/runs" | tail -1)"
cp "$STUDIO/outputs/$RUN-archive/sheet.png" "$OUT/archive.png" 2>/dev/null \
  || echo "sheets: no archive sheet in $STUDIO/outputs/$RUN-archive (the demo writes it)" >&2
for S in $("$M" sample --list | awk '/^[a-z]/ {print $1}'); do
  if "$M" sample --studio "$STUDIO" --sampler "$S" --seeds 0-31 --no-measure --out "$SCRATCH/$S" >/dev/null 2>"$SCRATCH/$S.err"; then
    cp "$SCRATCH/$S/sheet.png" "$OUT/$S.png"
    echo "$S: $OUT/$S.png"
  else
    echo "$S: $(tail -1 "$SCRATCH/$S.err")"
  fi
done
