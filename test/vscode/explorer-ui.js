// @ts-check
// UI end-to-end for the Kafka cluster explorer: the extension installed into code-server (no smoke-test
// driver, so dialogs and welcome content behave as for a user), driven in headless Chromium. A user's
// path: click the Kafka activity-bar icon, see the welcome, add the test broker through the wizard,
// expand Topics and Consumer Groups, read the seeded topic and the group's lag in the tree, watch the
// group (status-bar alert past the threshold), delete a topic through the modal that names it, add an
// unreachable address and see an error node (not a pop-up) within the request timeout.
// Screenshots: test-results/vscode-ui/explorer-*.png (the tree on success; the failing step otherwise).
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT, makeRunDir, startCodeServer, launchChromium, workbenchUrl, copyWorkspace, ensureExtensionBuilt } = require('./lib/code-server');
const { prepareExplorerKafka } = require('./lib/kafka');

const SHOTS = path.join(ROOT, 'test-results', 'vscode-ui');
const T0 = Date.now();
const lap = (/** @type {string} */ m) => console.log(`${String(Date.now() - T0).padStart(6)} ms  ${m}`);
const CLUSTER = 'Test broker';
const TIMEOUT_MS = 3000; // kafkaK8s.explorer.requestTimeoutMs for this run

/** A port on 127.0.0.1 nothing listens on (bound, then closed). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const s = require('net').createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

(async () => {
  ensureExtensionBuilt();
  const run = makeRunDir('explorer-ui');
  let server;
  let browser;
  let kafka;
  let failed = false;
  let current = 'start';
  try {
    kafka = await prepareExplorerKafka(run);
    if ('skip' in kafka) {
      if (process.env.CI === 'true') throw new Error(`the explorer UI test needs a Kafka broker: ${kafka.skip}`);
      console.log(`explorer UI checks skipped: ${kafka.skip}`);
      return;
    }
    const { bootstrap, topic, group, scratchTopic } = kafka;
    lap(`broker ${bootstrap} seeded: ${topic}, ${group}`);
    const workspace = copyWorkspace(run);
    server = await startCodeServer(run, { workspace, installExtensions: [ROOT], settings: { 'kafkaK8s.explorer.requestTimeoutMs': TIMEOUT_MS } });
    lap(`code-server up (${server.startMs} ms)`);
    browser = await launchChromium(run);
    const page = browser.page;
    page.setDefaultTimeout(30000);
    const tree = page.locator('[id="workbench.view.extension.kafkaK8s"] .monaco-list');
    const esc = (/** @type {string} */ t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    /** The row whose label is exactly `label` (hasText alone is a case-insensitive substring match). */
    const row = (/** @type {string} */ label) => tree.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${esc(label)}$`) }) }).first();
    const step = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) => {
      current = name;
      await fn();
      lap(name);
    };

    await step('workbench loaded', async () => {
      await page.goto(workbenchUrl(server.url, workspace));
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    });
    await step('Kafka activity-bar icon opens the Clusters view with its welcome', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Kafka"], .activitybar .action-item .action-label[aria-label^="Kafka"]').first().click();
      await page.locator('.welcome-view-content', { hasText: 'No Kafka clusters yet' }).waitFor();
      // A wider side bar (as users with long topic names have), so the screenshots show whole descriptions.
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width + 300, box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.mouse.move(900, 600); // off the sash, so it is not highlighted in the screenshot
      await page.screenshot({ path: path.join(SHOTS, 'explorer-welcome.png') });
    });
    await step('Add Cluster wizard (bootstrap, name, no auth, no TLS)', async () => {
      await page.locator('.welcome-view-content .monaco-button', { hasText: 'Add Cluster' }).click();
      const qi = page.locator('.quick-input-widget');
      await qi.locator('.quick-input-title', { hasText: '(1/4)' }).waitFor();
      await qi.locator('input').fill(bootstrap);
      await page.keyboard.press('Enter');
      await qi.locator('.quick-input-title', { hasText: '(2/4)' }).waitFor();
      await qi.locator('input').fill(CLUSTER);
      await page.keyboard.press('Enter');
      await qi.locator('.quick-input-title', { hasText: '(3/4)' }).waitFor();
      await qi.locator('.monaco-list-row', { hasText: 'No authentication' }).click();
      await qi.locator('.quick-input-title', { hasText: '(4/4)' }).waitFor();
      await qi.locator('.monaco-list-row', { hasText: 'No TLS (plaintext)' }).click();
      await qi.waitFor({ state: 'hidden' });
    });
    await step('the cluster shows with its brokers and topics count', async () => {
      await row(CLUSTER).locator('.label-description', { hasText: /1 broker · \d+ topics/ }).waitFor();
      await row('Consumer Groups').waitFor(); // revealed expanded after adding
    });
    await step('Topics expanded: the seeded topic with partitions, RF and lag', async () => {
      await row('Topics').click();
      await row(topic).locator('.label-description', { hasText: '2 partitions · RF 1 · lag 1.2k' }).waitFor();
    });
    await step('Consumer Groups expanded: the group with its lag and status, per-partition rows', async () => {
      await row('Consumer Groups').click();
      await row(group).locator('.label-description', { hasText: 'lag 1.2k · STOP' }).waitFor();
      await row(group).click();
      // The group's topic row: level 4 (cluster › Consumer Groups › group › topic); the Topics one is level 3.
      await tree.locator('.monaco-list-row[aria-level="4"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${esc(topic)}$`) }) }).click();
      await tree.locator('.monaco-list-row', { hasText: 'committed 300 · end 1500 · lag 1200' }).waitFor();
    });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'explorer-tree.png') });
    await step('Watch Lag on the group: the status bar warns (lag 1200 > threshold 1000)', async () => {
      await row(group).hover();
      await row(group).locator('.action-label[aria-label="Watch Lag"]').click();
      await page.locator('.statusbar-item', { hasText: `${group} lag 1.2k` }).waitFor();
      await row(group).hover();
      await row(group).locator('.action-label[aria-label="Stop Watching Lag"]').waitFor();
    });
    await page.screenshot({ path: path.join(SHOTS, 'explorer-watch.png') });
    await step('Delete Topic: the modal names the topic; confirming removes it', async () => {
      await row(scratchTopic).click({ button: 'right' });
      const item = page.locator('.context-view .action-menu-item', { hasText: 'Delete Topic…' });
      await item.hover();
      await item.click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor();
      const text = await dialog.innerText();
      if (!text.includes(`Delete topic '${scratchTopic}' from cluster '${CLUSTER}'?`)) throw new Error(`the dialog does not name the topic: ${text}`);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-delete.png') });
      await dialog.locator('.monaco-button', { hasText: 'Delete Topic' }).click();
      await row(scratchTopic).waitFor({ state: 'detached' });
      await row(topic).waitFor();
    });
    await step('an unreachable address (closed port) becomes an error node, within the request timeout', async () => {
      const port = await closedPort();
      await page.locator('.part.sidebar .action-label[aria-label^="Add Cluster"]:visible').first().click(); // the view's title bar
      const qi = page.locator('.quick-input-widget');
      await qi.locator('.quick-input-title', { hasText: '(1/4)' }).waitFor();
      await qi.locator('input').fill(`127.0.0.1:${port}`);
      await page.keyboard.press('Enter');
      await qi.locator('.quick-input-title', { hasText: '(2/4)' }).waitFor();
      await qi.locator('input').fill('Offline broker');
      await page.keyboard.press('Enter');
      await qi.locator('.monaco-list-row', { hasText: 'No authentication' }).click();
      await qi.locator('.quick-input-title', { hasText: '(4/4)' }).waitFor();
      const t0 = Date.now();
      await qi.locator('.monaco-list-row', { hasText: 'No TLS (plaintext)' }).click();
      await row('Offline broker').locator('.label-description', { hasText: 'unreachable' }).waitFor({ timeout: TIMEOUT_MS + 5000 });
      await tree.locator('.monaco-list-row', { hasText: `Cannot reach Kafka at 127.0.0.1:${port}` }).waitFor();
      const ms = Date.now() - t0;
      if (ms > TIMEOUT_MS + 2000) throw new Error(`the error node took ${ms} ms (timeout ${TIMEOUT_MS} ms)`);
      lap(`  error node after ${ms} ms`);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-unreachable.png') });
    });
    await step('no notification toasts on the way', async () => {
      const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      if (toasts.length) throw new Error(`unexpected notifications: ${JSON.stringify(toasts)}`);
    });
    lap('explorer UI checks passed');
  } catch (e) {
    failed = true;
    console.error(`explorer UI step "${current}" failed: ${String(e && /** @type {Error} */ (e).message).split('\n').slice(0, 4).join(' | ')}`);
    if (browser) {
      fs.mkdirSync(SHOTS, { recursive: true });
      const file = path.join(SHOTS, `explorer-failed-${current.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
      await browser.page.screenshot({ path: file }).catch(() => undefined);
      console.error(`screenshot: ${path.relative(ROOT, file)}`);
    }
    if (server) console.error(fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n'));
  } finally {
    await browser?.close();
    await server?.stop();
    if (kafka && 'stop' in kafka) await kafka.stop();
    run.dispose();
    lap('stopped');
  }
  process.exit(failed ? 1 : 0);
})();
