# Sourced by the scripts: exports JAVA_HOME pointing at a JDK >= 21 (Spotter's language level).
# Order: an existing JAVA_HOME that is new enough, `java` on the PATH, then any JDK under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
if ! JAVA_HOME=$(pick_jdk); then
  echo "Spotter needs a JDK 21 or newer (found none: set JAVA_HOME)." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# Spotter's JVM options (scripts/run and scripts/bench): a bounded heap and lean native memory keep the service
# within the 350 MB resident target (docs/BENCHMARKS.md); JAVA_OPTS replaces them. SerialGC: on 2 cores a concurrent collector's
# native overhead buys nothing for a heap this size. Measured in docs/BENCHMARKS.md ("Memory"): 128 MB of heap and
# two malloc arenas (glibc otherwise keeps one per busy thread) hold RSS near 325 MB under POST load, with
# throughput unchanged within the machine's noise. ExitOnOutOfMemoryError: after an OutOfMemoryError, threads such as
# Tomcat's acceptor may be dead while the process lives on, answering nothing; exiting lets a supervisor (systemd
# Restart=always, docs/operations.md) start a healthy one. The young generation (-Xmn48m, survivors of 12 MB kept
# up to 90 % full): each password check allocates its 7 MiB of Argon2 memory, live for the whole check; with the
# default 4 MB survivors every check in progress at a collection was promoted, and a login flood then forced a full
# collection every 0.4-0.8 s (250-550 ms pauses, health p99 over 100 ms). MetaspaceSize: no full collections while
# classes load during the first minutes (docs/BENCHMARKS.md, "attack").
SPOTTER_JAVA_OPTS_DEFAULT="-Xmx128m -Xmn48m -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=90 -Xss512k -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
