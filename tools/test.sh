#!/usr/bin/env bash
# Installs what is missing (tools/setup.sh test), then runs every test layer in order.
# A failing layer does not stop the later ones; the exit status is non-zero if any
# layer failed. Each layer's output is shown as it runs and kept in
# target/test-logs/<layer>.log. The last line is the totals: "N passed, N failed".
#
#   bash tools/test.sh                  # every layer
#   bash tools/test.sh native e2e       # only these layers (setup still runs)
#   bash tools/test.sh webkit           # everything in one engine: browser-webkit e2e-webkit
#
# Layers (in this order):
#   fmt              cargo fmt --all -- --check
#   clippy           cargo clippy, native (all targets, with the e2e suite) and wasm32
#                    (the crate, the examples and the browser suites)
#   native           cargo test: every native suite (model, converter, ...)
#   browser-chromium the wasm-bindgen-test suites (tests/browser*.rs) in headless Chromium
#   browser-firefox  the same in headless Firefox ESR
#   browser-webkit   the same in WebKitGTK (MiniBrowser on an Xvfb display this script starts)
#   build            trunk build --release into dist/, and with --public-url /talks/
#                    into target/dist-subpath/talks/
#   e2e-site         the e2e checks that need no browser (dist/ and the suite's server)
#   e2e-chromium     the e2e browser tests (tests/e2e.rs): dist/ served and driven in Chromium
#   e2e-firefox      the same in Firefox ESR
#   e2e-webkit       the same in WebKitGTK (the e2e harness starts its own Xvfb)
#   a11y             tests/a11y/run.mjs on dist/: axe-core audits, reflow, text spacing,
#                    keyboard walk, storage (headless Chromium via playwright-core)
# Groups: browser = browser-*, e2e = e2e-*, chromium|firefox|webkit = that engine's two
# layers. The browser suites and the e2e suite are compiled once, before their first layer
# (reported as steps, counted only if they fail), so an engine's time is its own.
#
# A missing browser, driver or Xvfb fails that engine's layers; nothing is skipped. The
# report names each engine with its version (the e2e tests check that the browser they
# drive reports that version) and sums each engine's counts and time.
#
# Counting: a test layer counts the tests that cargo / wasm-bindgen-test-runner report
# ("test result: ... N passed; M failed"), plus one failure if the command failed
# without reporting a failed test (e.g. it did not compile, or timed out). fmt, each
# clippy run and the build count as one check each.
#
# Flaky runs: a layer that drives a browser (browser-*, e2e-<engine>, a11y) and fails runs
# once more; passing then is counted as passed, marked FLAKY in the report and listed at
# its end with the first attempt's log (target/test-logs/<layer>-first-attempt.log);
# failing twice counts as failed. The two release builds get a second attempt the same
# way (reported FLAKY if only the second passes); no other layer does.
#
# Time bounds: every step runs under `timeout` (its own cap, e.g. 10 min for an engine's
# run), and the whole run, setup included, under TEST_TIME_BUDGET seconds (default 4800
# = 80 min): a step that would start past it is not run and counts as failed. Without a
# terminal on stdin (CI) a timed-out step's whole process group is killed (browsers and
# drivers too); with one, `timeout --foreground` keeps Ctrl-C working.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ENGINES=(chromium firefox webkit)
ALL_LAYERS=(fmt clippy native browser-chromium browser-firefox browser-webkit build
  e2e-site e2e-chromium e2e-firefox e2e-webkit a11y)
LAYERS=()
if (($# == 0)); then
  LAYERS=("${ALL_LAYERS[@]}")
fi
for arg in "$@"; do
  case "$arg" in
    browser) LAYERS+=(browser-chromium browser-firefox browser-webkit) ;;
    e2e) LAYERS+=(e2e-site e2e-chromium e2e-firefox e2e-webkit) ;;
    chromium | firefox | webkit) LAYERS+=("browser-$arg" "e2e-$arg") ;;
    *)
      if [[ " ${ALL_LAYERS[*]} " != *" $arg "* ]]; then
        echo "usage: tools/test.sh [LAYER|GROUP]..." >&2
        echo "  layers: ${ALL_LAYERS[*]}" >&2
        echo "  groups: browser e2e ${ENGINES[*]}" >&2
        exit 2
      fi
      LAYERS+=("$arg")
      ;;
  esac
