#!/usr/bin/env bash
# Tests of bin/sluice, run by the distribution module's build against the assembled tree:
#
#   distribution/src/test/sh/launcher-test.sh distribution/target/sluice-<version>
#
# Fake JDKs (a `java` script that records its arguments, with or without a `release` file) check
# the launcher's own logic quickly; one real start (`sluice version`) checks the command it builds.
set -euo pipefail

dist="$(cd -P "${1:?usage: launcher-test.sh DISTRIBUTION_DIR}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

# A JDK directory whose java prints java.specification.version like -XshowSettings does and
# records the arguments of any other start into $dir/args, one per line.
fake_jdk() {
  local dir="$work/$1" spec="$2" release="${3:-}"
  mkdir -p "$dir/bin"
  cat > "$dir/bin/java" <<JAVA
#!/usr/bin/env bash
if [ "\$1" = -XshowSettings:properties ]; then
  echo "    java.specification.version = $spec" >&2
  echo asked >> "$dir/asked"
  exit 0
fi
printf '%s\n' "\$@" > "$dir/args"
JAVA
  chmod +x "$dir/bin/java"
  if [ -n "$release" ]; then
    printf 'IMPLEMENTOR="Test"\nJAVA_VERSION="%s"\nJAVA_RUNTIME_VERSION="%s+1"\n' "$release" "$release" > "$dir/release"
  fi
  echo "$dir"
}

# Runs bin/sluice with JAVA_HOME=$1 and the remaining arguments; output in $work/out, status in $status.
# Class-data archives go to $work/cds, not into the distribution.
run_with() {
  local java_home="$1"
  shift
  status=0
  JAVA_HOME="$java_home" SLUICE_OPTS="${SLUICE_OPTS:-}" SLUICE_CDS_DIR="$work/cds" "$dist/bin/sluice" "$@" > "$work/out" 2>&1 || status=$?
}

# The value of a recorded JVM argument of the fake JDK $1 that starts with $2 (empty when absent).
argument() {
  grep -e "^$2" "$1/args" | head -n 1 || true
}

# --- Java version --------------------------------------------------------------------------------

jdk8="$(fake_jdk jdk8 1.8 1.8.0_402)"
run_with "$jdk8" version
if [ "$status" -eq 1 ] && grep -q "is Java 1.8.0_402; Sluice needs Java 17 or newer" "$work/out"; then
  pass "Java 8 (release file) is refused with a clear error"
else
  fail "Java 8 (release file): status $status, output: $(cat "$work/out")"
fi
[ ! -e "$jdk8/asked" ] || fail "Java 8 with a release file was asked for its version (an extra JVM start)"

jdk11="$(fake_jdk jdk11 11)"
run_with "$jdk11" version
if [ "$status" -eq 1 ] && grep -q "is Java 11; Sluice needs Java 17 or newer" "$work/out" && [ -e "$jdk11/asked" ]; then
  pass "Java 11 without a release file is asked for its version, and refused"
else
  fail "Java 11 (no release file): status $status, output: $(cat "$work/out")"
fi

jdk21="$(fake_jdk jdk21 21 21.0.2)"
run_with "$jdk21" version
if [ "$status" -eq 0 ] && [ -s "$jdk21/args" ] && [ ! -e "$jdk21/asked" ]; then
  pass "Java 21 (release file) starts the runtime without an extra JVM start"
else
  fail "Java 21: status $status, output: $(cat "$work/out")"
fi

# The JIT thresholds are defaults: SLUICE_OPTS, later on the command line, overrides them.
SLUICE_OPTS="-XX:Tier4InvocationThreshold=5000" run_with "$jdk21" version
thresholds="$(grep -e '^-XX:Tier4InvocationThreshold=' "$jdk21/args" | paste -sd' ' -)"
if [ "$thresholds" = "-XX:Tier4InvocationThreshold=50000 -XX:Tier4InvocationThreshold=5000" ]; then
  pass "C2 thresholds raised by default, SLUICE_OPTS after them"
else
  fail "C2 thresholds: [$thresholds], arguments $(tr '\n' ' ' < "$jdk21/args")"
fi
if [ "$(argument "$jdk21" -XX:+UseParallelGC)" = "-XX:+UseParallelGC" ] && [ "$(argument "$jdk21" -XX:GCTimeRatio=)" = "-XX:GCTimeRatio=4" ] \
  && [ "$(argument "$jdk21" -XX:-UsePSAdaptiveSurvivorSizePolicy)" = "-XX:-UsePSAdaptiveSurvivorSizePolicy" ]; then
  pass "the parallel collector with fixed survivor sizing and a GC time ratio of 4 by default"
else
  fail "collector: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi
# The parallel collector named explicitly keeps the launcher's settings for it, once.
SLUICE_OPTS="-XX:+UseParallelGC" run_with "$jdk21" version
if [ "$(grep -c -e '^-XX:+UseParallelGC$' "$jdk21/args")" = 1 ] && [ -n "$(argument "$jdk21" -XX:-UsePSAdaptiveSurvivorSizePolicy)" ]; then
  pass "the parallel collector named in SLUICE_OPTS keeps fixed survivor sizing"
