#!/usr/bin/env bash
# Writes seed inputs for the fuzz targets from real ledgers: a fresh `init` and a small `demo`,
# their export bundles, checkpoints and verifier keys, and proofs from `recourse prove`.
# Usage: fuzz/make-seeds.sh OUT_DIR   (then: cargo fuzz cmin <target> OUT_DIR/<target> ...)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/make-seeds.sh OUT_DIR}
cargo build --quiet --bin recourse
R=target/debug/recourse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"/{entry,envelope,canonical,bundle,checkpoint,tile,proof_verify,proof_differential}
$R init --data "$tmp/init" >/dev/null
$R demo --data "$tmp/demo" --complaints 5 --days 30 >/dev/null
for l in init demo; do
  $R export --data "$tmp/$l" --out "$tmp/$l.bundle" >/dev/null
  $R checkpoint --data "$tmp/$l" >"$tmp/$l.cp"
  $R checkpoint --data "$tmp/$l" --vkey >"$tmp/$l.vkey"
  { cat "$tmp/$l.vkey"; cat "$tmp/$l.bundle"; } >"$out/bundle/$l"
  { cat "$tmp/$l.vkey"; cat "$tmp/$l.cp"; } >"$out/checkpoint/$l"
  head -1 "$tmp/$l.bundle" >"$out/canonical/$l-header"
done
size=$(sed -n 2p "$tmp/demo.cp")
for p in 0 3 $((size - 1)); do
  $R prove inclusion --data "$tmp/demo" --position "$p" >"$tmp/inc-$p"
done
for a in 1 4 40 $((size - 1)); do
  $R prove consistency --data "$tmp/demo" --from "$a" >"$tmp/con-$a"
done
python3 - "$tmp" "$out" "$size" <<'PY'
import base64, hashlib, json, sys
tmp, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
entries = open(f"{tmp}/demo.bundle", "rb").read().split(b"\n")[1:size + 1]
leaves = [hashlib.sha256(b"\0" + e).digest() for e in entries]
def mth(d):
    if not d: return hashlib.sha256(b"").digest()
    if len(d) == 1: return d[0]
    k = 1
    while k * 2 < len(d): k *= 2
    return hashlib.sha256(b"\1" + mth(d[:k]) + mth(d[k:])).digest()
b64 = lambda h: base64.b64encode(h).decode()
for i, e in enumerate(entries):
    open(f"{out}/entry/{i}", "wb").write(e)
    if i % 10 == 0:
        open(f"{out}/canonical/entry-{i}", "wb").write(e)
        data = json.loads(e)["data"]
        open(f"{out}/canonical/data-{i}", "w").write(json.dumps(data, ensure_ascii=False))
        # envelope: field bytes first (zeros pick the first stream, type and key), then a payload.
        open(f"{out}/envelope/data-{i}", "wb").write(bytes(96) + json.dumps(data).encode())
root = b64(mth(leaves))
for p in (0, 3, size - 1):
    proof = open(f"{tmp}/inc-{p}").read()
    open(f"{out}/proof_verify/inclusion-{p}", "w").write(
        f"inclusion {p} {size}\n{b64(leaves[p])}\n{root}\n{proof}")
for a in (1, 4, 40, size - 1):
    proof = open(f"{tmp}/con-{a}").read()
    open(f"{out}/proof_verify/consistency-{a}", "w").write(
        f"consistency {a} {size}\n{b64(mth(leaves[:a]))}\n{root}\n{proof}")
# Tile paths as the spec writes them, and an entry bundle of the first entries.
for i, path in enumerate(["tile/0/000", "tile/0/x001/x234/067", "tile/1/000.p/7",
                          "tile/entries/005", "tile/entries/x001/000.p/1", "tile/7/999.p/255"]):
    open(f"{out}/tile/path-{i}", "w").write(path)
bundle = b"".join(len(e).to_bytes(2, "big") + e for e in entries[:3])
open(f"{out}/tile/entry-bundle", "wb").write(bundle)
open(f"{out}/tile/hashes", "wb").write(b"".join(leaves[:16]))
PY
echo "seeds written to $out"
