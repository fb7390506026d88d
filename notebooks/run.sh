#!/usr/bin/env bash
# Executes the notebooks headlessly on the Java kernel and keeps their outputs (tables and plots)
# in the .ipynb files, so they can be read on a page without running anything.
#   bash notebooks/run.sh                   execute every notebook in place
#   bash notebooks/run.sh 3-ranking.ipynb   only the ones named
#   bash notebooks/run.sh --check           execute copies in a temporary folder, leaving the
#                                           committed notebooks as they are (./skillmatch test)
# Installs what is missing: Debian's Jupyter (nbconvert, nbclient) and the rapaio Java kernel jar
# from Maven Central (through mvn, into notebooks/target/kernel); writes the kernel spec under
# notebooks/target/jupyter; builds the project jar when stale (./skillmatch help does that).
# Exits non-zero when any cell of any notebook fails.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
KERNEL_VERSION=3.0.1
KERNEL_NAME=rapaio-jupyter-kernel # the name rapaio's own installer uses, so the notebooks open in it too
t0=$SECONDS

say() { printf 'notebooks: %s\n' "$*" >&2; }

check=0
names=()
for a in "$@"; do
  case "$a" in
    --check) check=1 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) names+=("$a") ;;
  esac
done

# 1. Debian's Jupyter, run as /usr/bin/jupyter (never through the pyenv python first on PATH), and
# fonts for the charts
missing=()
[[ -x /usr/bin/jupyter-nbconvert ]] || missing+=(jupyter-nbconvert jupyter-client jupyter-core python3-nbclient python3-ipykernel)
fc-list 2>/dev/null | grep -q . || missing+=(fontconfig fonts-dejavu-core)
if ((${#missing[@]})); then
  if [[ "$(id -u)" -ne 0 ]]; then
    say "missing Debian packages: ${missing[*]}; install them as root (apt-get install -y --no-install-recommends ...)"
    exit 1
  fi
  say "installing ${missing[*]} from Debian..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. a JDK 25 (the project's classes are compiled for release 25), picked as ./skillmatch picks it
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1
}
JDK=""
for d in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25* /usr/lib/jvm/*; do
  v="$([[ -x "$d/bin/java" ]] && java_major "$d/bin/java" || true)"
  if [[ -n "$v" && "$v" -ge 25 && -x "$d/bin/javac" ]]; then
    JDK="$d"
    break
  fi
done
[[ -n "$JDK" ]] || { say "a JDK 25 or newer is needed (none under /usr/lib/jvm or JAVA_HOME)"; exit 1; }
export JAVA_HOME="$JDK" PATH="$JDK/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# 3. the kernel: one self-contained jar from Maven Central, copied by Maven (from ~/.m2 once cached)
KERNEL_JAR="$HERE/target/kernel/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if [[ ! -f "$KERNEL_JAR" ]]; then
  say "fetching io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION through Maven..."
  mvn -B -ntp -q -N -f "$ROOT/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" -DoutputDirectory="$HERE/target/kernel"
fi

# the kernel's one-class fix (notebooks/kernel/LoopThread.java says why), ahead of its jar
PATCH="$HERE/target/kernel/patch"
if [[ ! -f "$PATCH/org/rapaio/jupyter/kernel/channels/LoopThread.class" || "$HERE/kernel/LoopThread.java" -nt "$PATCH/org/rapaio/jupyter/kernel/channels/LoopThread.class" ]]; then
  rm -rf "$PATCH"
  javac --release 25 -nowarn -cp "$KERNEL_JAR" -d "$PATCH" "$HERE/kernel/LoopThread.java"
fi

# 4. the kernel spec, in a Jupyter path of our own (it wins over any user's kernel of that name)
export JUPYTER_PATH="$HERE/target/jupyter"
export JUPYTER_RUNTIME_DIR="$HERE/target/jupyter-runtime"
export JUPYTER_PLATFORM_DIRS=1
mkdir -p "$JUPYTER_PATH/kernels/$KERNEL_NAME" "$JUPYTER_RUNTIME_DIR"
# the kernel's main class from its jar, after the fix above; headless AWT for the charts; native access
# and Unsafe flags as the launcher sets them; DJL (MiniLM's tokenizer) uses the natives in its jar and
# never downloads
cat >"$JUPYTER_PATH/kernels/$KERNEL_NAME/kernel.json" <<EOF
{
  "argv": ["$JDK/bin/java", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Xmx3g",
           "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
           "-cp", "$PATCH:$KERNEL_JAR", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
  "display_name": "Java (rapaio-jupyter-kernel)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"}
}
EOF

# 5. the project jar the notebooks load (%jar ../service/target/skillmatch.jar), rebuilt if stale
"$ROOT/skillmatch" help >/dev/null 2> >(grep -v 'Using incubator modules' >&2)

# 6. execute
if ((${#names[@]} == 0)); then
  for f in "$HERE"/*.ipynb; do names+=("$(basename "$f")"); done
fi
out=()
if ((check)); then
  OUT="$(mktemp -d "${TMPDIR:-/tmp}/skillmatch-notebooks.XXXXXX")"
  trap 'rm -rf "$OUT"' EXIT
  out=(--output-dir "$OUT")
else
  out=(--inplace)
fi
failed=()
for name in "${names[@]}"; do
  nb="$HERE/$(basename "$name")"
  [[ -f "$nb" ]] || { say "no such notebook: $nb"; failed+=("$name"); continue; }
  s=$SECONDS
  log="$(mktemp "${TMPDIR:-/tmp}/skillmatch-notebook-log.XXXXXX")"
  ok=0
  # A start that never answers kernel_info (seen once in many starts on a busy machine, even with the
  # fix above) is retried; a failing cell is not. The kernel usually answers within seconds.
  for attempt in 1 2 3; do
    if /usr/bin/jupyter nbconvert --to notebook --execute "${out[@]}" \
        --ExecutePreprocessor.kernel_name="$KERNEL_NAME" --ExecutePreprocessor.startup_timeout=90 \
        --ExecutePreprocessor.timeout=900 "$nb" >"$log" 2>&1; then
      ok=1
      break
    fi
    grep -q "Kernel didn't respond" "$log" || break
    say "$(basename "$nb"): the kernel did not answer at start (attempt $attempt); its log began:"
    sed -n '1,40p' "$log" | grep -E '^\[[0-9-]+ [0-9:]+\]' | head -n 20 >&2 || true
  done
  if ((ok)); then
    say "$(basename "$nb"): ok in $((SECONDS - s)) s"
  else
    say "$(basename "$nb"): FAILED after $((SECONDS - s)) s; the failing cell:"
    # nbclient prints the cell and the Java error; the kernel's own INFO lines are noise
    grep -v -E '^\[[0-9-]+ [0-9:]+\] \[(INFO|FINE)' "$log" | sed -n '/CellExecutionError\|Error\|Exception\|error:/,$p' | tail -n 40 >&2 || true
    failed+=("$(basename "$nb")")
  fi
  rm -f "$log"
done
say "${#names[@]} notebooks in $((SECONDS - t0)) s, ${#failed[@]} failed${failed[*]:+: ${failed[*]}}"
((${#failed[@]} == 0))
