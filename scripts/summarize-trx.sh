#!/usr/bin/env bash
# Adds up the counters of every .trx file under a folder and prints "N passed, N failed[, N skipped]".
# Exits non-zero when a test failed or no test ran at all.
set -uo pipefail
passed=0 failed=0 skipped=0 total=0
shopt -s globstar nullglob
for trx in "$1"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
