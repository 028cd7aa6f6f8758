#!/usr/bin/env bash
# Guanxi test runner: installs test prerequisites, starts a throwaway PostgreSQL 15,
# builds once, runs each test suite and prints per-suite counts plus "N passed, N failed".
# Runs as root on Debian 12. With CI=true, a skipped test or an empty suite counts as a failure.
set -euo pipefail
cd "$(dirname "$0")"

SOLUTION=Guanxi.slnx
SUITES=(Guanxi.Domain.Tests Guanxi.Web.Tests Guanxi.Browser.Tests)
PG_BIN=/usr/lib/postgresql/15/bin
CI=${CI:-false}
SECONDS=0

log() { printf '\n==> %s\n' "$*"; }

# --- 1. System packages -------------------------------------------------------------
APT_UPDATED=false
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! $APT_UPDATED; then apt-get update -q; APT_UPDATED=true; fi
  apt-get install -y -q --no-install-recommends "$@"
}
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
[[ -x $PG_BIN/postgres ]] || missing+=(postgresql-15)
if ((${#missing[@]})); then log "Installing: ${missing[*]}"; apt_install "${missing[@]}"; fi

# --- 2. Throwaway PostgreSQL ---------------------------------------------------------
PG_DIR="" RESULTS=""
cleanup() {
  if [[ -n $PG_DIR && -d $PG_DIR ]]; then
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
  fi
  [[ -z $RESULTS ]] || rm -rf "$RESULTS"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  PG_DIR=$(mktemp -d /tmp/guanxi-pg.XXXXXX)
  mkdir -p "$PG_DIR/sock" && chown -R postgres:postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
    -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
  local attempt port
  for attempt in 1 2 3 4 5; do   # retry on a new random port if another process grabs it
    port=$((20000 + RANDOM % 30000))
    port_is_free "$port" || continue
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
      for _ in $(seq 1 30); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
          export GUANXI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
          echo "PostgreSQL 15 ready on 127.0.0.1:$port"
          return 0
        fi
        sleep 1
      done
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  cat "$PG_DIR/server.log" 2>/dev/null || true
  return 1
}

log "Starting throwaway PostgreSQL 15"
if ! start_postgres; then
  if [[ $CI == true ]]; then echo "ERROR: could not start PostgreSQL (required in CI)" >&2; exit 1; fi
  echo "WARNING: could not start PostgreSQL; GUANXI_TEST_POSTGRES is unset, PostgreSQL tests will not run against a real server" >&2
fi

# --- 3. Browser --------------------------------------------------------------------------
if [[ -x /usr/bin/chromium ]]; then export GUANXI_CHROMIUM=/usr/bin/chromium; fi

# --- 4. Build once -------------------------------------------------------------------------
log "Building $SOLUTION (Release, warnings as errors)"
if ! dotnet build "$SOLUTION" -c Release -warnaserror; then
  echo "BUILD FAILED" >&2
  printf '\nElapsed: %ss\n0 passed, 1 failed\n' "$SECONDS"
  exit 1
fi

# --- 5. Run each suite; counts come from the xUnit XML report (<assembly total= passed= ...>) ---
RESULTS=$(mktemp -d /tmp/guanxi-results.XXXXXX)
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
summary=() total_passed=0 total_failed=0
for suite in "${SUITES[@]}"; do
  log "Running $suite"
  rc=0
  dotnet test --project "tests/$suite" -c Release --no-build --no-progress --timeout 40m \
    --results-directory "$RESULTS" --report-xunit --report-xunit-filename "$suite.xml" || rc=$?
  head=$(grep -o '<assembly [^>]*>' "$RESULTS/$suite.xml" 2>/dev/null | head -n 1 || true)
  total=$(attr total "$head") passed=$(attr passed "$head") failed=$(attr failed "$head")
  skipped=$(attr skipped "$head") errors=$(attr errors "$head") notrun=$(attr not-run "$head")
  note=""
  if [[ -z $total || -z $passed || -z $failed || -z $skipped ]]; then
    total=0 passed=0 failed=1 skipped=0 note=" (no results: suite crashed or did not run, exit code $rc)"
  else
    failed=$((failed + ${errors:-0}))           # errors = fixture/cleanup failures
    skipped=$((skipped + ${notrun:-0}))          # not run (e.g. explicit tests) counts as skipped
    if ((rc != 0 && failed == 0 && total > 0)); then failed=1 note=" (exit code $rc)"; fi
    if ((total == 0)); then
      if [[ $CI == true ]]; then failed=1 note=" (no tests ran)"; else note=" (WARNING: no tests ran)"; fi
    fi
  fi
  summary+=("$suite: $passed passed, $failed failed, $skipped skipped$note")
  # name each failed test, so that the last lines of a CI log say which one failed
  while IFS= read -r name; do summary+=("  failed: $name"); done < <(
    grep -o '<test [^>]*result="Fail"' "$RESULTS/$suite.xml" 2>/dev/null | sed -n 's/.* name="\([^"]*\)".*/\1/p' | head -n 20 || true)
  if ((skipped > 0)) && [[ $CI == true ]]; then
    summary+=("  CI: $skipped skipped test(s) in $suite counted as failures")
    failed=$((failed + skipped))
  fi
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed))
done

# --- 6. Summary ------------------------------------------------------------------------------
log "Summary"
printf '%s\n' "${summary[@]}"
printf 'Elapsed: %ss\n' "$SECONDS"
printf '%s passed, %s failed\n' "$total_passed" "$total_failed"   # last line: the totals
((total_failed == 0))