done
wants() { [[ " ${LAYERS[*]} " == *" $1 "* ]]; }

LOG_DIR=target/test-logs
WEBDRIVER_DIR=target/test-webdriver
mkdir -p "$LOG_DIR" "$WEBDRIVER_DIR"

TIME_BUDGET=${TEST_TIME_BUDGET:-4800}
DEADLINE=$((SECONDS + TIME_BUDGET))

# --- the report ------------------------------------------------------------------------
R_NAME=() R_ENGINE=() R_PASSED=() R_FAILED=() R_SECS=() R_NOTE=() R_LOG=()
FLAKY=() # browser layers that passed only on their second attempt (run_browser_step)
TOTAL_PASSED=0
TOTAL_FAILED=0
ANY_FAILED=0

# record NAME ENGINE PASSED FAILED SECONDS [NOTE]   (ENGINE: chromium|firefox|webkit or "")
# The step's log is RECORD_LOG (set by run_step; empty for a step that did not run).
record() {
  R_NAME+=("$1") R_ENGINE+=("$2") R_PASSED+=("$3") R_FAILED+=("$4") R_SECS+=("$5")
  R_NOTE+=("${6:-}") R_LOG+=("${RECORD_LOG:-}")
  TOTAL_PASSED=$((TOTAL_PASSED + $3))
  TOTAL_FAILED=$((TOTAL_FAILED + $4))
  (($4 == 0)) || ANY_FAILED=1
}

# record_not_run NAME ENGINE WHY: a layer that could not run counts as one failure.
record_not_run() {
  printf '\n==== [%s] not run: %s\n' "$1" "$3"
  RECORD_LOG="" record "$1" "$2" 0 1 0 "not run: $3"
}

