// @ts-check
// Extension-host tests in a real VS Code: code-server (VS Code 1.139) runs the suite in its Node
// extension host, loaded through the workbench URL payload (extensionDevelopmentPath +
// extensionTestsPath, smoke-test driver on); headless Chromium opens the workbench and receives the
// result through codeAutomationExit. Exit code: 0 when every test passed.
'use strict';
const path = require('path');
const util = require('util');
const { ROOT, makeRunDir, startCodeServer, launchChromium, workbenchUrl, copyWorkspace, ensureExtensionBuilt, bundleSuite, NOISE } = require('./lib/code-server');
const { prepareExplorerKafka } = require('./lib/kafka');

(async () => {
  const T0 = Date.now();
  ensureExtensionBuilt();
  const run = makeRunDir('host');
  let server;
  let browser;
  let code = 1;
  let kafka;
  try {
    // The explorer tests read a seeded broker from the environment code-server passes to the extension host.
    kafka = await prepareExplorerKafka(run);
    if ('skip' in kafka) process.env.KAFKA_K8S_ITEST_KAFKA_SKIP = kafka.skip;
    else Object.assign(process.env, kafka.env);
    const workspace = copyWorkspace(run);
    const suite = await bundleSuite(run);
    // A stand-in for Red Hat YAML (its schema contributor API), installed as users have the real one.
    server = await startCodeServer(run, { workspace, smokeTestDriver: true, installExtensions: [path.join(ROOT, 'test', 'vscode', 'stubs', 'redhat-yaml')] });
    console.log(`code-server up on ${server.url} in ${server.startMs} ms`);
    browser = await launchChromium(run);
    let finish = (/** @type {unknown} */ _c) => {};
    const done = new Promise((r) => (finish = r));
    await browser.page.exposeFunction('codeAutomationExit', (c) => finish(c));
    await browser.page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...args);
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(line);
    });
    await browser.page.goto(workbenchUrl(server.url, workspace, { extensionDevelopmentPath: ROOT, extensionTestsPath: suite }));
    const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 240000);
    let timer;
    code = await Promise.race([done, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    console.log(`extension host exited with ${code} (total ${Date.now() - T0} ms)`);
  } catch (e) {
    console.error(e);
  } finally {
    await browser?.close();
    if (code !== 0 && server) console.log(require('fs').readFileSync(server.logFile, 'utf8').split('\n').slice(-30).join('\n'));
    await server?.stop();
    if (kafka && 'stop' in kafka) await kafka.stop();
    run.dispose();
  }
  process.exit(code === 0 ? 0 : 1);
})();
