#!/usr/bin/env bash
# Runs every test DiagBot has (or, with --fast, those that need no external process and are not slow by nature). Installs what the tests need first
# (idempotent), then ends with one line
# "N passed, N failed[, N skipped]" for the whole run, and exits non-zero when anything failed.
#   --fast          the tests that drive no external process (browser, kubectl, helm, the AWS CLI and SDK for JavaScript,
#                   Redis, dotnet publish: those carry [Trait("Tier", "External")]), so nothing needs installing first, less
#                   the few whose subject is scale or duration itself ([Trait("Tier", "Slow")], listed in CONTRIBUTING.md)
#   --no-build      run what the last build left in the tests' bin folders
#   --filter EXPR   only the tests EXPR selects (dotnet test's filter syntax), within the tier
set -uo pipefail
cd "$(dirname "$0")"

fast=0 build=1 filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1 ;;
    --no-build) build=0 ;;
    --filter) [ $# -ge 2 ] || { echo "test.sh: --filter needs an expression, e.g. --filter FullyQualifiedName~SlackBot"; exit 2; }
              filter="$2"; shift ;;
    *) echo "test.sh: unknown option '$1'; use --fast, --no-build or --filter EXPR"; exit 2 ;;
  esac
  shift
done

if [ $fast -eq 1 ]; then
  filter="Tier!=External&Tier!=Slow${filter:+&($filter)}"
else
  scripts/install-test-deps.sh || { echo "test.sh: installing the test dependencies failed (see above)"; exit 1; }
fi

if [ $build -eq 1 ]; then
  dotnet build DiagBot.sln --nologo -v quiet || { echo "test.sh: the build failed (see above)"; exit 1; }
fi

# Many tests start real hosts side by side; each config-file watcher takes an inotify instance, and the
# per-user limit (often 128) runs out on a busy machine. Polling watchers need none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

# One runner for the four test assemblies, side by side: they mostly wait on loopback hosts and the processes they drive
# rather than use the CPU. A `dotnet test` of the solution would start MSBuild and a runner per assembly, about a fifth
# of the fast tier's CPU. Within an assembly, xunit runs one test class per core at a time; its "aggressive" algorithm,
# every class at once, stretched single tests past their own timeouts.
assemblies=()
for project in tests/*.Tests; do
  assemblies+=("$project/bin/Debug/net10.0/$(basename "$project").dll")
done
dotnet vstest "${assemblies[@]}" --Parallel --logger:trx --ResultsDirectory:"$results" \
  ${filter:+"--TestCaseFilter:$filter"} -- RunConfiguration.MaxCpuCount="${#assemblies[@]}"
status=$?

if [ $status -ne 0 ] && ! grep -qs 'outcome="Failed"' "$results"/*.trx; then
  echo "test.sh: the tests failed before every one could run (a missing build or a crashed test host; see above)"
fi
scripts/summarize-trx.sh "$results"
summary_status=$?
[ $status -eq 0 ] && [ $summary_status -eq 0 ]
