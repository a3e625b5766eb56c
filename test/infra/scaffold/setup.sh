#!/usr/bin/env bash
# Pre-fetches what the generated client projects need (test/integration/scaffold-clients.test.ts):
# kafka-clients and the Maven plugins from Maven Central into the Maven cache, IBM/sarama and its
# modules from the Go module proxy into the Go module cache. Idempotent: returns at once when the
# templates have not changed since the last successful run. A missing toolchain is reported, not fatal
# (the test skips that language locally and fails under CI=true).
# Usage: npm run setup:scaffold
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cache="${KAFKA_K8S_CACHE:-$root/.cache}"
stamp="$cache/scaffold-setup.sha256"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/test/infra/kafka/pom.xml" | head -1)"
want="$( (cat "$root/src/core/scaffold/java.ts" "$root/src/core/scaffold/go.ts"; echo "$kafka_version") | sha256sum | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "setup:scaffold: up to date"
  exit 0
fi
[[ -f "$root/dist/cli.js" ]] || (cd "$root" && node esbuild.js)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ok=1
node "$root/dist/cli.js" new java-client --set artifact=java-app --set "kafkaClientsVersion=$kafka_version" --out "$tmp" >/dev/null
node "$root/dist/cli.js" new go-client --set app=go-app --out "$tmp" >/dev/null
if command -v mvn >/dev/null; then
  echo "setup:scaffold: Maven: kafka-clients $kafka_version and build plugins"
  (cd "$tmp/java-app" && mvn -B -q package dependency:copy-dependencies -DoutputDirectory=target/lib -DincludeScope=runtime)
else
  echo "setup:scaffold: mvn not found; the Java client test will skip (or fail under CI)" >&2; ok=0
fi
if command -v go >/dev/null; then
  echo "setup:scaffold: Go: IBM/sarama and its modules"
  (cd "$tmp/go-app" && GOFLAGS=-mod=mod GOTOOLCHAIN=local go mod tidy && GOFLAGS=-mod=mod GOTOOLCHAIN=local go build -o bin/ ./...)
else
  echo "setup:scaffold: go not found; the Go client test will skip (or fail under CI)" >&2; ok=0
fi
if [[ $ok == 1 ]]; then mkdir -p "$cache"; echo "$want" > "$stamp"; fi
echo "setup:scaffold: done"
