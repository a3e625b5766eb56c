/**
 * Hover and completion latency (pure language services, no editor): median ms per request on
 * `bench/fixtures/strimzi-typical.yaml` and on a generated 5,000-line multi-document file, next to
 * the time to parse the file once. Completion re-parses only the document around the cursor, so its
 * cost should not grow with the file. Run after compiling the tests: `node out/bench/language.js`.
 * Never asserted in tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { complete, hover } from '../src/core/language/index';
import type { Position } from '../src/core/model';
import { analyzeFile } from '../src/core/source';
import { defaultSchemaStore } from '../src/services/schemas';

const schemas = defaultSchemaStore();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => void, rounds: number): number {
  for (let i = 0; i < 20; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return Math.round(median(xs) * 1000) / 1000;
}

function generated(): string {
  const doc = (i: number) =>
    `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: topic-${i}\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  partitions: 12\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n    retention.ms: 604800000\n`;
  const parts: string[] = [];
  for (let i = 0; parts.join('---\n').split('\n').length < 5000; i++) parts.push(doc(i));
  return parts.join('---\n');
}

function run(name: string, text: string): Record<string, number | string> {
  const lines = text.split('\n');
  // A position in the middle of the file: the start of a config key (completion) and on it (hover).
  const mid = lines.findIndex((l, i) => i >= lines.length / 2 && /^\s+[a-z.]+\.[a-z.]+:/.test(l));
  const line = mid === -1 ? Math.floor(lines.length / 2) : mid;
  const col = lines[line].length - lines[line].trimStart().length;
  const pos: Position = { line, character: col };
  const file = analyzeFile(`${name}.yaml`, text);
  return {
    file: name,
    lines: lines.length,
    parseMs: time(() => analyzeFile(`${name}.yaml`, text), 20),
    completeMs: time(() => complete(file, pos, { schemas }), 100),
    hoverMs: time(() => hover(file, { line, character: col + 2 }, { schemas }), 200),
    items: complete(file, pos, { schemas }).length,
  };
}

const typical = fs.readFileSync(path.join(process.cwd(), 'bench', 'fixtures', 'strimzi-typical.yaml'), 'utf8');
console.table([run('strimzi-typical', typical), run('generated-5000', generated())]);
