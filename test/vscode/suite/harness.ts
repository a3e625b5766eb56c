/**
 * A framework-free test runner for the extension host (as rust-analyzer's): tests register with
 * `test()`, `run()` executes them in order with a timeout each and prints a summary the launcher reads.
 */
import * as vscode from 'vscode';

interface TestCase {
  readonly name: string;
  readonly fn: () => Promise<void> | void;
  readonly timeoutMs: number;
}

const tests: TestCase[] = [];

export function test(name: string, fn: () => Promise<void> | void, timeoutMs = 30000): void {
  tests.push({ name, fn, timeoutMs });
}

export async function runAll(): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  console.log(`kafka-k8s extension-host suite: node ${process.version}, VS Code ${vscode.version}, ${vscode.env.appHost}, uiKind ${vscode.env.uiKind}`);
  for (const t of tests) {
    const t0 = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs))),
      ]);
      passed++;
      console.log(`  ✔ ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✘ ${t.name} (${Date.now() - t0} ms)\n    ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 8).join('\n    ') : String(e)}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or `timeoutMs` passes (then throws with `what`). */
export async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
