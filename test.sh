#!/usr/bin/env bash
# Runs every test DiagBot has (or, with --fast, those that need no external process and are not slow by nature). Installs what the tests need first
# (idempotent), then ends with one line
# "N passed, N failed[, N skipped]" for the whole run, and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"

# --fast: the tests that drive no external process (browser, kubectl, helm, the AWS CLI and SDK for JavaScript,
# Redis, dotnet publish: those carry [Trait("Tier", "External")]), so nothing needs installing first, and leaves out
# the few whose subject is scale or duration itself ([Trait("Tier", "Slow")], listed in CONTRIBUTING.md).
filter=()
if [ "${1:-}" = "--fast" ]; then
  shift
  filter=(--filter "Tier!=External&Tier!=Slow")
else
  scripts/install-test-deps.sh || { echo "test.sh: installing the test dependencies failed (see above)"; exit 1; }
fi

# The tests mostly wait on loopback hosts and the processes they drive rather than use the CPU: the four test
# assemblies run side by side (MSBuild otherwise starts one per core). Within one, xunit still runs one test class per
# core at a time; its "aggressive" algorithm, every class at once, stretched single tests past their own timeouts.
side_by_side=(-maxcpucount:"$(find tests -maxdepth 1 -name '*.Tests' -type d | wc -l)")

# Many tests start real hosts side by side; each config-file watcher takes an inotify instance, and the
# per-user limit (often 128) runs out on a busy machine. Polling watchers need none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

dotnet test DiagBot.sln --nologo --logger "trx" --results-directory "$results" "${filter[@]}" "${side_by_side[@]}" "$@"
status=$?

if [ $status -ne 0 ] && ! grep -qs 'outcome="Failed"' "$results"/*.trx; then
  echo "test.sh: dotnet test failed before every test could run (a build error or a crashed test host; see above)"
fi
scripts/summarize-trx.sh "$results"
summary_status=$?
[ $status -eq 0 ] && [ $summary_status -eq 0 ]
