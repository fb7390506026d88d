#!/usr/bin/env bash
# Every benchmark in one run, written to BENCHMARKS.md at the top of the repository:
#   JMH: parsing, scoring and explaining, the trees, nearest-neighbour search (HNSW against exact
#   search and its SIMD floor), and a whole match request beside the retrieval it starts with;
#   then the loopback load test of the HTTP service (load.sh) at each size asked for.
#
#   service/src/bench/all.sh [N ...]      sizes for the load test (default 100000), e.g. 10000 100000 1000000
#   SKIP_JMH=1 / SKIP_LOAD=1              reuse the last JMH results / load outputs in the work folder
#
# About 25 minutes on 2 cores for 10000 and 100000 once the data exists (load.sh keeps it in
# ${BENCH_DIR:-/tmp/skillmatch-bench}/N); a first run also generates and imports it, about 20
# minutes more at 1000000 (which needs SKILLMATCH_JAVA_OPTS=-Xmx18g or so).
set -euo pipefail
cd "$(dirname "$0")/../../.."
SIZES=("${@:-100000}")
OUT="${BENCH_DIR:-/tmp/skillmatch-bench}"
mkdir -p "$OUT"

if [[ -z "${SKIP_JMH:-}" ]]; then
  ./skillmatch bench 'io.skillmatch.bench.(Parsing|Match|Tree|Ann|Request)Benchmark' -f 1 -wi 3 -i 5 -p k=10,300 \
    -rf json -rff "$OUT/jmh.json" | tail -n 40
fi
if [[ -z "${SKIP_LOAD:-}" ]]; then
  for n in "${SIZES[@]}"; do
    bash service/src/bench/load.sh "$n" | tee "$OUT/load-$n.txt"
  done
fi

python3 - "$OUT" "${SIZES[@]}" > BENCHMARKS.md <<'PY'
import json, os, platform, re, subprocess, sys, datetime
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
jmh = json.load(open(os.path.join(out, "jmh.json")))
loads = {n: open(os.path.join(out, "load-%d.txt" % n)).read() for n in sizes}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
jdk = jmh[0].get("vmVersion", "?") if jmh else "?"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print("# Benchmarks\n")
print("Written by `service/src/bench/all.sh %s` (rerun it to refresh this file).\n" % " ".join(map(str, sizes)))
print("- date: %s; commit %s" % (datetime.date.today(), commit))
print("- machine: %d cores, %s, %.0f GiB; %s" % (os.cpu_count(), cpu, int(mem) / 1048576, platform.platform()))
print("- JDK %s; wrk on the same cores for the load test" % jdk)
if os.environ.get("SKIP_JMH"):
    made = datetime.datetime.fromtimestamp(os.path.getmtime(os.path.join(out, "jmh.json")))
    print("- the JMH results were not rerun (SKIP_JMH): they are those of %s, from the commit of that run"
          % made.strftime("%Y-%m-%d %H:%M"))
print("- import rates are those of the run that made the data (load.sh imports only into an empty folder)\n")

def grab(pattern, text, group=1):
    m = re.search(pattern, text, re.S)
    return m.group(group) if m else "?"

def seconds(v):
    return v if v == "?" else "%.1f" % float(v)

def section(text, title):
    i = text.find(title)
    return text[i:] if i >= 0 else ""

print("## Cost by size (postings = profiles = N)\n")
print("| N | import postings/s | import profiles/s | ready after restart (first start) | live heap | resident | "
      "matches, 1 connection p50 / p99 | matches, 64 connections req/s, p99 | 200 applicants p50 |")
print("|---|---|---|---|---|---|---|---|---|")
for n in sizes:
    t = loads[n]
    one = section(t, "1 connection, ")
    many = section(t, "64 connections")
    apps = section(t, "200 candidates")
    print("| {:,} | {} | {} | {} s ({} s) | {} | {} | {} / {} | {}, {} | {} |".format(n,
        grab(r"postings: [\d,]+ added in [\d.]+ s \(([\d,]+) per second\)", t),
        grab(r"profiles: [\d,]+ added in [\d.]+ s \(([\d,]+) per second\)", t),
        seconds(grab(r"\nready after ([\d.]+) s", t)), seconds(grab(r"first start ready after ([\d.]+) s", t)),
        grab(r"live heap after a full GC: (\d+ MB)", t), grab(r"resident memory: (\d+ MB)", t),
        grab(r"50%\s+(\S+)", one), grab(r"99%\s+(\S+)", one),
        grab(r"Requests/sec:\s+(\S+)", many), grab(r"99%\s+(\S+)", many), grab(r"50%\s+(\S+)", apps)))

def score(name, **params):
    for b in jmh:
        if b["benchmark"].endswith("." + name) and all(str(b.get("params", {}).get(k)) == str(v) for k, v in params.items()):
            return b["primaryMetric"]["score"]
    return None

print("\n## Ratios, measured side by side in one JMH run\n")
for k in ("10", "300"):
    h, e, s = score("AnnBenchmark.hnsw", k=k), score("AnnBenchmark.exactScalar", k=k), score("AnnBenchmark.exactSimd", k=k)
    if h and e and s:
        print("- k = %s over 100,000 vectors: HNSW %.0f µs; exact %.0f µs (%.1f× the graph), "
              "the SIMD floor %.0f µs (%.1f× the graph)" % (k, h, e, e / h, s, s / h))
for sl in ("200", "300"):
    a, x, m, mx = (score("RequestBenchmark." + b, shortlist=sl) for b in ("annAlone", "exactAlone", "matchOnAnn", "matchOnExact"))
    if a and m:
        print("- shortlist %s over 100,000 parsed postings: ANN alone %.0f µs, exact alone %.0f µs; the whole request "
              "(retrieve, re-rank, explain ten) %.0f µs on the graph = %.1f× the ANN search alone, %.0f µs on exact search"
              % (sl, a, x, m, m / a, mx))

print("\n## JMH (one thread)\n")
print("| benchmark | parameters | score | error | unit |")
print("|---|---|---|---|---|")
for b in jmh:
    params = ", ".join("%s=%s" % kv for kv in sorted(b.get("params", {}).items())) or "-"
    m = b["primaryMetric"]
    print("| %s | %s | %.3f | ± %.3f | %s |" % (b["benchmark"].replace("io.skillmatch.bench.", ""), params,
          m["score"], m.get("scoreError", float("nan")), m["scoreUnit"]))
for n in sizes:
    print("\n## HTTP service under load (%d postings, %d profiles)\n" % (n, n))
    print("```")
    print(loads[n].strip())
    print("```")
PY
echo "wrote BENCHMARKS.md"
