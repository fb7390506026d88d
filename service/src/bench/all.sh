#!/usr/bin/env bash
# Every benchmark in one run, written to BENCHMARKS.md at the top of the repository:
#   JMH: parsing, scoring and explaining, the trees, nearest-neighbour search (HNSW against exact
#   search and its SIMD floor); then the loopback load test of the HTTP service (load.sh).
#
#   service/src/bench/all.sh [N]      N postings and N profiles for the load test (default 100000)
#
# About 15 minutes on 2 cores at N = 100000 once the data exists (load.sh keeps it in
# ${BENCH_DIR:-/tmp/skillmatch-bench}/N); the first run also generates and imports it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N="${1:-100000}"
OUT="${BENCH_DIR:-/tmp/skillmatch-bench}"
mkdir -p "$OUT"

./skillmatch bench 'io.skillmatch.bench.(Parsing|Match|Tree|Ann)Benchmark' -f 1 -wi 3 -i 5 \
  -rf json -rff "$OUT/jmh.json" | tail -n 30
bash service/src/bench/load.sh "$N" | tee "$OUT/load-$N.txt"

python3 - "$OUT/jmh.json" "$OUT/load-$N.txt" "$N" > BENCHMARKS.md <<'PY'
import json, os, platform, subprocess, sys, datetime
jmh = json.load(open(sys.argv[1]))
load = open(sys.argv[2]).read()
n = int(sys.argv[3])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
jdk = jmh[0].get("vmVersion", "?") if jmh else "?"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print("# Benchmarks\n")
print("Written by `service/src/bench/all.sh %d` (rerun it to refresh this file).\n" % n)
print("- date: %s; commit %s" % (datetime.date.today(), commit))
print("- machine: %d cores, %s, %.0f GiB; %s" % (os.cpu_count(), cpu, int(mem) / 1048576, platform.platform()))
print("- JDK %s; wrk on the same cores for the load test\n" % jdk)
print("## JMH (one thread)\n")
print("| benchmark | parameters | score | error | unit |")
print("|---|---|---|---|---|")
for b in jmh:
    params = ", ".join("%s=%s" % kv for kv in sorted(b.get("params", {}).items())) or "-"
    m = b["primaryMetric"]
    print("| %s | %s | %.3f | ± %.3f | %s |" % (b["benchmark"].replace("io.skillmatch.bench.", ""), params,
          m["score"], m.get("scoreError", float("nan")), m["scoreUnit"]))
print("\n## HTTP service under load (%d postings, %d profiles)\n" % (n, n))
print("```")
print(load.strip())
print("```")
PY
echo "wrote BENCHMARKS.md"
