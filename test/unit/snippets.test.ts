import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

/**
 * Expands a VS Code snippet with its defaults: `${1:default}` (nested), `${1|a,b|}` (first choice),
 * `$1` / `${1}` (the default of the same tab stop, as VS Code mirrors it, else empty), `$0`, and
 * the escapes `\$`, `\}`, `\\`. Variables (`$TM_FILENAME`) are rejected: our snippets must not need them.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let i = 0;
  const MIRROR = '\u0000';
  const parse = (stop: string | undefined): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (stop && c === stop) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const simple = /^\$(\d+)/.exec(body.slice(i));
      if (simple) {
        out += `${MIRROR}${simple[1]}${MIRROR}`;
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
      if (!open) throw new Error(`Unsupported snippet syntax at ${i}: ${body.slice(i, i + 20)}`);
      const n = open[1];
      i += open[0].length;
      if (open[2] === '}') {
        out += `${MIRROR}${n}${MIRROR}`;
      } else if (open[2] === ':') {
        const d = parse('}');
        i++; // the closing brace
        if (!defaults.has(n)) defaults.set(n, d);
        out += d;
      } else {
        const end = body.indexOf('|}', i);
        if (end === -1) throw new Error(`Unclosed choice at ${i}`);
        const first = body.slice(i, end).split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        i = end + 2;
        if (!defaults.has(n)) defaults.set(n, first);
        out += first;
      }
    }
    if (stop) throw new Error(`Unclosed placeholder in snippet`);
    return out;
  };
  const text = parse(undefined);
  return text.replace(new RegExp(`${MIRROR}(\\d+)${MIRROR}`, 'g'), (_m, n: string) => defaults.get(n) ?? '');
}

function load(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

/**
 * Infos a standalone snippet may still get, and why they cannot be avoided: a snippet is one file,
 * so what it references (the cluster, the scaled Deployment) is not in the workspace.
 */
const EXPLAINED_INFOS: Record<string, string> = {
  'strimzi-cluster-label-unknown': 'the Kafka cluster named by strimzi.io/cluster is in another file',
  'strimzi-nodepool-missing': 'node pools of the cluster are in another file',
  'strimzi-entity-operator-missing': 'the Kafka cluster is in another file',
  'keda-scale-target-not-found': 'the Deployment being scaled is the user’s own, in another file',
  'keda-topic-not-in-workspace': 'the KafkaTopic is in another file',
  'bootstrap-unknown-strimzi-listener': 'the Kafka cluster is in another file',
  'user-auth-mismatch-with-cluster': 'the Kafka cluster is in another file',
};

const store = defaultSchemaStore();

function lintAlone(name: string, text: string): Finding[] {
  const f = analyzeFile(name, text);
  return lintFile(f, WorkspaceIndex.of([f]), { schemas: store });
}

function describeFindings(fs_: readonly Finding[]): string {
  return fs_.map((f) => `${f.severity} ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
}

describe('snippet expander', () => {
  it('expands defaults, choices, mirrors and escapes', () => {
    assert.equal(expandSnippet('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${3:${4:in}ner}$0 \\$HOME \\}'), 'a: x\nb: x\nc: p\nd: inner $HOME }');
    assert.equal(expandSnippet('${1}x$2'), 'x');
    assert.throws(() => expandSnippet('$TM_FILENAME'), /Unsupported/);
    assert.throws(() => expandSnippet('${1:open'), /Unclosed/);
  });
});

for (const [file, lang] of [
  ['yaml.json', 'yaml'],
  ['properties.json', 'properties'],
] as const) {
  describe(`snippets/${file}`, () => {
    const snippets = load(file);
    it('has well-formed entries with unique prefixes', () => {
      const prefixes = new Set<string>();
      assert.ok(Object.keys(snippets).length >= 2);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.description && s.description.length > 20, `${name}: description`);
        for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) {
          assert.ok(!prefixes.has(p), `${name}: duplicate prefix ${p}`);
          prefixes.add(p);
        }
        assert.ok(bodyText(s).length > 0);
      }
    });
    for (const [name, s] of Object.entries(snippets)) {
      it(`"${name}" expanded with its defaults lints clean`, () => {
        const text = expandSnippet(bodyText(s)) + '\n';
        const spring = text.startsWith('spring:');
        const fileName = lang === 'yaml' ? (spring ? 'application.yaml' : 'snippet.yaml') : 'client.properties';
        const findings = lintAlone(fileName, text);
        const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || (f.severity === 'info' && !EXPLAINED_INFOS[f.ruleId]));
        assert.deepEqual(bad, [], `${name}:\n${describeFindings(bad)}\n---\n${text}`);
        const f = analyzeFile(fileName, text);
        if (lang === 'yaml') assert.equal(f.kind, spring ? 'spring' : 'kubernetes');
        else assert.equal(f.kind, 'kafka-properties');
      });
    }
  });
}

describe('snippets together', () => {
  it('the YAML snippets form a consistent project (no cross-resource findings above info)', () => {
    const snippets = load('yaml.json');
    const files = Object.values(snippets).map((s, i) => {
      const text = expandSnippet(bodyText(s)) + '\n';
      return analyzeFile(text.startsWith('spring:') ? 'project/application.yaml' : `project/s${i}.yaml`, text);
    });
    const index = WorkspaceIndex.of(files);
    const findings = files.flatMap((f) => lintFile(f, index, { schemas: store, settings: { assumeCompleteWorkspace: true } }));
    const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || (f.severity === 'info' && f.ruleId !== 'keda-scale-target-not-found'));
    assert.deepEqual(bad, [], describeFindings(bad));
  });
});
