#!/usr/bin/env python3
"""Summarises the series in a file written by `dotnet-counters collect --format csv|json`.

The kind of script one writes for dotnet-counters' files, knowing only their shape: CSV columns Timestamp (as
dotnet-counters writes it under the invariant culture: 11/25/2026 15:17:16), Provider, Counter Name (tags in
brackets after the name), Counter Type, Mean/Increment; JSON Events with ISO 8601 timestamps. Prints one JSON
object: for each series, "provider|name|tags", its counter type, readings, lowest, highest and total value, and
first and last time.

Usage: read_dotnet_counters.py FILE.csv|FILE.json
"""
import csv
import json
import sys
from datetime import datetime


def read_csv(path):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            name, _, tags = row["Counter Name"].partition("[")
            yield (datetime.strptime(row["Timestamp"], "%m/%d/%Y %H:%M:%S"), row["Provider"], name,
                   tags.rstrip("]").replace(";", ","), row["Counter Type"], float(row["Mean/Increment"]))


def read_json(path):
    with open(path) as f:
        for event in json.load(f)["Events"]:
            yield (datetime.fromisoformat(event["timestamp"]), event["provider"], event["name"], event["tags"],
                   event["counterType"], float(event["value"]))


def summarise(readings):
    series = {}
    for time, provider, name, tags, counter_type, value in readings:
        s = series.setdefault(f"{provider}|{name}|{tags}", {"type": counter_type, "count": 0, "min": value,
                                                            "max": value, "sum": 0.0, "first": time, "last": time})
        s["count"] += 1
        s["min"], s["max"], s["sum"] = min(s["min"], value), max(s["max"], value), s["sum"] + value
        s["first"], s["last"] = min(s["first"], time), max(s["last"], time)
    for s in series.values():
        s["first"], s["last"] = s["first"].isoformat(), s["last"].isoformat()
    return series


if __name__ == "__main__":
    path = sys.argv[1]
    print(json.dumps(summarise(read_json(path) if path.endswith(".json") else read_csv(path)), indent=1))
