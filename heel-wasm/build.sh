#!/usr/bin/env bash
# Builds the heel-wasm npm package into heel-wasm/pkg/, installing what is
# missing first (and skipping what is there):
#
#   - the wasm32-unknown-unknown Rust target;
#   - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in
#     Cargo.lock;
#   - the npm dev tools of heel-wasm/package.json (wasm-opt from `binaryen`,
#     TypeScript, playwright-core), with `npm ci`.
#
# Then: cargo build (release, wasm32), wasm-bindgen for browsers and bundlers
# (pkg/web, an ES module) and for Node (pkg/node, CommonJS), wasm-opt -Oz,
# and the package.json. Prints the .wasm size raw and gzipped, and fails
# above the size budget.
#
# Usage: heel-wasm/build.sh   (from any directory)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
pkg="$here/pkg"
name=heel
# The budget guards against a binding or dependency change that bloats the
# module. It holds everything in one module: the knowledge base (26
# conditions, 120 items, their likelihood ratios with review notes, the
# catalog texts and sources), `parse` (the free-text vocabulary, the reader
# and the Aho-Corasick automaton builder) and FHIR (Questionnaire, response
# reader, Bundle). Measured 318,383 bytes gzipped (310 KB) with everything
# merged on 2026-12-01 (the tape alone saved about 5 KB on its branch: 317,712
# -> 312,446 bytes): code about 188 KB and data 125 KB, gzipped section by
# section. Issue 10's target is 100 KB; what was tried
# (measured with this script's settings, before the tape):
#   - fat LTO instead of thin: 317,042 bytes, wasm-opt -Oz --converge:
#     317,290, -Os: 317,573 (the build settings are exhausted);
#   - a module without `parse` and FHIR (assess, nextQuestions, catalog):
#     165,052 bytes gzipped (code 87 KB, data 74 KB); `parse` alone adds
#     126 KB to that and FHIR alone 32 KB. Splitting the package would help
#     the page but not reach 100 KB by itself: the catalog's own text and the
#     &str tables of the knowledge base are most of the data.
# On 2026-12-01 (later) the free-text vocabulary grew by about 800 patterns
# and 50 word forms, and scoring gained its own exp tables: 329,683 bytes
# gzipped (322 KB); the budget moved from 316 KB to 324 KB with it.
# Later still, the fourth round of scoring work (a table-free vectorised exp,
# rows resolved when an answer is set) and about 90 more patterns: 332,427
# bytes gzipped (325 KB); the budget moved to 328 KB.
# On 2026-12-02 (perf5) heel-core moved from opt-level "z" to "s" and the
# binding (heel-wasm, where the tape writer and every document's serde code
# are compiled) to 3, everything else staying "z": 358,890 bytes gzipped
# (350 KB, +26.5 KB), for JS nextQuestions 330-336 -> 219-226 µs and assess
# (with the tape's field names sent once) 480-487 -> 263-265 µs, fastest
# batches of alternating runs (docs/performance.md). Measured per crate,
# each against all-"z" (332,872):
#   - heel-core "s": +23.3 KB gzipped, nextQuestions -40%;
#     heel-core 2: +38.7 KB, -44%; heel-core 3: +56.8 KB, -48%;
#   - heel-wasm 3: +3.4 KB, assess -25% (Vec::push, indexing and the tape's
#     helpers were calls at "z");
#   - wasm-opt -O3 instead of -Oz: +0.9 KB and assess -4% on the all-"z"
#     module, +1.7 KB and -2% on this one; -Os: -0.6 KB, no speed change.
# The budget moved to 352 KB.
# Merged with the same day's free-text round (about 140 phrases, the
# stiffness-length and short-answer rules): 362,645 bytes gzipped (354 KB,
# +3.7 KB); the budget moved to 356 KB.
# The next free-text round (the fifth narrative set's misses, read once it
# became development data: about 60 phrases, seven small word tables, the
# inner-ankle-bone aspect): 364,759 bytes gzipped (356.2 KB, +2.1 KB) before
# its last two commits; the budget moved to 360 KB. The round's later rules
# and tables (examination places, signs of other body parts, partners written
# about, past sports, about 60 more phrases) brought it to 368,780 bytes
# (360.1 KB), 140 bytes over, found by a fresh-clone CI run; the budget moved
# to 364 KB.
# The round of 2026-12-02 (later) that worked through the sixth and seventh
# sets' misses (about 200 phrases, a dozen small word tables, the plan,
# self-examination and pain-from-above rules) brought it from 367,960 to
# 373,694 bytes gzipped (364.9 KB, +5.6 KB), 958 bytes over, found by a
# fresh-clone CI run; the budget moved to 368 KB.
budget_gzip=$((368 * 1024))

