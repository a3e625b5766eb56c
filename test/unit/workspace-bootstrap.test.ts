/** Strimzi bootstrap addresses, as the cross-resource rules and the workspace links read them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStrimziAddress } from '../../src/core/rules/cross/util';
import { analyzeFile } from '../../src/core/source';
import { links } from '../../src/core/workspace';

describe('parseStrimziAddress', () => {
  const cases: [string, ReturnType<typeof parseStrimziAddress>][] = [
    ['my-cluster-kafka-bootstrap:9092', { cluster: 'my-cluster', listener: undefined, namespace: undefined, port: 9092 }],
    ['my-cluster-kafka-bootstrap.kafka:9093', { cluster: 'my-cluster', listener: undefined, namespace: 'kafka', port: 9093 }],
    ['my-cluster-kafka-bootstrap.kafka.svc:9092', { cluster: 'my-cluster', listener: undefined, namespace: 'kafka', port: 9092 }],
    ['my-cluster-kafka-bootstrap.kafka.svc.cluster.local:9092', { cluster: 'my-cluster', listener: undefined, namespace: 'kafka', port: 9092 }],
    ['my-cluster-kafka-external-bootstrap.kafka.svc:9094', { cluster: 'my-cluster', listener: 'external', namespace: 'kafka', port: 9094 }],
    ['prod-kafka-kafka-bootstrap:9092', { cluster: 'prod-kafka', listener: undefined, namespace: undefined, port: 9092 }],
    ['SASL_SSL://my-cluster-kafka-bootstrap.kafka.svc:9093', { cluster: 'my-cluster', listener: undefined, namespace: 'kafka', port: 9093 }],
    ['my-cluster-kafka-bootstrap', { cluster: 'my-cluster', listener: undefined, namespace: undefined, port: undefined }],
  ];
  for (const [input, expected] of cases) it(input, () => assert.deepEqual(parseStrimziAddress(input), expected));
  for (const other of ['localhost:9092', 'kafka.example.com:9092', 'my-cluster-kafka-0.my-cluster-kafka-brokers:9092', 'my-cluster-kafka-bootstrap.kafka.example.com:9092']) {
    it(`not Strimzi: ${other}`, () => assert.equal(parseStrimziAddress(other), undefined));
  }
});

describe('links', () => {
  it('a client config uses the clusters its bootstrap.servers name and provides its group', () => {
    const f = analyzeFile('c.properties', 'bootstrap.servers=a-kafka-bootstrap:9092,b-kafka-tls-bootstrap.ns.svc:9093\ngroup.id=g1\nkey.deserializer=x\n');
    const l = links(f);
    assert.deepEqual([...l.uses].sort(), ['cluster:a', 'cluster:b']);
    assert.deepEqual([...l.provides], ['group:g1']);
  });
  it('is computed once per parsed file', () => {
    const f = analyzeFile('c.properties', 'bootstrap.servers=a-kafka-bootstrap:9092\n');
    assert.equal(links(f), links(f));
  });
});
