import * as vscode from 'vscode';
import type { ViewNode } from '../../core/explorer/model';
import { ClusterExplorer } from './explorer';

/**
 * Registers the Kafka cluster explorer (views, commands, status bar). Called once from `activate`;
 * loads the Kafka client lazily, only when a view first needs it.
 */
export function registerExplorer(context: vscode.ExtensionContext): vscode.Disposable {
  const log = vscode.window.createOutputChannel('Kafka Clusters', { log: true });
  const explorer = new ClusterExplorer(context, log);
  const cmd = (id: string, fn: (n?: ViewNode) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, fn);
  const disposables = [
    log,
    explorer,
    cmd('kafkaK8s.explorer.addCluster', () => explorer.addCluster()),
    cmd('kafkaK8s.explorer.editCluster', (n) => explorer.editCluster(n)),
    cmd('kafkaK8s.explorer.removeCluster', (n) => explorer.removeCluster(n)),
    cmd('kafkaK8s.explorer.refresh', (n) => explorer.refresh(n)),
    cmd('kafkaK8s.explorer.createTopic', (n) => explorer.createTopic(n)),
    cmd('kafkaK8s.explorer.deleteTopic', (n) => explorer.deleteTopic(n)),
    cmd('kafkaK8s.explorer.watchGroup', (n) => explorer.setWatched(n, true)),
    cmd('kafkaK8s.explorer.unwatchGroup', (n) => explorer.setWatched(n, false)),
    cmd('kafkaK8s.explorer.showLagAlert', () => explorer.showLagAlert()),
    // For the in-VS Code test: the view model as rendered (labels and descriptions), without UI scraping.
    cmd('kafkaK8s.explorer._snapshot', () => explorer.snapshot()),
  ];
  return new vscode.Disposable(() => {
    for (const d of disposables.reverse()) d.dispose();
  });
}
