#!/usr/bin/env node
// Compiles every schema in schemas/ ahead of time into ajv "standalone" validator modules under
// dist/validators/ (or --out DIR), so linting never pays ajv's compile cost at run time (about 0.2–0.3 s
// for the Strimzi Kafka schema). Part of `npm run build`; the output is not committed.
// Each module starts with `// kafka-k8s validator <key>`, the key being a hash of the schema text it was
// built from (see validatorKey in src/services/schemas.ts); the loader ignores modules whose key does not
// match and compiles at run time instead, so a stale build is slower, never wrong.
// Uses the same ajv options and schema preparation as the run time, by transpiling those two TypeScript
// files (src/core/schema/ajv-setup.ts, compact.ts) with esbuild.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const Ajv = require('ajv').default;
const { _ } = require('ajv');
const standalone = require('ajv/dist/standalone').default;

const argOut = process.argv.indexOf('--out');
const OUT = path.resolve(argOut !== -1 ? process.argv[argOut + 1] : path.join('dist', 'validators'));
const SCHEMAS = path.resolve('schemas');

/** Loads a dependency-free TypeScript module of ours. */
function loadTs(file) {
  const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}

const { AJV_OPTIONS, FORMATS, VALIDATOR_FORMAT } = loadTs('src/core/schema/ajv-setup.ts');
const { compactSchema } = loadTs('src/core/schema/compact.ts');

const key = (text) => createHash('sha256').update(`${VALIDATOR_FORMAT}\n`).update(text).digest('hex').slice(0, 32);

const catalog = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'catalog.json'), 'utf8'));
const t0 = Date.now();
let bytes = 0;
let reused = 0;
const files = [];
const header = (text) => `// kafka-k8s validator ${key(text)}\n`;
for (const e of catalog.schemas) {
  const text = fs.readFileSync(path.join(SCHEMAS, e.file), 'utf8');
  const out = path.join(OUT, e.file.replace(/\.json$/, '.js'));
  files.push(e.file);
  if (upToDate(out, header(text))) {
    reused++;
    continue;
  }
  // One ajv instance per schema keeps each module self-contained.
  const ajv = new Ajv({ ...AJV_OPTIONS, formats: FORMATS, code: { source: true, formats: _`require("./formats")` } });
  const validate = ajv.compile(compactSchema(JSON.parse(text)));
  const code = `${header(text)}${standalone(ajv, validate)}\n`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  bytes += code.length;
}
// Drop modules of schemas that no longer exist.
const keep = new Set(files.map((f) => path.join(OUT, f.replace(/\.json$/, '.js'))));
for (const f of walk(OUT)) if (f.endsWith('.js') && !keep.has(f)) fs.rmSync(f);
fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify({ ajv: require('ajv/package.json').version, validatorFormat: VALIDATOR_FORMAT, files }, null, 1) + '\n');
process.stdout.write(
  `validators: ${files.length - reused} of ${files.length} schemas compiled to ${path.relative(process.cwd(), OUT)} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${reused} up to date\n`,
);

/** Whether a generated module exists and was built from the same schema text and options. */
function upToDate(file, head) {
  try {
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(head.length);
    fs.readSync(fd, buf, 0, head.length, 0);
    fs.closeSync(fd);
    return buf.toString('utf8') === head;
  } catch {
    return false;
  }
}

function walk(d) {
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((x) => (x.isDirectory() ? walk(path.join(d, x.name)) : [path.join(d, x.name)]));
}