print_report() {
  printf '\n==== test report\n'
  printf '  %-26s %-26s %-7s %s\n' layer engine result "passed, failed, time"
  local i verdict line
  for i in "${!R_NAME[@]}"; do
    verdict=ok
    ((R_FAILED[i] == 0)) || verdict=FAILED
    line="$(printf '  %-26s %-26s %-7s %4d passed, %3d failed %5ds  %s' "${R_NAME[$i]}" \
      "$(engine_title "${R_ENGINE[$i]}")" "$verdict" "${R_PASSED[$i]}" "${R_FAILED[$i]}" \
      "${R_SECS[$i]}" "${R_NOTE[$i]}")"
    printf '%s\n' "${line%"${line##*[! ]}"}"
  done
  local engine layers passed failed secs printed=0
  for engine in "${ENGINES[@]}"; do
    layers=0 passed=0 failed=0 secs=0
    for i in "${!R_NAME[@]}"; do
      [[ "${R_ENGINE[$i]}" == "$engine" ]] || continue
      layers=$((layers + 1)) passed=$((passed + R_PASSED[i]))
      failed=$((failed + R_FAILED[i])) secs=$((secs + R_SECS[i]))
    done
    ((layers > 0)) || continue
    ((printed)) || printf '==== per engine\n'
    printed=1
    printf '  %-26s %d layer(s) %4d passed, %3d failed %5ds\n' "$(engine_title "$engine")" \
      "$layers" "$passed" "$failed" "$secs"
  done
  if ((${#FLAKY[@]} > 0)); then
    printf '==== flaky: passed only on the second attempt (counted as passed)\n'
    printf '  %s\n' "${FLAKY[@]}"
  fi
  # Why each failed layer failed, in the report itself: a CI page that shows only the
  # end of the output still shows the cause.
  for i in "${!R_NAME[@]}"; do
    ((R_FAILED[i] > 0)) && [[ -s "${R_LOG[$i]}" ]] || continue
    printf '==== %s failed: the last lines of %s (without backtraces)\n' "${R_NAME[$i]}" "${R_LOG[$i]}"
    log_tail "${R_LOG[$i]}" 12 | sed 's/^/  | /'
  done
  printf '==== total time %ds\n' "$SECONDS"
  printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
}

# log_tail LOG N: the last N lines of LOG that say something: colour codes, blank lines
# and backtrace frames left out, each cut to 200 characters.
log_tail() {
  sed 's/\x1b\[[0-9;]*m//g; s/\x1b(B//g' "$1" | grep -Ev '^[[:space:]]*$|^ *[0-9]+: |^ +at ' |
    tail -n "$2" | cut -c1-200
}

# --- running a step --------------------------------------------------------------------
# run_step KIND NAME ENGINE LOGNAME CAP COMMAND...
#   KIND is "tests", "check" or "setup" (a setup step counts only when it fails); CAP is
#   the step's time limit in seconds (cut to what is left of TEST_TIME_BUDGET).
# Sets LAST_RC (0 = ok; 124/137 = timed out; -1 = not run).
run_step() {
  local kind=$1 name=$2 engine=$3 logname=$4 cap=$5
  shift 5
  local log="$LOG_DIR/$logname.log" start=$SECONDS remaining=$((DEADLINE - SECONDS))
  if ((remaining < 30)); then
    record_not_run "$name" "$engine" "the time budget (TEST_TIME_BUDGET=${TIME_BUDGET}s) is used up"
    LAST_RC=-1
    return
  fi
  local limit=$((cap < remaining ? cap : remaining))
  local bound=(timeout --kill-after=15 "$limit")
  [[ ! -t 0 ]] || bound=(timeout --foreground --kill-after=15 "$limit")
  printf '\n==== [%s] %s\n' "$name" "$*"
  set +e
  "${bound[@]}" "$@" 2>&1 | tee "$log"
  LAST_RC=${PIPESTATUS[0]}
  set -e
  local secs=$((SECONDS - start)) passed=0 failed=0 note=""
  if ((LAST_RC == 124 || LAST_RC == 137)); then
    note="timed out after ${limit}s (see $log)"
  fi
  if [[ "$kind" == tests ]]; then
    # "test result: ok. 12 passed; 0 failed; 0 ignored; ..." (ANSI colours stripped)
    local counts
    counts="$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
      sed -n 's/^test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p')"
    # Other runners (the Node audits): "N passed, N failed" alone on the last such line.
    if [[ -z "$counts" ]]; then
      counts="$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
        sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' | tail -n 1)"
    fi
    local p f
    while read -r p f; do
      [[ -n "$p" ]] || continue
      passed=$((passed + p))
      failed=$((failed + f))
    done <<<"$counts"
    if ((LAST_RC != 0 && failed == 0)); then
      failed=1
      note=${note:-"exit $LAST_RC before any test failed (see $log)"}
    elif [[ -z "$counts" ]]; then
      note="ran no test"
    fi
  elif ((LAST_RC == 0)); then
    [[ "$kind" == setup ]] || passed=1
  else
    failed=1
    note=${note:-"exit $LAST_RC (see $log)"}
  fi
  printf '==== [%s] exit %d, %d passed, %d failed, %ds\n' "$name" "$LAST_RC" "$passed" "$failed" "$secs"
  LAST_PASSED=$passed LAST_FAILED=$failed LAST_SECS=$secs LAST_NOTE=$note
  RECORD_LOG=$log
  ((${DEFER_RECORD:-0})) || record "$name" "$engine" "$passed" "$failed" "$secs" "$note"
}

# run_browser_step NAME ENGINE LOGNAME CAP COMMAND...
#   A test layer that drives a real browser. If it fails, it runs once more, to tell a
#   flaky run from a failure: passing the second time is reported as FLAKY (both logs
#   kept, the first as LOGNAME-first-attempt.log, and listed at the end of the report);
#   failing twice is a failure. Only layers that drive browsers get a second attempt.
#   When COMMAND runs several test binaries (`--test NAME` ...), the second attempt runs
#   only those that failed (cargo's "to rerun pass `--test NAME`"), and the counts are
#   the first attempt's for the others plus the second's.
run_browser_step() {
  local name=$1 engine=$2 logname=$3 cap=$4
  shift 4
  rm -f "$LOG_DIR/$logname-first-attempt.log"
  DEFER_RECORD=1 run_step tests "$name" "$engine" "$logname" "$cap" "$@"
  if ((LAST_RC == -1 || (LAST_RC == 0 && LAST_FAILED == 0))); then
    ((LAST_RC == -1)) || record "$name" "$engine" "$LAST_PASSED" 0 "$LAST_SECS" "$LAST_NOTE"
    return
  fi
  local first="$LOG_DIR/$logname-first-attempt.log"
  local first_counts="$LAST_PASSED passed, $LAST_FAILED failed" first_secs=$LAST_SECS
  local first_rc=$LAST_RC
  mv "$LOG_DIR/$logname.log" "$first"
  printf '\n==== [%s] failed (%s); what failed:\n' "$name" "$first_counts"
  sed 's/\x1b\[[0-9;]*m//g' "$first" | grep -E -- 'FAIL|✗|not ok|^test .* FAILED|panicked at|timed out|Failed to detect|to rerun pass' |
    head -n 20 || true
  # The test binaries that failed, when the run finished (not cut off by its time limit).
  local -A failed_suites=()
  local suite
  if ((first_rc != 124 && first_rc != 137)); then
    for suite in $(sed -n 's/.*to rerun pass `--test \([A-Za-z0-9_]*\)`.*/\1/p' "$first"); do
      failed_suites[$suite]=1
    done
  fi
  local cmd=() kept=0 i
  local args=("$@")
  if ((${#failed_suites[@]} > 0)); then
    for ((i = 0; i < ${#args[@]}; i++)); do
      if [[ "${args[i]}" == --test ]]; then
        if [[ -n "${failed_suites[${args[i + 1]}]:-}" ]]; then
          cmd+=(--test "${args[i + 1]}")
        fi
        i=$((i + 1))
      else
        cmd+=("${args[i]}")
      fi
    done
    # What the other binaries passed the first time.
    local p f
    while read -r suite p f; do
      [[ -n "$suite" && -z "${failed_suites[$suite]:-}" ]] && kept=$((kept + p))
    done < <(suite_counts "$first")
    printf '==== [%s] running the failed test binaries once more (%s), to tell a flaky run from a failure\n' \
      "$name" "${!failed_suites[*]}"
  else
    cmd=("$@")
    printf '==== [%s] running it once more, to tell a flaky run from a failure\n' "$name"
  fi
  DEFER_RECORD=1 run_step tests "$name, second attempt" "$engine" "$logname" "$cap" "${cmd[@]}"
  local secs=$((first_secs + LAST_SECS)) passed=$((kept + LAST_PASSED))
  if ((LAST_RC == 0 && LAST_FAILED == 0)); then
    record "$name" "$engine" "$passed" 0 "$secs" \
      "FLAKY: passed on the second attempt; the first: $first_counts (see $first)"
    FLAKY+=("$name: first attempt $first_counts, see $first")
  else
    record "$name" "$engine" "$passed" "$LAST_FAILED" "$secs" \
      "failed twice (first attempt: $first_counts, see $first)${LAST_NOTE:+; $LAST_NOTE}"
  fi
}

# run_build_step NAME LOGNAME CAP COMMAND...
#   A build (a check). It is deterministic, but it reads and writes much of the disk and
#   runs hooks: when it fails, its last lines are shown and it runs once more, so that a
#   passing second attempt is reported as FLAKY (first log kept) rather than stopping
#   every end-to-end layer; failing twice is a failure.
run_build_step() {
  local name=$1 logname=$2 cap=$3
  shift 3
  rm -f "$LOG_DIR/$logname-first-attempt.log"
  DEFER_RECORD=1 run_step check "$name" "" "$logname" "$cap" "$@"
  if ((LAST_RC == -1 || LAST_RC == 0)); then
    ((LAST_RC == -1)) || record "$name" "" 1 0 "$LAST_SECS"
    return
  fi
  local first="$LOG_DIR/$logname-first-attempt.log" first_secs=$LAST_SECS first_rc=$LAST_RC
  mv "$LOG_DIR/$logname.log" "$first"
  printf '\n==== [%s] failed (exit %d); its last lines:\n' "$name" "$first_rc"
  log_tail "$first" 15
  printf '==== [%s] running it once more, to tell a flaky run from a failure\n' "$name"
  DEFER_RECORD=1 run_step check "$name, second attempt" "" "$logname" "$cap" "$@"
  local secs=$((first_secs + LAST_SECS))
  if ((LAST_RC == 0)); then
    record "$name" "" 1 0 "$secs" \
      "FLAKY: passed on the second attempt; the first: exit $first_rc (see $first)"
    FLAKY+=("$name: first attempt exit $first_rc, see $first")
  elif ((LAST_RC != -1)); then
    record "$name" "" 0 1 "$secs" \
      "failed twice (first attempt: exit $first_rc, see $first)${LAST_NOTE:+; $LAST_NOTE}"
  fi
}

# suite_counts LOG: "NAME PASSED FAILED" for each test binary (tests/NAME.rs) whose
# result line is in LOG.
suite_counts() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    /Running tests\/[A-Za-z0-9_]+\.rs/ {
      match($0, /tests\/[A-Za-z0-9_]+\.rs/); cur = substr($0, RSTART + 6, RLENGTH - 9)
    }
    /^test result: / {
      if (match($0, /[0-9]+ passed; [0-9]+ failed/)) {
        split(substr($0, RSTART, RLENGTH), a, /[ ;]+/); print cur, a[1], a[3]
      }
    }'
}

# --- engines ---------------------------------------------------------------------------
# Versions are read once, after setup: the browser binaries' own --version, and for
# WebKit the Debian package of the engine library (MiniBrowser has no --version).
declare -A ENGINE_VERSION=()
declare -A ENGINE_MISSING=()

engine_label() {
  case "$1" in
    chromium) echo Chromium ;;
    firefox) echo "Firefox ESR" ;;
    webkit) echo WebKitGTK ;;
  esac
}

# "Chromium 156.0.8078.73", "" for a step that is not an engine's.
engine_title() {
  [[ -n "$1" ]] || return 0
  echo "$(engine_label "$1") ${ENGINE_VERSION[$1]:-(missing)}"
}

# Fills ENGINE_VERSION[ENGINE], or ENGINE_MISSING[ENGINE] with what is not installed.
probe_engine() {
  local engine=$1 version="" missing=()
  case "$engine" in
    chromium)
      # (Debian's chromium wrapper script prints a harmless shell error on stderr.)
      version="$(chromium --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p')" || true
      [[ -x /usr/bin/chromedriver ]] || missing+=(/usr/bin/chromedriver)
      [[ -n "$version" ]] || missing+=(chromium)
      ;;
    firefox)
      version="$(/usr/bin/firefox-esr --version 2>/dev/null |
        sed -n 's/^Mozilla Firefox \([0-9.]*\)esr.*/\1/p')" || true
      command -v geckodriver >/dev/null || missing+=(geckodriver)
      [[ -n "$version" ]] || missing+=(/usr/bin/firefox-esr)
      ;;
    webkit)
      version="$(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null |
        sed 's/-[^-]*$//')" || true
      [[ -x /usr/bin/WebKitWebDriver ]] || missing+=(/usr/bin/WebKitWebDriver)
      command -v Xvfb >/dev/null || missing+=(Xvfb)
      [[ -n "$version" ]] || missing+=(libwebkit2gtk-4.1-0)
      ;;
  esac
  ENGINE_VERSION[$engine]=$version
  if ((${#missing[@]})); then
    ENGINE_MISSING[$engine]="${missing[*]} missing (tools/setup.sh test installs it)"
  fi
}

# The X display for the WebKit browser suites (wasm-bindgen-test-runner cannot start one):
# an Xvfb on a display number it picks itself (-displayfd), stopped when this script ends.
XVFB_PID=""
XVFB_DISPLAY=""
stop_xvfb() {
  if [[ -n "$XVFB_PID" ]]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  fi
}
trap stop_xvfb EXIT
start_xvfb() {
  [[ -z "$XVFB_DISPLAY" ]] || return 0
  local number_file="$WEBDRIVER_DIR/xvfb-display" i
  : >"$number_file"
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp \
    3>"$number_file" </dev/null >"$LOG_DIR/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for ((i = 0; i < 100; i++)); do
    if grep -qx '[0-9][0-9]*' "$number_file"; then
      XVFB_DISPLAY=":$(head -n 1 "$number_file")"
      printf '\n==== Xvfb on display %s (pid %d)\n' "$XVFB_DISPLAY" "$XVFB_PID"
      return 0
    fi
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  stop_xvfb
  return 1
}

# Exactly one driver variable for wasm-bindgen-test-runner (it would take the first it
# finds, *_REMOTE first), headless unless told otherwise, X11 (not Wayland) for WebKit.
RUNNER_CLEAN_ENV=(-u NO_HEADLESS -u WASM_BINDGEN_TEST_ADDRESS -u WAYLAND_DISPLAY)
for driver_var in CHROMEDRIVER GECKODRIVER SAFARIDRIVER MSEDGEDRIVER; do
  RUNNER_CLEAN_ENV+=(-u "$driver_var" -u "${driver_var}_REMOTE" -u "${driver_var}_ARGS")
done

# The environment for wasm-bindgen-test-runner in ENGINE, into RUNNER_ENV. Each engine
# gets its own capabilities file (so a stray ./webdriver.json never applies).
runner_env() {
  local engine=$1 caps="$WEBDRIVER_DIR/webdriver-$1.json"
  RUNNER_ENV=("${RUNNER_CLEAN_ENV[@]}" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$caps"
    WASM_BINDGEN_TEST_TIMEOUT=120)
  case "$engine" in
    # Playback without a trusted user gesture (tests/browser_media.rs).
    chromium)
      echo '{"goog:chromeOptions": {"args": ["--autoplay-policy=no-user-gesture-required"]}}' >"$caps"
      RUNNER_ENV+=(CHROMEDRIVER=/usr/bin/chromedriver)
      ;;
    firefox)
      echo '{"moz:firefoxOptions": {"binary": "/usr/bin/firefox-esr",
        "prefs": {"media.autoplay.default": 0}}}' >"$caps"
      RUNNER_ENV+=(GECKODRIVER="$(command -v geckodriver)")
      ;;
    webkit)
      # wasm-bindgen-test-runner 0.2.130 sends safaridriver empty capabilities (it does
      # not read this file for it); WebKitWebDriver then starts its default browser,
      # MiniBrowser --automation, which is what this asks for.
      echo '{"webkitgtk:browserOptions": {"args": ["--automation"]}}' >"$caps"
      RUNNER_ENV+=(SAFARIDRIVER=/usr/bin/WebKitWebDriver
        DISPLAY="$XVFB_DISPLAY" GDK_BACKEND=x11)
      ;;
  esac
}

