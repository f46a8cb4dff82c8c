# shellcheck shell=bash
# Sourced by bin/sluice at every start (plain shell: set variables, nothing else).
# A variable already set in the environment wins over the defaults here.

# Java 17 or newer. Unset: `java` on the PATH.
# JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64

# Heap of the Sluice JVM (-Xmx). In local mode Spark's executors run inside it too.
SLUICE_HEAP="${SLUICE_HEAP:-2g}"

# Extra JVM options, appended last (so they can override the defaults), e.g.:
#   GC logging:  -Xlog:gc*:file=/var/log/sluice/gc.log:time,uptime
#   JMX:         -Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false
#   Log level:   -Dsluice.log.level=DEBUG
# SLUICE_OPTS="${SLUICE_OPTS:-}"

# Class-data sharing: the first `run` that stops gracefully writes an archive of the classes it
# loaded, and later starts map it (much faster). `off` turns it off.
# SLUICE_CDS="${SLUICE_CDS:-auto}"
# Where the archives go; default $SLUICE_HOME/cds. Use a writable directory of its own per installation.
# SLUICE_CDS_DIR="${SLUICE_CDS_DIR:-/var/cache/sluice}"
