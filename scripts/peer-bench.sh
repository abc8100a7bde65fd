#!/usr/bin/env bash
# ShiftScope's engine against PyTorch on the bn-paper network (784-100-100-100-10 sigmoid, BN, batch 60, SGD
# momentum 0.9, random MNIST-shaped data), in turn, by the training thread's CPU time (steps per CPU-second):
#   scripts/peer-bench.sh JAR PEER.py [PAIRS] [SECONDS] [PEER_STEPS]
# PEER.py is a PyTorch script printing one JSON line with a "cpu" object of bn_bare/bn_stats steps per CPU-second
# (for instance ../shared/bench/peer_pytorch.py; needs Debian's python3-torch and libopenblas0-pthread, one BLAS
# thread). Each pair runs ShiftScope (f64 and f32, bare and with every statistic of the three forward taps on every
# step, as the peer's hooks compute them) and then the peer (f32 and f64); the ratios are taken pair by pair, and
# the median with the smallest and largest is printed, with the load and OPENBLAS_CORETYPE in force.
set -euo pipefail
jar=$1 peer=$2 pairs=${3:-3} seconds=${4:-6} steps=${5:-2000}
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
javac -nowarn -d "$tmp" -cp "$jar" "$here/ab-bench/CpuBench.java" 2>/dev/null
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -I), $(nproc) cores"
ours() { java -cp "$jar:$tmp" CpuBench "$1" "$seconds" true "$2" 2>/dev/null | tail -1; }
for p in $(seq 1 "$pairs"); do
  b64=$(ours bare f64); s64=$(ours stats f64); b32=$(ours bare f32); s32=$(ours stats f32)
  t32=$(/usr/bin/python3 "$peer" "$steps" f32 1 | tail -1)
  t64=$(/usr/bin/python3 "$peer" "$steps" f64 1 | tail -1)
  printf '{"b64": %s, "s64": %s, "b32": %s, "s32": %s, "j32": %s, "j64": %s}\n' \
    "$b64" "$s64" "$b32" "$s32" "$t32" "$t64" >> "$tmp/pairs"
  echo "pair $p: ShiftScope f64 bare $b64, stats $s64; f32 bare $b32, stats $s32 (steps per CPU-second)"
  echo "  PyTorch f32: $t32"
  echo "  PyTorch f64: $t64"
done
python3 - "$tmp/pairs" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    r["j32"], r["j64"] = r["j32"]["cpu"], r["j64"]["cpu"]
    rows.append(r)
def show(name, f):
    v = sorted(f(r) for r in rows)
    print(f"{name:58s} {statistics.median(v):6.2f}  ({v[0]:.2f}–{v[-1]:.2f})")
print("ratio (steps per CPU-second), median of the pairs (min–max)")
show("ShiftScope f64 bare / PyTorch f32 bare", lambda r: r["b64"] / r["j32"]["bn_bare"])
show("ShiftScope f64 bare / PyTorch f64 bare", lambda r: r["b64"] / r["j64"]["bn_bare"])
show("ShiftScope f32 bare / PyTorch f32 bare", lambda r: r["b32"] / r["j32"]["bn_bare"])
show("ShiftScope f64 with statistics / PyTorch f32 with hooks", lambda r: r["s64"] / r["j32"]["bn_stats"])
show("ShiftScope f32 with statistics / PyTorch f32 with hooks", lambda r: r["s32"] / r["j32"]["bn_stats"])
show("statistics overhead, ShiftScope f64 (1 - stats/bare)", lambda r: 1 - r["s64"] / r["b64"])
show("statistics overhead, ShiftScope f32 (1 - stats/bare)", lambda r: 1 - r["s32"] / r["b32"])
for k in ("b64", "s64", "b32", "s32"):
    v = sorted(r[k] for r in rows)
    print(f"ShiftScope {k}: median {statistics.median(v):.0f} steps per CPU-second")
for k in ("j32", "j64"):
    for m in ("bn_bare", "bn_stats"):
        v = sorted(r[k][m] for r in rows)
        print(f"PyTorch {k[1:]} {m}: median {statistics.median(v):.0f} steps per CPU-second")
PY
