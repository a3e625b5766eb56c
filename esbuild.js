// Builds the bundles, as vscode-eslint does:
//  - dist/extension.js: the VS Code extension (`vscode` is external, provided by the host);
//  - dist/cli.js: the `kafka-k8s` command, with nothing external, so a stray `vscode` import fails the build;
//  - dist/kafka-client.js: kafkajs and our adapter, which the extension loads only when the explorer connects.
// `--production` minifies; `--watch` rebuilds on change; a metafile per bundle goes to dist/ for size checks.
'use strict';
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports build results in the format of VS Code's esbuild problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  metafile: true,
  plugins: watch ? [problemMatcher] : [],
};

const targets = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', external: [], banner: { js: '#!/usr/bin/env node' } },
  // The Kafka client for the extension's explorer, loaded lazily from dist/ by src/extension/explorer/kafkaClient.ts.
  { ...common, entryPoints: ['src/services/kafka/client-bundle.ts'], outfile: 'dist/kafka-client.js', external: [] },
];

async function main() {
  fs.mkdirSync('dist', { recursive: true });
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    const results = await Promise.all(contexts.map((c) => c.rebuild()));
    results.forEach((r, i) => {
      const out = targets[i].outfile;
      fs.writeFileSync(out.replace(/\.js$/, '.meta.json'), JSON.stringify(r.metafile));
    });
    fs.chmodSync(path.join('dist', 'cli.js'), 0o755);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