# --- setup -----------------------------------------------------------------------------
# Setup is reported but not counted as a check, unless it fails (then nothing else runs).
run_step setup "setup" "" setup 2700 bash tools/setup.sh test
if ((LAST_RC != 0)); then
  print_report
  exit 1
fi
# PATH (~/.cargo/bin, tools/node_modules/.bin) and TRUNK_SKIP_VERSION_CHECK, no installs.
source tools/setup.sh env

for engine in "${ENGINES[@]}"; do
  if wants "browser-$engine" || wants "e2e-$engine" || { [[ "$engine" == chromium ]] && wants a11y; }; then
    probe_engine "$engine"
  fi
done

WASM=(--target wasm32-unknown-unknown)
# Every browser suite: tests/browser*.rs, as `--test NAME` arguments.
BROWSER_SUITES=()
for suite in tests/browser*.rs; do
  BROWSER_SUITES+=(--test "$(basename "$suite" .rs)")
done
E2E=(--features e2e --test e2e)

# --- static checks ---------------------------------------------------------------------
if wants fmt; then
  run_step check "fmt" "" fmt 300 cargo fmt --all -- --check
fi
if wants clippy; then
  run_step check "clippy (native)" "" clippy-native 1500 \
    cargo clippy --all-targets --features e2e -- -D warnings
  # The code that runs in wasm32: the crate and the browser suites (the native suites
  # are linted natively; some use native-only dev-dependencies such as proptest).
  run_step check "clippy (wasm32)" "" clippy-wasm32 1500 \
    cargo clippy "${WASM[@]}" --lib --bins --examples "${BROWSER_SUITES[@]}" -- -D warnings
  # The archive search's Wasm module (crates/archive-search), natively and in wasm32.
  run_step check "clippy (archive-search)" "" clippy-archive-search 900 \
    cargo clippy -p archive-search --all-targets -- -D warnings
  run_step check "clippy (archive-search, wasm32)" "" clippy-archive-search-wasm32 900 \
    cargo clippy -p archive-search --lib "${WASM[@]}" -- -D warnings