else
  fail "parallel collector in SLUICE_OPTS: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi
# A collector named in SLUICE_OPTS or the JVM's own variables replaces the launcher's: the JVM refuses two.
for chooser in SLUICE_OPTS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS; do
  export "$chooser=-Xss2m -XX:+UseG1GC"
  run_with "$jdk21" version
  unset "$chooser"
  collectors="$(grep -c -e '^-XX:+Use.*GC$' "$jdk21/args" || true)"
  if [ "$collectors" -le 1 ] && [ -z "$(argument "$jdk21" -XX:+UseParallelGC)" ] && [ -z "$(argument "$jdk21" -XX:-UsePSAdaptive)" ] \
    && [ "$(argument "$jdk21" -XX:GCTimeRatio=)" = "-XX:GCTimeRatio=4" ]; then
    pass "a collector chosen in $chooser is the only one"
  else
    fail "collector chosen in $chooser: arguments $(tr '\n' ' ' < "$jdk21/args")"
  fi
done

# A symlinked java (as /usr/bin/java -> /etc/alternatives/java -> .../bin/java) finds its release file.
mkdir -p "$work/path-bin"
ln -s "$jdk21/bin/java" "$work/path-bin/java"
status=0
env -u JAVA_HOME PATH="$work/path-bin:$PATH" SLUICE_OPTS="" "$dist/bin/sluice" version > "$work/out" 2>&1 || status=$?
if [ "$status" -eq 0 ] && [ ! -e "$jdk21/asked" ]; then
  pass "java on the PATH through a symlink: the release file is found"
else
  fail "symlinked java: status $status, asked: $([ -e "$jdk21/asked" ] && echo yes || echo no), output: $(cat "$work/out")"
fi

# --- Class path and class-data sharing (fake JDK) ----------------------------------------------

run_with "$jdk21" version
classpath="$(grep -A1 -x -e -cp "$jdk21/args" | tail -n 1)"
expected="$(cd "$dist/lib" && LC_ALL=C ls -1 -- *.jar | sed "s|^|$dist/lib/|" | paste -sd: -):$dist/conf"
if [ "$classpath" = "$expected" ]; then
  pass "class path: lib/'s jars by name, then conf/"
else
  fail "class path is $classpath, expected $expected"
fi

rm -rf "$work/cds"
run_with "$jdk21" version
archive="$(argument "$jdk21" -Dsluice.cds.archive= | cut -d= -f2-)"
if [ -n "$(argument "$jdk21" -XX:+RecordDynamicDumpInfo)" ] && [[ "$archive" == "$work"/cds/sluice-*-*.jsa ]] \
    && [ -z "$(argument "$jdk21" -XX:SharedArchiveFile=)" ]; then
  pass "no archive yet: the run records its classes for one"
else
  fail "no archive yet: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi

mkdir -p "$work/cds"
: > "$archive"
run_with "$jdk21" version
if [ "$(argument "$jdk21" -XX:SharedArchiveFile=)" = "-XX:SharedArchiveFile=$archive" ] && [ -z "$(argument "$jdk21" -XX:+RecordDynamicDumpInfo)" ]; then
  pass "an archive: the JVM maps it"
else
  fail "with an archive: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi

SLUICE_HEAP=3g run_with "$jdk21" version
other="$(argument "$jdk21" -Dsluice.cds.archive= | cut -d= -f2-)"
if [ -n "$other" ] && [ "$other" != "$archive" ] && [ "${other%-*}" = "${archive%-*}" ]; then
  pass "another heap size: another archive of the same installation"
else
  fail "another heap size: archive [$other], the default heap's [$archive]"
fi

mkdir -p "$jdk21/lib/server"
echo "base archive" > "$jdk21/lib/server/classes.jsa"
run_with "$jdk21" version
before="$(argument "$jdk21" -Dsluice.cds.archive= | cut -d= -f2-)"
echo "base archive, dumped again" > "$jdk21/lib/server/classes.jsa"
run_with "$jdk21" version
after="$(argument "$jdk21" -Dsluice.cds.archive= | cut -d= -f2-)"
if [ -n "$before" ] && [ -n "$after" ] && [ "$before" != "$after" ]; then
  pass "a regenerated base archive of the JVM (java -Xshare:dump): another archive, as the JVM refuses the old one"
else
  fail "regenerated base archive: archive [$before], then [$after]"
fi
rm -rf "$jdk21/lib/server"

rm -f "$archive"
: > "$archive.failed"
run_with "$jdk21" version
if [ -z "$(argument "$jdk21" -XX:+RecordDynamicDumpInfo)" ] && [ -z "$(argument "$jdk21" -XX:SharedArchiveFile=)" ]; then
  pass "a failed archive is not tried again"
else
  fail "after a failure: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi
rm -f "$archive.failed"

SLUICE_CDS=off run_with "$jdk21" version
if ! grep -q -e -XX:SharedArchiveFile= -e RecordDynamicDumpInfo -e sluice.cds "$jdk21/args"; then
  pass "SLUICE_CDS=off: no class-data sharing"
