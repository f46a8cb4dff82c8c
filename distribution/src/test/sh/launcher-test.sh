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
run_with() {
  local java_home="$1"
  shift
  status=0
  JAVA_HOME="$java_home" SLUICE_OPTS="" "$dist/bin/sluice" "$@" > "$work/out" 2>&1 || status=$?
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

if [ "$failures" -gt 0 ]; then
  echo "$failures launcher test(s) failed" >&2
  exit 1
fi
echo "launcher tests passed"