fi

# --- native suites ---------------------------------------------------------------------
if wants native; then
  run_step tests "native tests" "" native 1500 cargo test --workspace --no-fail-fast
fi

# --- browser suites (wasm-bindgen-test), once per engine -------------------------------
BROWSER_BUILT=0
for engine in "${ENGINES[@]}"; do
  wants "browser-$engine" || continue
  name="browser ($(engine_label "$engine"))"
  if ((BROWSER_BUILT == 0)); then
    run_step setup "browser suites: compile" "" browser-compile 1500 \
      cargo test "${WASM[@]}" "${BROWSER_SUITES[@]}" --no-run
    BROWSER_BUILT=$((LAST_RC == 0 ? 1 : -1))
  fi
  if ((BROWSER_BUILT < 0)); then
    record_not_run "$name" "$engine" "the browser suites did not compile"
    continue
  fi
  if [[ -n "${ENGINE_MISSING[$engine]:-}" ]]; then
    record_not_run "$name" "$engine" "${ENGINE_MISSING[$engine]}"
    continue
  fi
  if [[ "$engine" == webkit ]] && ! start_xvfb; then
    record_not_run "$name" "$engine" "Xvfb did not start (see $LOG_DIR/xvfb.log)"
    continue
  fi
  runner_env "$engine"
  run_browser_step "$name" "$engine" "browser-$engine" 600 \
    env "${RUNNER_ENV[@]}" cargo test --no-fail-fast "${WASM[@]}" "${BROWSER_SUITES[@]}"
