/**
 * Generated manifests and client settings lint clean under our own engine: zero errors and zero warnings,
 * schema-valid, for every template and several parameter sets, each set linted as one workspace so
 * the cross-file rules see the files together.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { scaffold, templateIds, TEMPLATES, type GeneratedFile, type ParamValue } from '../../src/core/scaffold/index';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';

type Set = Record<string, Record<string, ParamValue>>;

/** Parameter sets: template id → parameters; each set is one workspace. */
const SETS: Record<string, Set> = {
  // Every template with its defaults, except the KafkaUser (it needs an authenticating cluster, below)
  // and the stack (it includes a cluster of its own, below).
  defaults: Object.fromEntries(templateIds().filter((id) => id !== 'strimzi-user' && id !== 'kafka-stack').map((id) => [id, {}])),
  'mutual TLS, separate pools': {
    'strimzi-cluster': { cluster: 'payments', namespace: 'streaming', authentication: 'tls', brokers: 5, controllers: 3, storageSize: '500Gi' },
    'strimzi-topic': { cluster: 'payments', namespace: 'streaming', topic: 'payments.events', throughput: 100, consumerThroughput: 5, partitionThroughput: 10, consumers: 10, headroom: 2 },
    'strimzi-user': { cluster: 'payments', namespace: 'streaming', user: 'payments-app', topic: 'payments.events', group: 'payments-processor', role: 'consumer' },
    'keda-consumer': { app: 'payments-processor', cluster: 'payments', namespace: 'streaming', topic: 'payments.events', group: 'payments-processor', partitions: 40, maxReplicas: 20, minReplicas: 2, authentication: 'tls', user: 'payments-app' },
    monitoring: { cluster: 'payments', namespace: 'streaming', topic: 'payments.events', group: 'payments-processor', lagAlert: 50000, lagFor: '15m' },
  },
  'SCRAM, dual-role, scale to zero': {
    'strimzi-cluster': { cluster: 'events', authentication: 'scram-sha-512', nodePools: 'dual-role', brokers: 3, exporter: false, metrics: false },
    'strimzi-topic': { cluster: 'events', topic: 'click_stream', partitions: 6 },
    'strimzi-user': { cluster: 'events', user: 'clicks', topic: 'click_stream', group: 'clicks', role: 'both', authentication: 'scram-sha-512' },
    'keda-consumer': { app: 'clicks', cluster: 'events', topic: 'click_stream', group: 'clicks', partitions: 6, minReplicas: 0, authentication: 'scram-sha-512', user: 'clicks' },
  },
  'stack, mutual TLS (defaults)': { 'kafka-stack': {} },
  'stack, SCRAM, one dual-role node': { 'kafka-stack': { cluster: 'dev', namespace: 'dev', authentication: 'scram-sha-512', nodePools: 'dual-role', brokers: 1, topic: 'events', group: 'events-reader', app: 'events-reader', throughput: 2 } },
  'stack, no authentication': { 'kafka-stack': { authentication: 'none', consumers: 20 } },
  'single-node development cluster': {
    'strimzi-cluster': { cluster: 'dev', namespace: 'dev', nodePools: 'dual-role', brokers: 1, storageSize: '10Gi' },
    'strimzi-topic': { cluster: 'dev', namespace: 'dev', topic: 'orders', replicas: 1, throughput: 1, consumers: 2 },
    'keda-consumer': { cluster: 'dev', namespace: 'dev', partitions: 3, minReplicas: 0 },
    'java-client': { bootstrap: 'dev-kafka-bootstrap.dev.svc:9092', package: 'org.acme.dev', artifact: 'dev-client' },
  },
};

function render(set: Set): GeneratedFile[] {
  return Object.entries(set).flatMap(([id, params]) => scaffold(id, params).files.map((f) => ({ path: `${id}/${f.path}`, content: f.content })));
}

describe('scaffold: generated files lint clean', () => {
  const schemas = defaultSchemaStore();
  for (const [name, set] of Object.entries(SETS)) {
    it(`${name}: no errors, no warnings, no schema findings`, () => {
      const files = render(set);
      const sources = files.filter((f) => /\.(ya?ml|properties|java|go|ts)$/.test(f.path)).map((f) => analyzeFile(f.path, f.content));
      assert.ok(sources.length > 0);
      const index = WorkspaceIndex.of(sources);
      const bad: string[] = [];
      for (const src of sources) {
        for (const f of lintFile(src, index, { schemas })) {
          // Client code gets no finding at all, not even an info: it is what users copy.
          if (f.severity === 'error' || f.severity === 'warning' || f.ruleId.startsWith('schema-') || src.kind === 'client-code') bad.push(`${src.path}:${f.range.start.line + 1} ${f.ruleId} ${f.severity}: ${f.message}`);
        }
      }
      assert.deepEqual(bad, []);
      // Manifests are recognised as such (a silently unparsed file would lint clean too).
      for (const src of sources) if (src.path.endsWith('.yaml')) assert.equal(src.kind, 'kubernetes', src.path);
      for (const src of sources) if (/(producer|consumer)\.properties$/.test(src.path)) assert.equal(src.kind, 'kafka-properties', src.path);
      // The sarama programs configure their clients in code, and that code is read.
      for (const src of sources) if (/cmd\/(producer|consumer)\/main\.go$|src\/(producer|consumer)\.ts$/.test(src.path)) assert.ok(src.kind === 'client-code' && src.configSets.length > 0, src.path);
      for (const f of files) if (f.path.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(f.content), f.path);
    });
  }

  it('every template is in some set', () => {
    const used = new Set(Object.values(SETS).flatMap((s) => Object.keys(s)));
    assert.deepEqual(TEMPLATES.map((t) => t.id).filter((id) => !used.has(id)), []);
  });
});
