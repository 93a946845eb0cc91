#!/usr/bin/env bash
# Installs what building, serving and testing the viewer needs, skipping whatever is
# already there at the right version. Safe to run again and again.
#
#   bash tools/setup.sh [serve|test]      # run it (default: test)
#   source tools/setup.sh serve           # from another script: also exports PATH
#   source tools/setup.sh env             # only export PATH etc., install nothing
#
# Parts:
#   serve  the wasm32 target, wasm-bindgen-cli 0.2.130 (matches the crate's pin),
#          trunk 0.21.14, binaryen 132 (wasm-opt, from npm into tools/node_modules),
#          rustfmt + clippy, and `cargo fetch` (trunk builds offline, see Trunk.toml).
#   test   serve + the three browser engines the tests run in: Chromium and
#          chromedriver, Firefox ESR and geckodriver, WebKitGTK (MiniBrowser) and
#          WebKitWebDriver, and Xvfb (MiniBrowser has no headless mode). Each is checked
#          after installing: a missing or broken engine is an error.
#
# Preconditions (not installed here): Debian, root (or sudo-less apt), Rust via rustup,
# Node 20 with npm. Needs only crates.io, the npm registry and Debian's packages.

# Pinned versions. wasm-bindgen must equal the `=0.2.130` pin in Cargo.toml; trunk reads
# the same versions from Trunk.toml's [tools] and must find them on PATH (it would try
# to download them from GitHub otherwise, which fails here).
WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
GECKODRIVER_VERSION=0.37.1
APT_PACKAGES_TEST=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb)

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
fi

TV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TV_BINARYEN_BIN="$TV_ROOT/tools/node_modules/.bin"

setup_log() { printf 'setup: %s\n' "$*"; }

# Runs "$@" and prints how long it took.
setup_timed() {
  local start=$SECONDS
  "$@"
  setup_log "  done in $((SECONDS - start)) s: $*"
}

setup_path() {
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
  case ":$PATH:" in *":$TV_BINARYEN_BIN:"*) ;; *) PATH="$TV_BINARYEN_BIN:$PATH" ;; esac
  export PATH
  # trunk would otherwise ask GitHub for its latest version on every run.
  export TRUNK_SKIP_VERSION_CHECK=true
  setup_wasm_rustflags
}

# The Wasm's panic locations name each crate's file as `yew-0.23.0/src/…`, not with this
# machine's registry path before it (33 paths of 59 bytes in the release Wasm): the same
# Wasm whoever builds it, and 1.3 KB smaller. Only for wasm32 (the native tools keep their
# paths) and only where the caller has not set the variable, or RUSTFLAGS, which wins.
setup_wasm_rustflags() {
  [[ -z "${TV_WASM_RUSTFLAGS_SET:-}" && -n "${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-}" ]] && return 0
  local dir flags=()
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [[ -d "$dir" && "$dir" != *" "* ]] && flags+=("--remap-path-prefix=$dir=")
  done
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags[*]}" TV_WASM_RUSTFLAGS_SET=1
}

# First line of `CMD --version`, or nothing if CMD is missing or fails.
setup_version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  local out
  out="$("$@" --version 2>/dev/null)" || true
  printf '%s\n' "${out%%$'\n'*}"
}

# setup_expect CMD PATTERN: fails unless CMD's version line matches PATTERN (a glob),
# to catch an install that did not give the version we asked for.
setup_expect() {
  local have
  have="$(setup_version_of "$1")"
  # shellcheck disable=SC2053 # $2 is a glob on purpose
  if [[ "$have" != $2 ]]; then
    setup_log "ERROR: after installing, \`$1 --version\` says '${have:-nothing}', expected '$2'"
    return 1
  fi
  setup_log "installed: $have"
}

setup_rust() {
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    setup_log "ERROR: cargo/rustup not found. Install Rust with rustup first (https://rustup.rs)."
    return 1
  fi
  local installed
  installed="$(rustup component list --installed 2>/dev/null || true)"
  local component
  for component in rustfmt clippy; do
    if ! grep -q "^$component" <<<"$installed"; then
      setup_log "installing rustup component $component"
      setup_timed rustup component add "$component"
    fi
  done
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    setup_log "installing rustup target wasm32-unknown-unknown"
    setup_timed rustup target add wasm32-unknown-unknown
  else
    setup_log "ok: rust target wasm32-unknown-unknown"
  fi
}

setup_wasm_bindgen() {
  local have runner
  have="$(setup_version_of wasm-bindgen)"
  runner="$(setup_version_of wasm-bindgen-test-runner)"
  if [[ "$have" == "wasm-bindgen $WASM_BINDGEN_VERSION" && "$runner" == *" $WASM_BINDGEN_VERSION" ]]; then
    setup_log "ok: $have (and wasm-bindgen-test-runner)"
    return 0
  fi
  setup_log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (found: ${have:-none})"
  # Not --locked: the crate's own lock file names a yanked crate.
  setup_timed cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  setup_expect wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"
  setup_expect wasm-bindgen-test-runner "* $WASM_BINDGEN_VERSION"
}

setup_trunk() {
  local have
  have="$(setup_version_of trunk)"
  if [[ "$have" == "trunk $TRUNK_VERSION" ]]; then
    setup_log "ok: $have"
    return 0
  fi
  setup_log "installing trunk $TRUNK_VERSION (found: ${have:-none}); takes ~10 min on 2 cores"
  setup_timed cargo install trunk --version "$TRUNK_VERSION" --locked --force
  setup_expect trunk "trunk $TRUNK_VERSION"
}