else
  fail "SLUICE_CDS=off: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi

SLUICE_OPTS="-XX:StartFlightRecording=duration=30s,filename=$work/run.jfr" run_with "$jdk21" version
if ! grep -q -e -XX:SharedArchiveFile= -e RecordDynamicDumpInfo -e sluice.cds "$jdk21/args" \
    && grep -q "class-data sharing is off: the JVM options start JFR or an agent" "$work/out"; then
  pass "JFR in SLUICE_OPTS: no class-data sharing, and a note saying why"
else
  fail "JFR in SLUICE_OPTS: arguments $(tr '\n' ' ' < "$jdk21/args"), output: $(cat "$work/out")"
fi

JAVA_TOOL_OPTIONS="-agentpath:/opt/profiler/libprofiler.so=start" run_with "$jdk21" version
if ! grep -q -e -XX:SharedArchiveFile= -e RecordDynamicDumpInfo -e sluice.cds "$jdk21/args"; then
  pass "a native agent in JAVA_TOOL_OPTIONS: no class-data sharing (the JVM refuses to write an archive with one)"
else
  fail "agent in JAVA_TOOL_OPTIONS: arguments $(tr '\n' ' ' < "$jdk21/args")"
fi

SLUICE_CDS=maybe run_with "$jdk21" version
if [ "$status" -eq 1 ] && grep -q "SLUICE_CDS is 'maybe'; use auto (the default) or off" "$work/out"; then
  pass "an unknown SLUICE_CDS is an error"
else
  fail "SLUICE_CDS=maybe: status $status, output: $(cat "$work/out")"
fi

# --- A real start --------------------------------------------------------------------------------

if [ -n "${JAVA_HOME:-}" ] || command -v java > /dev/null; then
  status=0
  SLUICE_OPTS="" "$dist/bin/sluice" version > "$work/out" 2>&1 || status=$?
  if [ "$status" -eq 0 ] && grep -q "^Sluice .*(API .*, Spark .*, Java " "$work/out"; then
    pass "bin/sluice version on the build's Java"
  else
    fail "bin/sluice version: status $status, output: $(cat "$work/out")"
  fi
fi

# --- A real archive ------------------------------------------------------------------------------

# Two short runs of a pipeline that needs no outside service: the first writes the archive when it
# stops, the second loads Sluice's classes from it; neither prints the JVM's notes to stdout.
if [ -n "${JAVA_HOME:-}" ] || command -v java > /dev/null; then
  cat > "$work/generated.conf" <<CONF
pipeline { name = launcher-test, batch-interval = 1s, checkpoint = "file:$work/checkpoint" }
sources = [ { type = generator, name = logs, rate = 100 } ]
transforms = [ { type = parse, format = csv, fields = [ts, host, level, message] }, { type = count-by-value, field = level } ]
sinks = [ { type = console } ]
CONF
  real_run() {
    status=0
    SLUICE_CDS_DIR="$work/real-cds" "$dist/bin/sluice" run --duration 4s "$work/generated.conf" > "$work/stdout" 2> "$work/stderr" || status=$?
  }
  SLUICE_OPTS="" real_run
  written="$(ls "$work"/real-cds/sluice-*-*.jsa 2> /dev/null || true)"
  if [ "$status" -eq 0 ] && [ -n "$written" ] && grep -q "Class-data sharing: wrote" "$work/stderr" \
      && ! grep -q -i -e cds -e "dump" "$work/stdout"; then
    pass "a run writes the archive when it stops, exits 0 and keeps stdout clean"
  else
    fail "first run: status $status, archive [$written], stdout: $(cat "$work/stdout"), stderr: $(tail -n 20 "$work/stderr")"
  fi
  SLUICE_OPTS="-Xlog:class+load=info:file=$work/classes.log" real_run
  if [ "$status" -eq 0 ] && grep -q "io.sluice.core.cli.SluiceCli source: shared objects file (top)" "$work/classes.log" \
      && ! grep -q -i -e cds -e "dump" "$work/stdout"; then
    pass "the next run loads Sluice's classes from the archive"
  else
    fail "second run: status $status, SluiceCli loaded: $(grep "io.sluice.core.cli.SluiceCli " "$work/classes.log" || true), stderr: $(tail -n 20 "$work/stderr")"
  fi
  # log4j loads every plugin class it knows of and links few, and JDK 17 archives linked classes
  # only: unlinked, some 200 of log4j-core's classes were read from its jar at every start. A class
  # that cannot link stays out (AsyncLoggerContext needs the LMAX Disruptor, which is not shipped).
  from_jar="$(grep -c "source: .*/lib/log4j-core-" "$work/classes.log" || true)"
  if [ "$status" -eq 0 ] && [ "$from_jar" -le 5 ]; then
    pass "classes the first run loaded but did not link are archived too ($from_jar of log4j-core's read from its jar)"
  else
    fail "second run read $from_jar classes from log4j-core's jar: $(grep -m 3 "source: .*/lib/log4j-core-" "$work/classes.log" || true)"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures launcher test(s) failed" >&2
  exit 1
fi
echo "launcher tests passed"
