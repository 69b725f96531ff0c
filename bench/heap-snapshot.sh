#!/usr/bin/env bash
# Heap snapshot cost, TuiProf next to dotnet-gcdump on the same process: the target's pause (the induced GC, read
# from a `tuiprof record` of the target), wall time and each tool's peak RSS. Two heap shapes, two rounds each,
# the tools' order swapped each round. Needs: dotnet build -c Release; dotnet-gcdump in $GCDUMP
# (dotnet tool install --tool-path /tmp/heap-tools dotnet-gcdump --version 10.0.750501).
set -euo pipefail
cd "$(dirname "$0")/.."
gcdump="${GCDUMP:-/tmp/heap-tools/dotnet-gcdump}"
tuiprof=src/TuiProf/bin/Release/net10.0/tuiprof.dll
target=tests/TuiProf.Tests/bin/Release/net10.0/TuiProf.HeapTarget.dll
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

run_tuiprof() { /usr/bin/time -o "$work/time" -f "tuiprof  wall %e s  peak RSS %M KB" dotnet "$tuiprof" heap --pid "$1" --top 1 >/dev/null; cat "$work/time"; }
run_gcdump() { /usr/bin/time -o "$work/time" -f "gcdump   wall %e s  peak RSS %M KB" "$gcdump" collect -p "$1" -o "$work/x.gcdump" >/dev/null 2>&1; cat "$work/time"; }

for shape in "1000000 150" "3300000 126"; do
  for round in 1 2; do
    dotnet "$target" $shape >"$work/target.out" &
    pid=$!
    until grep -qs ready "$work/target.out"; do sleep 0.2; done
    echo "== $(cat "$work/target.out"), round $round"
    # Not --no-rss: on an attached target, record --no-rss stops by itself after 3 s (ProfilingSession.FinishAsync).
    dotnet "$tuiprof" record --pid "$pid" --out "$work/gcs.jsonl" 2>/dev/null &
    recorder=$!
    sleep 2
    if [ "$round" = 1 ]; then order="run_tuiprof run_gcdump"; else order="run_gcdump run_tuiprof"; fi
    for tool in $order; do "$tool" "$pid"; sleep 1; done
    kill -TERM "$recorder"; wait "$recorder" || true
    echo "induced GC pauses in that order (ms): $(grep '"reason":"Induced' "$work/gcs.jsonl" | grep -o '"pauseMs":[0-9.]*' | cut -d: -f2 | tr '\n' ' ')"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
