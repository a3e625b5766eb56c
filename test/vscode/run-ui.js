// @ts-check
// UI end-to-end: the extension installed into code-server's --extensions-dir (no smoke-test driver, so
// the workbench behaves as for a user), driven in headless Debian Chromium with playwright-core:
// open a Strimzi manifest, see the squiggle and the Problems entry, apply the quick fix from the light
// bulb, see the finding disappear. A failing step saves a screenshot into test-results/vscode-ui/.
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT, makeRunDir, startCodeServer, launchChromium, workbenchUrl, copyWorkspace, ensureExtensionBuilt } = require('./lib/code-server');

const SHOTS = path.join(ROOT, 'test-results', 'vscode-ui');
const T0 = Date.now();
const lap = (m) => console.log(`${String(Date.now() - T0).padStart(6)} ms  ${m}`);
const FILE = 'payments-topic.yaml';
const MESSAGE = "Unknown field 'replica' in 'spec'";

/** @param {import('playwright-core').Page} page @param {string} title */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const qi = page.locator('.quick-input-widget');
  await qi.waitFor({ state: 'visible' });
  await qi.locator('input').fill('>' + title); // F1 pre-fills '>'; fill() replaces it, so keep the '>'
  await qi.locator('.monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

(async () => {
  ensureExtensionBuilt();
  const run = makeRunDir('ui');
  let server;
  let browser;
  let failed = false;
  let current = 'start';
  try {
    const workspace = copyWorkspace(run);
    server = await startCodeServer(run, { workspace, installExtensions: [ROOT] });
    lap(`code-server up (${server.startMs} ms)`);
    browser = await launchChromium(run);
    const page = browser.page;
    page.setDefaultTimeout(60000);
    const step = async (name, fn) => {
      current = name;
      await fn();
      lap(name);
    };

    await step('workbench loaded', async () => {
      await page.goto(workbenchUrl(server.url, workspace));
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    });
    await step(`${FILE} open`, async () => {
      await page.locator('.part.editor').click({ position: { x: 300, y: 300 } });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
      await page.locator('.quick-input-widget input').fill(FILE);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: FILE }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: FILE }).waitFor();
    });
    await step('squiggle under the finding', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    });
    await step('Problems panel lists the finding', async () => {
      await runCommand(page, 'View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE }).first().waitFor();
      const row = await page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE }).first().innerText();
      if (!row.includes('schema-unknown-field')) throw new Error(`Problems row lacks the rule id: ${row}`);
    });
    await step('light bulb on the finding\'s line', async () => {
      await page.locator('.editor-instance .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':9:3');
      await page.keyboard.press('Enter');
      await page.locator('.lightBulbWidget').first().waitFor({ state: 'visible' });
    });
    await step('its menu offers the fix first', async () => {
      await page.locator('.lightBulbWidget').first().click();
      await page.locator('.action-widget .monaco-list-row', { hasText: 'replicas' }).first().waitFor();
      const rows = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
      lap(`  menu: ${JSON.stringify(rows.map((r) => r.trim()).filter(Boolean))}`);
    });
    await step('fix applied, finding gone', async () => {
      await page.locator('.action-widget .monaco-list-row', { hasText: 'replicas' }).first().click();
      await page.locator('.monaco-editor .view-line', { hasText: 'replicas: 3' }).first().waitFor();
      await page.locator('.markers-panel .monaco-list-row', { hasText: MESSAGE }).first().waitFor({ state: 'detached' });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
    });
    await step('Kafka: Lint Workspace reports on closed files', async () => {
      await runCommand(page, 'Kafka: Lint Workspace');
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Kafka lint:' }).first().waitFor();
      // The Problems list is virtualised: filter it to the closed file's finding rather than rely on where it is.
      const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
      await filter.fill('advertised.listeners');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'advertised.listeners is managed by Strimzi' }).first().waitFor();
      await filter.fill('');
    });
    lap('UI checks passed');
  } catch (e) {
    failed = true;
    console.error(`UI step "${current}" failed: ${String(e && e.message).split('\n').slice(0, 4).join(' | ')}`);
    if (browser) {
      fs.mkdirSync(SHOTS, { recursive: true });
      const file = path.join(SHOTS, `${current.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.error(`screenshot: ${path.relative(ROOT, file)}`);
    }
    if (server) console.error(fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n'));
  } finally {
    await browser?.close();
    await server?.stop();
    run.dispose();
    lap('stopped');
  }
  process.exit(failed ? 1 : 0);
})();