setup_binaryen() {
  local have
  have="$(setup_version_of "$TV_BINARYEN_BIN/wasm-opt")"
  if [[ "$have" == "wasm-opt version $BINARYEN_VERSION "* ]]; then
    setup_log "ok: $have ($TV_BINARYEN_BIN)"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    setup_log "ERROR: npm not found. Install Node.js 20 with npm first."
    return 1
  fi
  # Debian's binaryen and crates.io's wasm-opt cannot read current Rust output;
  # binaryen from npm can. tools/package-lock.json pins it.
  setup_log "installing binaryen $BINARYEN_VERSION from npm into tools/node_modules (found: ${have:-none})"
  setup_timed npm ci --prefix "$TV_ROOT/tools" --no-audit --no-fund --loglevel=error
  setup_expect "$TV_BINARYEN_BIN/wasm-opt" "wasm-opt version $BINARYEN_VERSION *"
}

setup_cargo_fetch() {
  # trunk builds with --offline (Trunk.toml), so every crate must be downloaded first,
  # for both targets.
  setup_log "cargo fetch"
  (cd "$TV_ROOT" && setup_timed cargo fetch --quiet)
}

setup_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    setup_log "ok: Debian packages $*"
    return 0
  fi
  local sudo=()
  if ((EUID != 0)); then sudo=(sudo); fi
  setup_log "installing Debian packages ${missing[*]}"
  setup_timed "${sudo[@]}" apt-get update -qq
  setup_timed "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

setup_geckodriver() {
  local have
  have="$(setup_version_of geckodriver)"
  if [[ "$have" == "geckodriver $GECKODRIVER_VERSION"* ]]; then
    setup_log "ok: $have"
    return 0
  fi
  setup_log "installing geckodriver $GECKODRIVER_VERSION (found: ${have:-none})"
  setup_timed cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  setup_expect geckodriver "geckodriver $GECKODRIVER_VERSION*"
}

# Checks that each engine the tests run in is there and says its version; chromedriver
# must be the same version as Chromium.
setup_check_engines() {
  local chromium chromedriver firefox webkit missing=()
  # (Debian's chromium wrapper script prints a harmless shell error on stderr.)
  chromium="$(chromium --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p')" || true
  chromedriver="$(chromedriver --version 2>/dev/null |
    sed -n 's/^ChromeDriver \([0-9.]*\).*/\1/p')" || true
  firefox="$(firefox-esr --version 2>/dev/null | sed -n 's/^Mozilla Firefox //p')" || true
  webkit="$(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)" || true
  [[ -n "$chromium" ]] || missing+=("chromium (\`chromium --version\`)")
  [[ -n "$chromedriver" ]] || missing+=("chromedriver (\`chromedriver --version\`)")
  [[ -n "$firefox" ]] || missing+=("firefox-esr (\`firefox-esr --version\`)")
  command -v geckodriver >/dev/null 2>&1 || missing+=(geckodriver)
  [[ -n "$webkit" ]] || missing+=("libwebkit2gtk-4.1-0 (MiniBrowser)")
  [[ -x /usr/bin/WebKitWebDriver ]] || missing+=(/usr/bin/WebKitWebDriver)
  command -v Xvfb >/dev/null 2>&1 || missing+=(Xvfb)
  if ((${#missing[@]})); then
    setup_log "ERROR: browser engines incomplete, missing: ${missing[*]}"
    return 1
  fi
  if [[ "$chromium" != "$chromedriver" ]]; then
    setup_log "ERROR: chromedriver $chromedriver does not match Chromium $chromium"
    return 1
  fi
  setup_log "ok: engines: Chromium $chromium (chromedriver), Firefox $firefox (geckodriver)," \
    "WebKitGTK $webkit (WebKitWebDriver, MiniBrowser), Xvfb"
}

setup_serve() {
  setup_path
  setup_rust
  setup_wasm_bindgen
  setup_trunk
  setup_binaryen
  setup_cargo_fetch
  # The registry's folders exist once `cargo fetch` has run.
  setup_wasm_rustflags
}

setup_a11y() {
  # axe-core and playwright-core for tests/a11y (pinned by its package-lock.json); no
  # browser download: the suite drives Debian's Chromium.
  local dir="$TV_ROOT/tests/a11y"
  if grep -qs '"version": "4.14.1"' "$dir/node_modules/axe-core/package.json" &&
    grep -qs '"version": "1.65.1"' "$dir/node_modules/playwright-core/package.json"; then
    setup_log "ok: axe-core 4.14.1, playwright-core 1.65.1 (tests/a11y/node_modules)"
    return 0
  fi
  setup_log "installing axe-core and playwright-core from npm into tests/a11y/node_modules"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 setup_timed npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
}

setup_test() {
  setup_serve
  setup_apt "${APT_PACKAGES_TEST[@]}"
  setup_geckodriver
  setup_a11y
  setup_check_engines
}

setup_main() {
  local part="${1:-test}" start=$SECONDS
  case "$part" in
    env)
      setup_path
      return 0
      ;;
    serve) setup_serve ;;
    test) setup_test ;;
    *)
      setup_log "usage: tools/setup.sh [serve|test|env]"
      return 2
      ;;
  esac
  setup_log "ready ($part) in $((SECONDS - start)) s"
  setup_log "PATH additions: $TV_BINARYEN_BIN:$HOME/.cargo/bin"
  setup_log "  export PATH=\"$TV_BINARYEN_BIN:\$HOME/.cargo/bin:\$PATH\" TRUNK_SKIP_VERSION_CHECK=true"
}

setup_main "$@"