done
stop_xvfb

# --- release build + end-to-end --------------------------------------------------------
BUILD_OK=1
if wants build; then
  run_build_step "trunk build --release" build 1500 trunk build --release
  ((LAST_RC == 0)) || BUILD_OK=0
  # The same site for a sub-path, served by the e2e suite from target/dist-subpath as
  # http://…/talks/ (tests/e2e.rs, the_site_works_under_a_sub_path).
  run_build_step "trunk build (/talks/)" build-subpath 1500 \
    trunk build --release --public-url /talks/ --dist target/dist-subpath/talks
  ((LAST_RC == 0)) || BUILD_OK=0
fi
E2E_BUILT=0
for layer in e2e-site e2e-chromium e2e-firefox e2e-webkit; do
  wants "$layer" || continue
  engine=${layer#e2e-}
  if [[ "$engine" == site ]]; then
    engine="" name="e2e (site: dist/, server)"
  else
    name="e2e ($(engine_label "$engine"))"
  fi
  if ((BUILD_OK == 0)); then
    record_not_run "$name" "$engine" "the release build failed"
    continue
  fi
  if ((E2E_BUILT == 0)); then
    run_step setup "e2e suite: compile" "" e2e-compile 1200 cargo test "${E2E[@]}" --no-run
    E2E_BUILT=$((LAST_RC == 0 ? 1 : -1))
  fi
  if ((E2E_BUILT < 0)); then
    record_not_run "$name" "$engine" "the e2e suite did not compile"
    continue
  fi
  if [[ -z "$engine" ]]; then
    run_step tests "$name" "" e2e-site 300 cargo test "${E2E[@]}" -- site::
    continue
  fi
  if [[ -n "${ENGINE_MISSING[$engine]:-}" ]]; then
    record_not_run "$name" "$engine" "${ENGINE_MISSING[$engine]}"
    continue
  fi
  # Every test outside `site::` runs in E2E_BROWSER. WebKit: no DISPLAY, so the harness
  # starts a private Xvfb per driver (the same in CI and on a desktop).
  run_browser_step "$name" "$engine" "e2e-$engine" 600 \
    env -u DISPLAY -u WAYLAND_DISPLAY E2E_BROWSER="$engine" \
    E2E_EXPECT_BROWSER_VERSION="${ENGINE_VERSION[$engine]}" \
    cargo test --no-fail-fast "${E2E[@]}" -- --skip site::
done

# --- accessibility audits (Chromium only: axe-core through playwright-core) -----------
if wants a11y; then
  if ((BUILD_OK == 0)); then
    record_not_run "a11y audits (axe-core, Chromium)" chromium "the release build failed"
  else
    run_browser_step "a11y audits (axe-core, Chromium)" chromium a11y 900 \
      node tests/a11y/run.mjs dist
  fi
fi

print_report
exit "$ANY_FAILED"
