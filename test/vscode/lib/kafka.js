// @ts-check
// Loads test/vscode/lib/kafka-fixture.ts (bundled with esbuild into the run folder) for the JS launchers:
// a seeded Kafka broker for the explorer tests, or the reason there is none.
'use strict';
const path = require('path');
const { ROOT } = require('./code-server');

/** @param {{ sub(name: string): string }} run @returns {Promise<import('./kafka-fixture').ExplorerKafka | { skip: string }>} */
async function prepareExplorerKafka(run) {
  const out = path.join(run.sub('kafka-fixture'), 'index.js');
  await require('esbuild').build({
    entryPoints: [path.join(ROOT, 'test', 'vscode', 'lib', 'kafka-fixture.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return require(out).prepareExplorerKafka();
}

module.exports = { prepareExplorerKafka };
