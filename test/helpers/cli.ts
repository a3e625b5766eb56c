import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';

/** Runs the `kafka-k8s` CLI in-process in `cwd` (empty environment), capturing its exit code and output. */
export async function runCapture(cwd: string, argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: {}, stdout: (t) => void (out += t), stderr: (t) => void (err += t), ...(stdin === undefined ? {} : { stdin: async () => stdin }) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/**
 * Call at the top of a test file: returns a function that writes files (relative path → text) into a new
 * temporary folder and returns its path. The folders are removed after the file's tests.
 */
export function tempWorkspaces(prefix: string): (files: Record<string, string>) => string {
  const roots: string[] = [];
  after(() => {
    for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  });
  return (files) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    roots.push(root);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
  };
}
