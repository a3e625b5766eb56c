/**
 * Layering checks: only src/extension may import `vscode`; src/core is pure (no console, no file,
 * network or process I/O, no imports from the outer layers); the CLI bundle never loads `vscode`.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = process.cwd();
const SRC = path.join(ROOT, 'src');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Source text without comments (strings are kept: module specifiers live in them). */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports, requires or dynamically imports. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[2]);
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
const files = walk(SRC).map((f) => ({ file: f, rel: rel(f), text: code(f) }));

const NODE_IO = new Set(['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'readline', 'inspector']);

describe('architecture', () => {
  it('imports vscode only in src/extension', () => {
    const bad = files.filter((f) => !f.rel.startsWith('src/extension/') && specifiers(f.text).includes('vscode')).map((f) => f.rel);
    assert.deepEqual(bad, []);
  });

  it('keeps src/core free of console and Node I/O', () => {
    const bad: string[] = [];
    for (const f of files.filter((x) => x.rel.startsWith('src/core/'))) {
      if (/\bconsole\s*\./.test(f.text)) bad.push(`${f.rel}: uses console`);
      for (const s of specifiers(f.text)) {
        const bare = s.replace(/^node:/, '');
        if (NODE_IO.has(bare)) bad.push(`${f.rel}: imports ${s}`);
      }
      if (/\bprocess\.(env|exit|stdout|stderr|cwd)\b/.test(f.text)) bad.push(`${f.rel}: uses process I/O`);
    }
    assert.deepEqual(bad, []);
  });

  it('keeps the layers pointing inwards (core ← services ← cli/extension)', () => {
    const bad: string[] = [];
    const forbidden: Record<string, string[]> = {
      'src/core/': ['src/services/', 'src/cli/', 'src/extension/'],
      'src/services/': ['src/cli/', 'src/extension/'],
      'src/cli/': ['src/extension/'],
    };
    for (const f of files) {
      const layer = Object.keys(forbidden).find((l) => f.rel.startsWith(l));
      if (!layer) continue;
      for (const s of specifiers(f.text)) {
        if (!s.startsWith('.')) continue;
        const target = rel(path.resolve(path.dirname(f.file), s));
        const hit = forbidden[layer].find((l) => `${target}/`.startsWith(l) || target.startsWith(l));
        if (hit) bad.push(`${f.rel} imports ${s} (${hit})`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('builds a CLI bundle that never requires vscode', () => {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run npm run build (npm test does)');
    const text = fs.readFileSync(cli, 'utf8');
    assert.doesNotMatch(text, /require\(\s*["']vscode["']\s*\)/);
    assert.doesNotMatch(text, /from\s*["']vscode["']/);
  });

  it('keeps the Kafka and Kubernetes clients out of the extension bundle (loaded lazily from dist/kafka-client.js)', () => {
    const meta = path.join(ROOT, 'dist', 'extension.meta.json');
    assert.ok(fs.existsSync(meta), 'dist/extension.meta.json is missing: run npm run build (npm test does)');
    const inputs = Object.keys(JSON.parse(fs.readFileSync(meta, 'utf8')).inputs as Record<string, unknown>);
    assert.deepEqual(inputs.filter((i) => /node_modules\/(kafkajs|@kubernetes)\//.test(i)), []);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'kafka-client.js')), 'dist/kafka-client.js is missing');
  });
});
