import * as vscode from 'vscode';
import { DEFAULT_EDITOR_SETTINGS, editorSettingsFromRaw, type EditorSettings } from './settingsModel';

/**
 * The one stateful object of the extension: logger, current settings, and the disposables that live as
 * long as the extension. Features receive it and add their registrations to `subscriptions`.
 */
export class Ctx implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private current: EditorSettings = DEFAULT_EDITOR_SETTINGS;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly settingsChanged = new vscode.EventEmitter<EditorSettings>();
  /** Fires after `kafkaK8s.*` settings changed (already re-read). */
  readonly onDidChangeSettings = this.settingsChanged.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('Kafka on Kubernetes', { log: true });
    this.disposables.push(this.log, this.settingsChanged);
    this.reloadSettings();
    this.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('kafkaK8s')) return;
        this.reloadSettings();
        this.settingsChanged.fire(this.current);
      }),
    );
    extension.subscriptions.push(this);
  }

  get settings(): EditorSettings {
    return this.current;
  }

  push(...d: vscode.Disposable[]): void {
    this.disposables.push(...d);
  }

  private reloadSettings(): void {
    const cfg = vscode.workspace.getConfiguration('kafkaK8s');
    const { settings, problems } = editorSettingsFromRaw((k) => cfg.get(k));
    for (const p of problems) this.log.warn(p);
    this.current = settings;
    this.log.info(`settings: ${JSON.stringify(settings)}`);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        this.log.error('dispose failed', e);
      }
    }
  }
}
