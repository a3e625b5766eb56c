#!/usr/bin/env bash
# Fetches the Apache Kafka broker and tools jars (test/infra/kafka/pom.xml) from Maven Central into
# .cache/kafka-libs (git-ignored). Idempotent: returns at once when the cache matches the pom.
# Usage: npm run setup:kafka   (needs Java 17 and Maven 3.8+)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
pom="$root/test/infra/kafka/pom.xml"
# Where the jars go: $KAFKA_K8S_KAFKA_LIBS, else $KAFKA_K8S_CACHE/kafka-libs (CI's cache outside the
# clone), else .cache/kafka-libs in the repo. test/infra/kafka/broker.ts looks in the same places.
if [[ -n "${KAFKA_K8S_KAFKA_LIBS:-}" ]]; then libs="$KAFKA_K8S_KAFKA_LIBS"
elif [[ -n "${KAFKA_K8S_CACHE:-}" ]]; then libs="$KAFKA_K8S_CACHE/kafka-libs"
else libs="$root/.cache/kafka-libs"; fi
stamp="$libs/.pom.sha256"
want="$(sha256sum "$pom" | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && ls "$libs"/kafka_2.13-*.jar >/dev/null 2>&1; then
  echo "setup:kafka: up to date ($libs)"
  exit 0
fi

command -v java >/dev/null || { echo "setup:kafka: java not found (Java 17 is required)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "setup:kafka: mvn not found (Maven 3.8+ is required)" >&2; exit 1; }

tmp="$libs.tmp.$$"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$tmp"
echo "setup:kafka: fetching Kafka jars from Maven Central into $libs"
mvn -B -q -f "$pom" \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DoutputDirectory="$tmp" -DincludeScope=runtime
echo "$want" > "$tmp/.pom.sha256"
rm -rf "$libs"
mkdir -p "$(dirname "$libs")"
mv "$tmp" "$libs"
echo "setup:kafka: $(ls "$libs"/*.jar | wc -l) jars in $libs"
