import * as vscode from 'vscode';
import type { ResolvedVersion } from '../core/versions';
import type { Ctx } from './ctx';
import type { Diagnostics } from './diagnostics';

const DEFAULTS = { strimzi: '1.2.0', kafka: '4.3.1', keda: '2.20' } as const;

/**
 * A language status item (the `{}` in the status bar next to the language) on files we lint: the target
 * versions in effect and where they come from, and the way to the log — as vscode-eslint does.
 */
export function registerLanguageStatus(ctx: Ctx, diagnostics: Diagnostics, selector: vscode.DocumentSelector): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('kafkaK8s.status', selector);
  item.name = 'Kafka on Kubernetes';
  item.command = { title: 'Show Logs', command: 'kafkaK8s.showLogs' };
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!ctx.settings.enable) {
      item.text = '$(circle-slash) Kafka lint off';
      item.detail = 'kafkaK8s.lint.enable is false';
      return;
    }
    const v = doc ? diagnostics.versionsFor(doc.uri) : {};
    const show = (name: string, r: ResolvedVersion | undefined, def: string) => `${name} ${r ? `${r.value} (${r.source === 'setting' ? 'setting' : '.kafka-k8s.yaml'})` : def}`;
    item.text = '$(check) Kafka lint';
    item.detail = [show('Strimzi', v.strimzi, DEFAULTS.strimzi), show('Kafka', v.kafka, `${DEFAULTS.kafka} or the cluster's version`), show('KEDA', v.keda, DEFAULTS.keda)].join(' · ');
  };
  update();
  return vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(update), ctx.onDidChangeSettings(update), diagnostics.onDidLint(update));
}
