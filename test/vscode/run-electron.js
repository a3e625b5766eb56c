// @ts-check
// The same extension-host suite through @vscode/test-electron, for machines that can download VS Code
// (a developer laptop; CI with internet). It downloads into the per-run folder by default, or reuses
// VSCODE_TEST_CACHE; VSCODE_VERSION picks the version (default: the minimum engines.vscode, then
// stable with VSCODE_VERSION=stable). On Linux without a display, run it under xvfb-run.
'use strict';
const path = require('path');
const { ROOT, makeRunDir, copyWorkspace, ensureExtensionBuilt, bundleSuite } = require('./lib/code-server');

(async () => {
  ensureExtensionBuilt();
  const run = makeRunDir('electron');
  let code = 1;
  try {
    const { runTests } = require('@vscode/test-electron');
    const engine = require(path.join(ROOT, 'package.json')).engines.vscode.replace(/^[^\d]*/, '');
    const version = process.env.VSCODE_VERSION || engine;
    const workspace = copyWorkspace(run);
    const extensionTestsPath = await bundleSuite(run);
    code = await runTests({
      version,
      cachePath: process.env.VSCODE_TEST_CACHE || run.sub('vscode'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${run.sub('user-data')}`, `--extensions-dir=${run.sub('extensions')}`],
      extensionTestsEnv: { KAFKA_K8S_TEST_TIER: 'electron' },
    });
  } catch (e) {
    console.error(`@vscode/test-electron failed: ${e instanceof Error ? e.message : String(e)}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(e))) console.error('VS Code could not be downloaded here; use the code-server tier (npm run test:vscode).');
  } finally {
    run.dispose();
  }
  process.exit(code === 0 ? 0 : 1);
})();
