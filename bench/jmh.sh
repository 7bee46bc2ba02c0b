#!/usr/bin/env bash
# In-process benchmarks (JMH). Usage: bench/jmh.sh [JMH options, e.g. -f 1 -wi 3 -i 5 EvaluationBenchmark]
# JAVA=/path/to/bin/java runs them on another JDK. Not part of ./mvnw verify. Runs from the project root (the benchmarks build the release from rules/ + policies/).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec "${JAVA:-java}" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main "${@:-EvaluationBenchmark}"