step() { printf '\n==> %s\n' "$*"; }

ensure_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "installing the wasm32-unknown-unknown Rust target"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen CLI must match the wasm-bindgen crate exactly.
ensure_wasm_bindgen() {
  local want have
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
  if [ -z "$want" ]; then
    echo "build.sh: no wasm-bindgen in Cargo.lock" >&2
    exit 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
  if [ "$have" != "$want" ]; then
    step "installing wasm-bindgen-cli $want (found: ${have:-none}; takes about a minute)"
    # Not --locked: the CLI's own lockfile pins a crate the registry no longer serves.
    # --debug: an unoptimised build compiles in about a third of the time
    # (66 s against 222 s on a 2-core machine) and writes the same bytes;
    # it takes 0.5 s instead of 0.1 s per run on heel's module.
    cargo install wasm-bindgen-cli --version "$want" --no-default-features --force --debug
  fi
}

# npm ci when package-lock.json changed since the last install.
ensure_npm_tools() {
  local stamp="$here/node_modules/.heel-package-lock.json"
  if ! cmp -s "$here/package-lock.json" "$stamp"; then
    step "installing the npm dev tools (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund)
    cp "$here/package-lock.json" "$stamp"
  fi
}

size_line() {
  local file="$1" raw gz
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  printf '%-28s %7d bytes raw (%4d KB), %6d bytes gzipped (%3d KB)\n' \
    "${file#"$root"/}" "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
  LAST_GZIP=$gz
}

ensure_target
ensure_wasm_bindgen
ensure_npm_tools

step "cargo build --release --target wasm32-unknown-unknown -p heel-wasm"
cd "$root"
# Optimised for size ("z"): 10% smaller gzipped than the workspace's release
# profile; but heel-core for size with inlining ("s": at "z" its interview
# took about 6x its native time in wasm, small helpers left as calls) and the
# binding for speed (3), see the budget's comment above. Only the wasm32
# artifacts are affected (build scripts and proc macros keep their own
# settings), so native builds are not invalidated.
cargo build --release --locked --target wasm32-unknown-unknown -p heel-wasm \
  --config 'profile.release.opt-level="z"' \
  --config 'profile.release.package.heel-core.opt-level="s"' \
  --config 'profile.release.package.heel-wasm.opt-level=3'
# The version and the target directory (which CARGO_TARGET_DIR may move).
read -r version target_dir < <(cargo metadata --locked --no-deps --format-version 1 |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = JSON.parse(s);
    console.log(m.packages.find((p) => p.name === "heel-wasm").version, m.target_directory);
  })')
wasm="$target_dir/wasm32-unknown-unknown/release/heel_wasm.wasm"

step "wasm-bindgen: pkg/web (ES module for browsers and bundlers) and pkg/node (CommonJS)"
rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg/web" --out-name "$name" "$wasm"
wasm-bindgen --target nodejs --out-dir "$pkg/node" --out-name "$name" "$wasm"
# The Node build is CommonJS; say so, so that no "type": "module" above it applies.
printf '{\n  "type": "commonjs"\n}\n' >"$pkg/node/package.json"
# The binding's own JavaScript (src/*.js, ES modules) is copied into
# snippets/; the CommonJS glue require()s it, so turn each
# `export function f` into `exports.f = f; function f` (declarations are
# hoisted) and check that nothing else is exported.
while IFS= read -r -d '' snippet; do
  sed -i -E 's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' "$snippet"
  if grep -qE '^\s*(export|import)\b' "$snippet"; then
    echo "build.sh: $snippet has an export or import that build.sh cannot turn into CommonJS" >&2
    exit 1
  fi
done < <(find "$pkg/node/snippets" -name '*.js' -print0)

step "wasm-opt -Oz (both builds at once)"
# The features are those rustc enables by default for wasm32-unknown-unknown.
pids=()
for dir in web node; do
  "$here/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$pkg/$dir/${name}_bg.wasm" -o "$pkg/$dir/${name}_bg.wasm" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

step "package.json, README.md"
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(template, "utf8"));
  pkg.version = version;
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$here/npm/package.json" "$pkg/package.json" "$version"
cp "$here/npm/README.md" "$pkg/README.md"
echo "heel-wasm $version"

step "size"
for dir in web node; do
  size_line "$pkg/$dir/${name}_bg.wasm"
  if [ "$LAST_GZIP" -gt "$budget_gzip" ]; then
    echo "build.sh: pkg/$dir/${name}_bg.wasm is over the budget of $((budget_gzip / 1024)) KB gzipped" >&2
    exit 1
  fi
done
echo "built $pkg"
