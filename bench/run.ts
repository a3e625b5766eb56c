/**
 * `npm run bench`: lint throughput and memory, measured side by side with the `yaml` package's own
 * parse time in the same run (ratios are what we track; absolute figures depend on the machine).
 *
 *  (a) a typical ~150-line Strimzi manifest, warm: median ms of analyze+lint (full engine: parse,
 *      schema validation, every rule) vs `yaml.parseAllDocuments` on the same text.
 *      Budget: ≤ 2 ms and ≤ 2× parse.
 *  (b) a generated 100,000-line multi-document workspace (many files): files/s, lines/s, ratio to yaml
 *      parse time, schema compiles, and heap/RSS while linting file after file (memory must stay flat);
 *      then the real CLI over the same folder.
 *
 * Prints a table and writes JSON to bench/results/ (git-ignored). Never asserted in tests.
 * Options: --quick (fewer rounds), --no-cli, --only=typical|workspace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintFile, lintIndex } from '../src/core/engine';
import { schemaCompileCount } from '../src/core/schema/validate';
import { analyzeFile } from '../src/core/source';
import { WorkspaceIndex } from '../src/core/workspace';
import { defaultSchemaStore } from '../src/services/schemas';
import { median, now } from './stats';
import { generateWorkspace } from './workspace';

const ROOT = process.cwd();
const quick = process.argv.includes('--quick');
const schemas = defaultSchemaStore();
const gc = (globalThis as { gc?: () => void }).gc;

function mb(n: number): number {
  return Math.round((n / 1024 / 1024) * 10) / 10;
}

function memory(): { heapMB: number; rssMB: number } {
  gc?.();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss) };
}

// ---- (a) typical manifest, warm -------------------------------------------------------------------

function typical() {
  const file = path.join(ROOT, 'bench', 'fixtures', 'strimzi-typical.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').length - 1;
  const t0 = now();
  const first = analyzeFile('strimzi-typical.yaml', text);
  lintFile(first, WorkspaceIndex.of([first]), { schemas });
  const coldMs = now() - t0;
  const rounds = quick ? 200 : 1000;
  const parse: number[] = [];
  const analyze: number[] = [];
  const total: number[] = [];
  const schemaOff: number[] = [];
  let findings = 0;
  for (let i = 0; i < 50; i++) {
    parseAllDocuments(text);
    const f = analyzeFile('strimzi-typical.yaml', text);
    lintFile(f, WorkspaceIndex.of([f]), { schemas });
  }
  // Interleaved, so drift (GC, CPU frequency, other processes) hits every series alike.
  for (let i = 0; i < rounds; i++) {
    let t = now();
    parseAllDocuments(text);
    parse.push(now() - t);

    t = now();
    const f = analyzeFile('strimzi-typical.yaml', text);
    const a = now();
    findings = lintFile(f, WorkspaceIndex.of([f]), { schemas }).length;
    const b = now();
    analyze.push(a - t);
    total.push(b - t);

    t = now();
    const g = analyzeFile('strimzi-typical.yaml', text);
    lintFile(g, WorkspaceIndex.of([g]), { schemas, schemaValidation: false });
    schemaOff.push(now() - t);
  }
  const p = median(parse);
  const tot = median(total);
  return {
    file: 'bench/fixtures/strimzi-typical.yaml',
    lines,
    documents: first.resources.length,
    findings,
    rounds,
    coldFirstLintMs: round(coldMs),
    yamlParseMedianMs: round(p),
    analyzeMedianMs: round(median(analyze)),
    lintTotalMedianMs: round(tot),
    lintWithoutSchemaMedianMs: round(median(schemaOff)),
    ratioToParse: round(tot / p),
    budget: { maxMs: 2, maxRatio: 2, withinMs: tot <= 2, withinRatio: tot / p <= 2 },
  };
}

// ---- (b) generated workspace ----------------------------------------------------------------------

function workspace() {
  const dir = path.join(os.tmpdir(), `kafka-k8s-bench-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const gen = generateWorkspace(dir, 100_000);
  const files = gen.files;
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

  const isYaml = files.map((f) => /\.ya?ml$/.test(f));
  const parseAll = () => {
    const t0 = now();
    for (let i = 0; i < files.length; i++) if (isYaml[i]) parseAllDocuments(texts[i]);
    return now() - t0;
  };
  parseAll(); // warm the parser

  // Streaming, one file at a time (as the editor does), each file's yaml parse timed right before its
  // lint so that load on the machine affects both alike; memory sampled every tenth of the way.
  const compilesBefore = schemaCompileCount();
  const samples: { filesDone: number; heapMB: number; rssMB: number }[] = [{ filesDone: 0, ...memory() }];
  const step = Math.max(1, Math.floor(files.length / 10));
  let findings = 0;
  let parseMs = 0;
  let lintMs = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < files.length; i++) {
    const s0 = now();
    if (isYaml[i]) parseAllDocuments(texts[i]);
    const s1 = now();
    const f = analyzeFile(files[i], texts[i]);
    findings += lintFile(f, WorkspaceIndex.of([f]), { schemas }).length;
    const s2 = now();
    parseMs += s1 - s0;
    lintMs += s2 - s1;
    if ((i + 1) % step === 0 || i === files.length - 1) samples.push({ filesDone: i + 1, ...memory() });
  }
  const cpu = process.cpuUsage(cpu0);
  const streamCompiles = schemaCompileCount() - compilesBefore;

  // Whole workspace at once (as the CLI does: one index, cross-file rules see everything), between two
  // yaml-only passes.
  const before = parseAll();
  let t = now();
  const index = WorkspaceIndex.of(files.map((f, i) => analyzeFile(f, texts[i])));
  const indexFindings = lintIndex(index, { schemas }).length;
  const indexMs = now() - t;
  const after = parseAll();
  const yamlMs = (before + after) / 2;
  const afterIndex = memory();

  let cli: Record<string, unknown> | undefined;
  const cliJs = path.join(ROOT, 'dist', 'cli.js');
  if (!process.argv.includes('--no-cli') && fs.existsSync(cliJs)) {
    t = now();
    const r = spawnSync(process.execPath, [cliJs, 'lint', '--format', 'json', '--output', path.join(dir, '..', `kafka-k8s-bench-${process.pid}.json`), dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = now() - t;
    cli = { exitCode: r.status, wallMs: Math.round(ms), filesPerSec: Math.round(files.length / (ms / 1000)), linesPerSec: Math.round(gen.lines / (ms / 1000)), ratioToYamlParse: round(ms / yamlMs) };
    fs.rmSync(path.join(dir, '..', `kafka-k8s-bench-${process.pid}.json`), { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const heap = samples.slice(1).map((s) => s.heapMB);
  return {
    files: files.length,
    lines: gen.lines,
    documents: gen.documents,
    yamlParseMs: Math.round(yamlMs),
    streaming: {
      yamlParseMs: Math.round(parseMs),
      lintMs: Math.round(lintMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      filesPerSec: Math.round(files.length / (lintMs / 1000)),
      linesPerSec: Math.round(gen.lines / (lintMs / 1000)),
      ratioToYamlParse: round(lintMs / parseMs),
      findings,
      schemaCompiles: streamCompiles,
      memory: samples,
      heapGrowthFirstToLastTenthMB: round(heap[heap.length - 1] - heap[0]),
    },
    wholeIndex: { lintMs: Math.round(indexMs), filesPerSec: Math.round(files.length / (indexMs / 1000)), linesPerSec: Math.round(gen.lines / (indexMs / 1000)), ratioToYamlParse: round(indexMs / yamlMs), findings: indexFindings, ...afterIndex },
    cli,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function main(): void {
  if (!gc && !process.execArgv.includes('--expose-gc')) {
    // Heap figures need a GC before each sample: re-run with --expose-gc.
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const only = process.argv.find((x) => x.startsWith('--only='))?.slice(7);
  const a = only === 'workspace' ? undefined : typical();
  const b = only === 'typical' ? undefined : workspace();
  const out = { date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, typical: a, workspace: b };

  const w = (s: unknown, n: number) => String(s).padEnd(n);
  const lines: string[] = [];
  if (a) lines.push(
    '',
    `(a) typical manifest: ${a.file} (${a.lines} lines, ${a.documents} documents), ${a.rounds} warm rounds, medians`,
    `    ${w('yaml.parseAllDocuments', 34)}${a.yamlParseMedianMs.toFixed(3)} ms`,
    `    ${w('analyze (parse + classify)', 34)}${a.analyzeMedianMs.toFixed(3)} ms`,
    `    ${w('analyze + lint, schemas off', 34)}${a.lintWithoutSchemaMedianMs.toFixed(3)} ms`,
    `    ${w('analyze + lint (full engine)', 34)}${a.lintTotalMedianMs.toFixed(3)} ms   ${a.ratioToParse.toFixed(2)}× parse   budget ≤ 2 ms: ${a.budget.withinMs ? 'yes' : 'NO'}, ≤ 2×: ${a.budget.withinRatio ? 'yes' : 'NO'}`,
    `    ${w('first lint in a fresh process', 34)}${a.coldFirstLintMs.toFixed(1)} ms (loads and compiles the schemas it needs)`,
  );
  if (b) lines.push(
    '',
    `(b) generated workspace: ${b.files} files, ${b.lines} lines, ${b.documents} documents; yaml parse alone ${b.yamlParseMs} ms (file by file: ${b.streaming.yamlParseMs} ms, interleaved)`,
    `    ${w('mode', 22)}${w('ms', 9)}${w('files/s', 10)}${w('lines/s', 11)}× yaml parse`,
    `    ${w('file by file', 22)}${w(b.streaming.lintMs, 9)}${w(b.streaming.filesPerSec, 10)}${w(b.streaming.linesPerSec, 11)}${b.streaming.ratioToYamlParse.toFixed(2)}`,
    `    ${w('whole index', 22)}${w(b.wholeIndex.lintMs, 9)}${w(b.wholeIndex.filesPerSec, 10)}${w(b.wholeIndex.linesPerSec, 11)}${b.wholeIndex.ratioToYamlParse.toFixed(2)}`,
    ...(b.cli ? [`    ${w('CLI (node dist/cli.js)', 22)}${w(b.cli.wallMs, 9)}${w(b.cli.filesPerSec, 10)}${w(b.cli.linesPerSec, 11)}${(b.cli.ratioToYamlParse as number).toFixed(2)}   (process start included; exit ${b.cli.exitCode})`] : []),
    `    load average while running: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (figures are noisy when it exceeds the CPU count)`,
    `    schema compiles while linting ${b.files} files: ${b.streaming.schemaCompiles}; findings: ${b.streaming.findings}`,
    `    heap/RSS after GC (files done → heap MB / RSS MB): ${b.streaming.memory.map((m) => `${m.filesDone}→${m.heapMB}/${m.rssMB}`).join('  ')}`,
    `    heap growth from the first to the last tenth: ${b.streaming.heapGrowthFirstToLastTenthMB} MB; whole index held in memory: heap ${b.wholeIndex.heapMB} MB, RSS ${b.wholeIndex.rssMB} MB`,
  );
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `bench-${out.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n');
  process.stdout.write(`results: ${path.relative(ROOT, file)}\n`);
}

main();
