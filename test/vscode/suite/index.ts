// The `extensionTestsPath` entry: the extension host loads this file and calls `run()` (the contract
// @vscode/test-electron and code-server's smoke-test driver share). Test files register on import, in order.
import { runAll } from './harness';
import './extension.itest';
import './language.itest';
import './coexistence.itest';
import './explorer.itest';
import './scaffold.itest';
import './cross.itest';
import './bench.itest';

export async function run(): Promise<void> {
  const { failed } = await runAll();
  if (failed > 0) throw new Error(`${failed} test(s) failed`);
}
