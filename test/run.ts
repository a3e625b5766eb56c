/**
 * `npm test`: runs every compiled test file under out/test with Node's built-in runner.
 * Shared infrastructure that needs one instance per run (the Kafka broker) is started here
 * and passed to the tests through the environment.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

async function main(): Promise<number> {
  const root = path.join(__dirname);
  const files = testFiles(root).filter((f) => process.argv.slice(2).every((a) => f.includes(a)));
  const child = spawn(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: process.env });
  return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
