/**
 * Runs the VS Code tiers as child processes so their results count in `npm test`:
 *  - the extension-host suite inside code-server's real extension host (run-host.js);
 *  - the UI end-to-end check in Chromium against code-server (run-ui.js);
 *  - the Kafka explorer's UI end-to-end check (explorer-ui.js) on the broker test/run.ts started (or
 *    its own, when run alone and the jars are present; skipped with the reason when there is none);
 *  - optionally the same suite through @vscode/test-electron (run-electron.js), where VS Code can be
 *    downloaded: set KAFKA_K8S_VSCODE_ELECTRON=1.
 * Without code-server/Chromium the tiers are skipped with the reason, except under CI=true, where that
 * is a failure.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import test, { type TestContext } from 'node:test';

const ROOT = process.cwd();
const lib = require(path.join(ROOT, 'test', 'vscode', 'lib', 'code-server.js')) as { missingPrerequisite(): string | undefined };

function runScript(script: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'test', 'vscode', script)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs); // the launcher stops its own process groups on exit
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function prerequisites(t: TestContext): boolean {
  const missing = lib.missingPrerequisite();
  if (!missing) return true;
  if (process.env.CI === 'true') assert.fail(`VS Code tests cannot run: ${missing}`);
  t.skip(missing);
  return false;
}

async function tier(t: TestContext, script: string, timeoutMs: number): Promise<void> {
  const { code, output } = await runScript(script, timeoutMs);
  for (const line of output.split('\n')) if (/BENCH|passed, \d+ failed|✘|UI checks passed|failed/.test(line)) t.diagnostic(line.trim());
  assert.equal(code, 0, `${script} exited with ${code}:\n${output.split('\n').slice(-60).join('\n')}`);
}

test('VS Code extension-host suite (code-server)', { timeout: 300000 }, async (t) => {
  if (prerequisites(t)) await tier(t, 'run-host.js', 280000);
});

test('VS Code UI end-to-end (Chromium + code-server)', { timeout: 180000 }, async (t) => {
  if (prerequisites(t)) await tier(t, 'run-ui.js', 170000);
});

test('VS Code Kafka explorer UI end-to-end (Chromium + code-server + Kafka broker)', { timeout: 180000 }, async (t) => {
  if (!prerequisites(t)) return;
  const { code, output } = await runScript('explorer-ui.js', 170000);
  const skipped = /explorer UI checks skipped: (.*)/.exec(output);
  if (code === 0 && skipped) {
    t.skip(skipped[1]);
    return;
  }
  for (const line of output.split('\n')) if (/UI checks passed|failed|screenshot:/.test(line)) t.diagnostic(line.trim());
  assert.equal(code, 0, `explorer-ui.js exited with ${code}:\n${output.split('\n').slice(-60).join('\n')}`);
});

test('VS Code extension-host suite (@vscode/test-electron)', { timeout: 600000 }, async (t) => {
  if (process.env.KAFKA_K8S_VSCODE_ELECTRON !== '1') {
    t.skip('set KAFKA_K8S_VSCODE_ELECTRON=1 where VS Code can be downloaded (npm run test:vscode:electron)');
    return;
  }
  await tier(t, 'run-electron.js', 580000);
});
