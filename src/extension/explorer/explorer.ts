/**
 * The Kafka Clusters view: a TreeDataProvider over the pure view model (core/explorer), refreshed per
 * cluster with in-flight requests aborted on refresh, auto-refresh only while the view is visible (or
 * a watched group needs the status bar), exponential backoff after errors, and errors shown as nodes.
 * The Kafka client is imported on first use, so activation does not load it.
 */
import * as vscode from 'vscode';
import { kafkaClient } from './kafkaClient';
import { alertText, clusterNode, configNodes, evaluateGroups, lagAlerts, nextRefreshDelay, type ClusterData, type ClusterState, type ViewNode } from '../../core/explorer/model';
import { LagHistory } from '../../core/lag/status';
import type { KafkaAdminPort, KafkaLogger } from '../../services/kafka/port';
import { Connections, type StoredCluster } from './connections';
import { clusterWizard, topicWizard } from './wizard';

export const VIEW_ID = 'kafkaK8s.clusters';

interface Live {
  stored: StoredCluster;
  port?: KafkaAdminPort;
  data?: ClusterData;
  error?: string;
  loading: boolean;
  /** Topics are shown, consumer group lag is still being fetched. */
  groupsLoading?: boolean;
  failures: number;
  inflight?: AbortController;
  timer?: NodeJS.Timeout;
  history: LagHistory;
}

interface Settings {
  intervalMs: number;
  timeoutMs: number;
  threshold: bigint;
  watched: Set<string>;
  showInternal: boolean;
}

function readSettings(): Settings {
  const cfg = vscode.workspace.getConfiguration('kafkaK8s.explorer');
  const n = (k: string, d: number) => {
    const v = cfg.get<number>(k);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d;
  };
  return {
    intervalMs: n('refreshIntervalSeconds', 10) * 1000,
    timeoutMs: Math.max(1000, n('requestTimeoutMs', 10_000)),
    threshold: BigInt(Math.floor(n('lagAlertThreshold', 1000))),
    watched: new Set((cfg.get<unknown[]>('watchedGroups') ?? []).filter((x): x is string => typeof x === 'string')),
    showInternal: cfg.get<boolean>('showInternalTopics') === true,
  };
}

/** Settings store watched groups as `<cluster id>/<group id>`. */
const watchKey = (cluster: string, group: string): string => `${cluster}/${group}`;

export class ClusterExplorer implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly live = new Map<string, Live>();
  private readonly parents = new Map<string, ViewNode>();
  private readonly nodes = new Map<string, ViewNode>();
  private roots: ViewNode[] = [];
  private settings = readSettings();
  private visible = false;
  private readonly connections: Connections;
  private readonly view: vscode.TreeView<ViewNode>;
  private readonly status: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.connections = new Connections(context.secrets);
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.status = vscode.window.createStatusBarItem('kafkaK8s.lagAlert', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Kafka Consumer Lag';
    this.status.command = 'kafkaK8s.explorer.showLagAlert';
    this.disposables.push(
      this.view,
      this.status,
      this.changed,
      this.view.onDidChangeVisibility((e) => {
        this.visible = e.visible;
        if (e.visible) for (const l of this.live.values()) if (!l.data || this.stale(l)) void this.refreshCluster(l);
        this.scheduleAll();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kafkaK8s.explorer')) {
          this.settings = readSettings();
          this.syncConnections();
          this.rebuild();
          this.scheduleAll();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.syncConnections();
        this.rebuild();
      }),
    );
    this.visible = this.view.visible;
    this.syncConnections();
    this.rebuild();
    // Visible at start (no visibility event comes), or watched groups need the status bar: refresh now.
    for (const l of this.live.values()) if (this.needsAutoRefresh(l)) void this.refreshCluster(l);
  }

  private get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  private stale(l: Live): boolean {
    return !l.data || Date.now() - l.data.at > Math.max(this.settings.intervalMs, 5000);
  }

  /** Aligns live state with the stored connections (added, edited, removed). */
  private syncConnections(): void {
    const stored = this.trusted ? this.connections.list() : [];
    const ids = new Set(stored.map((s) => s.id));
    for (const [id, l] of this.live)
      if (!ids.has(id)) {
        this.stopCluster(l);
        this.live.delete(id);
      }
    for (const s of stored) {
      const l = this.live.get(s.id);
      if (!l) this.live.set(s.id, { stored: s, loading: false, failures: 0, history: new LagHistory(10) });
      else if (JSON.stringify(l.stored) !== JSON.stringify(s)) {
        this.stopCluster(l);
        l.stored = s;
        l.data = undefined;
        l.error = undefined;
        l.failures = 0;
        l.history.clear();
        if (this.visible) void this.refreshCluster(l);
      }
    }
    void vscode.commands.executeCommand('setContext', 'kafkaK8s.explorer.untrusted', !this.trusted);
    void vscode.commands.executeCommand('setContext', 'kafkaK8s.explorer.hasClusters', this.live.size > 0);
  }

  private stopCluster(l: Live): void {
    clearTimeout(l.timer);
    l.inflight?.abort();
    void l.port?.close();
    l.port = undefined;
  }

  private state(l: Live): ClusterState {
    const watched = new Set<string>();
    for (const w of this.settings.watched) if (w.startsWith(`${l.stored.id}/`)) watched.add(w.slice(l.stored.id.length + 1));
    return { id: l.stored.id, name: l.stored.name, bootstrap: l.stored.bootstrapServers.join(','), ...(l.data ? { data: l.data } : {}), ...(l.error ? { error: l.error } : {}), loading: l.loading, groupsLoading: !!l.groupsLoading, watched, showInternal: this.settings.showInternal };
  }

  /** Rebuilds the view model from live state and updates the tree and the status bar. */
  private rebuild(): void {
    const states = [...this.live.values()].map((l) => this.state(l)).sort((a, b) => a.name.localeCompare(b.name));
    this.roots = states.map(clusterNode);
    this.parents.clear();
    this.nodes.clear();
    const walk = (n: ViewNode, parent?: ViewNode): void => {
      this.nodes.set(n.id, n);
      if (parent) this.parents.set(n.id, parent);
      for (const c of n.children ?? []) walk(c, n);
    };
    for (const r of this.roots) walk(r);
    this.changed.fire(undefined);
    const alert = alertText(lagAlerts(states, this.settings.threshold));
    if (alert) {
      this.status.text = alert.text;
      this.status.tooltip = alert.tooltip;
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.status.show();
    } else this.status.hide();
  }

  private kafkaLogger(name: string): KafkaLogger {
    return {
      debug: (m) => this.log.debug(`[${name}] ${m}`),
      info: (m) => this.log.info(`[${name}] ${m}`),
      warn: (m) => this.log.warn(`[${name}] ${m}`),
      error: (m) => this.log.error(`[${name}] ${m}`),
    };
  }

  private async portFor(l: Live): Promise<KafkaAdminPort> {
    if (l.port) return l.port;
    const conn = await this.connections.resolve(l.stored, this.settings.timeoutMs);
    const { createKafkaAdmin } = kafkaClient();
    const port = createKafkaAdmin(conn, this.kafkaLogger(l.stored.name));
    l.port = port;
    return port;
  }

  async refreshAll(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => this.refreshCluster(l)));
  }

  /** One refresh of a cluster; a newer refresh aborts an older one in flight. Shows the view's progress bar while visible. */
  async refreshCluster(l: Live): Promise<void> {
    if (!this.trusted) return;
    if (this.visible) await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.doRefresh(l));
    else await this.doRefresh(l);
  }

  private async doRefresh(l: Live): Promise<void> {
    clearTimeout(l.timer);
    l.inflight?.abort();
    const ac = new AbortController();
    l.inflight = ac;
    l.loading = true;
    if (!l.data) this.rebuild();
    try {
      const port = await this.portFor(l);
      const { fetchLag } = kafkaClient();
      const opts = { signal: ac.signal, timeoutMs: this.settings.timeoutMs };
      const lagP = fetchLag(port, opts);
      lagP.catch(() => undefined); // awaited below; a first-phase failure must not leave it unhandled
      const [cluster, topics] = await Promise.all([port.describeCluster(opts), port.listTopics({ ...opts, includeInternal: true })]);
      if (ac.signal.aborted) return;
      // First paint: brokers and topics as soon as they are known; groups keep their last values until lag arrives.
      l.data = { clusterId: cluster.clusterId, controllerId: cluster.controllerId, brokers: cluster.brokers, topics, at: Date.now(), groups: l.data?.groups ?? [] };
      l.groupsLoading = true;
      this.rebuild();
      const lag = await lagP;
      if (ac.signal.aborted) return;
      l.data = { ...l.data, at: lag.at, groups: evaluateGroups(lag.groups, lag.at, l.history) };
      l.error = undefined;
      l.failures = 0;
      this.log.debug(`[${l.stored.name}] refreshed: ${topics.length} topics, ${lag.groups.length} groups, ${lag.stats.total} requests`);
    } catch (e) {
      if (ac.signal.aborted) return;
      const msg = e instanceof Error ? e.message : String(e);
      if ((e as { kind?: string }).kind === 'aborted') return;
      l.error = msg;
      l.failures++;
      this.log.warn(`[${l.stored.name}] refresh failed (${l.failures} in a row): ${msg}`);
    } finally {
      if (l.inflight === ac) {
        l.inflight = undefined;
        l.loading = false;
        l.groupsLoading = false;
        this.rebuild();
        this.schedule(l);
      }
    }
  }

  private needsAutoRefresh(l: Live): boolean {
    if (this.settings.intervalMs <= 0 || !this.trusted) return false;
    if (this.visible) return true;
    for (const w of this.settings.watched) if (w.startsWith(`${l.stored.id}/`)) return true;
    return false;
  }

  private schedule(l: Live): void {
    clearTimeout(l.timer);
    if (!this.needsAutoRefresh(l) || l.inflight) return;
    l.timer = setTimeout(() => void this.refreshCluster(l), nextRefreshDelay(this.settings.intervalMs, l.failures));
  }

  private scheduleAll(): void {
    for (const l of this.live.values()) this.schedule(l);
  }

  // ---- TreeDataProvider ----

  getTreeItem(n: ViewNode): vscode.TreeItem {
    const state =
      n.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : n.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.label, state);
    item.id = n.id;
    if (n.description !== undefined) item.description = n.description;
    if (n.tooltip !== undefined) item.tooltip = n.tooltip;
    if (n.icon) {
      // Themes paint `symbol-*` codicons in symbol colours (symbol-event is orange): a healthy topic then
      // looked like the warning icon of an under-replicated one. Only status icons carry a colour.
      const color = n.icon.color ?? (n.icon.id.startsWith('symbol-') ? 'icon.foreground' : undefined);
      item.iconPath = new vscode.ThemeIcon(n.icon.id, color ? new vscode.ThemeColor(color) : undefined);
    }
    if (n.contextValue) item.contextValue = n.contextValue;
    return item;
  }

  async getChildren(n?: ViewNode): Promise<ViewNode[]> {
    if (!this.trusted) return [];
    if (!n) return this.roots;
    if (n.kind === 'configs' && n.ref?.topic) return await this.loadConfigs(n);
    if (n.kind === 'cluster' && !n.children?.length) {
      const l = this.live.get(n.id);
      if (l && !l.data && !l.loading) void this.refreshCluster(l);
    }
    return [...(n.children ?? [])];
  }

  getParent(n: ViewNode): ViewNode | undefined {
    return this.parents.get(n.id);
  }

  private async loadConfigs(n: ViewNode): Promise<ViewNode[]> {
    const l = this.live.get(n.ref!.cluster);
    if (!l) return [];
    try {
      const port = await this.portFor(l);
      const configs = (await port.describeTopicConfigs([n.ref!.topic!], { timeoutMs: this.settings.timeoutMs })).get(n.ref!.topic!) ?? [];
      return configNodes(l.stored.id, n.ref!.topic!, configs);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return [{ id: `${n.id}/error`, kind: 'message', label: msg, tooltip: msg, icon: { id: 'error', color: 'list.errorForeground' }, collapsible: 'none' }];
    }
  }

  // ---- commands ----

  async addCluster(): Promise<void> {
    if (!this.requireTrust()) return;
    const input = await clusterWizard();
    if (!input) return;
    await this.connections.save(input.cluster, { ...(input.password !== undefined ? { password: input.password } : {}), clientKey: input.clientKey ?? null });
    this.syncConnections();
    const l = this.live.get(input.cluster.id);
    if (l) await this.refreshCluster(l);
    const node = this.nodes.get(input.cluster.id);
    if (node) await this.view.reveal(node, { expand: true, select: true }).then(undefined, () => undefined);
  }

  async editCluster(n?: ViewNode): Promise<void> {
    if (!this.requireTrust()) return;
    const l = await this.pickCluster(n);
    if (!l) return;
    const input = await clusterWizard(l.stored);
    if (!input) return;
    await this.connections.save(input.cluster, { ...(input.password !== undefined ? { password: input.password } : {}), ...(input.clientKey !== undefined ? { clientKey: input.clientKey } : {}) });
    this.syncConnections();
    const fresh = this.live.get(input.cluster.id);
    if (fresh) {
      this.stopCluster(fresh);
      await this.refreshCluster(fresh);
    }
  }

  async removeCluster(n?: ViewNode): Promise<void> {
    const l = await this.pickCluster(n);
    if (!l) return;
    const ok = await vscode.window.showWarningMessage(`Remove the connection '${l.stored.name}'?`, { modal: true, detail: 'Its stored password and client key are deleted too. The cluster itself is not touched.' }, 'Remove');
    if (ok !== 'Remove') return;
    this.stopCluster(l);
    await this.connections.remove(l.stored.id);
    this.syncConnections();
    this.rebuild();
  }

  async refresh(n?: ViewNode): Promise<void> {
    const l = n?.ref ? this.live.get(n.ref.cluster) : undefined;
    if (l) await this.refreshCluster(l);
    else await this.refreshAll();
  }

  async createTopic(n?: ViewNode): Promise<void> {
    if (!this.requireTrust()) return;
    const l = await this.pickCluster(n);
    if (!l) return;
    const existing = new Set(l.data?.topics.map((t) => t.name) ?? []);
    const topic = await topicWizard(l.stored.name, l.data?.brokers.length ?? 1, (name) => existing.has(name));
    if (!topic) return;
    try {
      const port = await this.portFor(l);
      await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: `Creating topic ${topic.name}` }, () => port.createTopic(topic, { timeoutMs: this.settings.timeoutMs }));
      this.log.info(`[${l.stored.name}] created topic ${topic.name} (${topic.partitions} partitions, RF ${topic.replicationFactor})`);
      await this.refreshCluster(l);
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not create topic '${topic.name}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async deleteTopic(n?: ViewNode): Promise<void> {
    if (!this.requireTrust() || !n?.ref?.topic) return;
    const l = this.live.get(n.ref.cluster);
    if (!l) return;
    const topic = n.ref.topic;
    const ok = await vscode.window.showWarningMessage(
      `Delete topic '${topic}' from cluster '${l.stored.name}'?`,
      { modal: true, detail: `All records of '${topic}' are permanently deleted. Consumers and producers using it will fail.` },
      'Delete Topic',
    );
    if (ok !== 'Delete Topic') return;
    try {
      const port = await this.portFor(l);
      await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: `Deleting topic ${topic}` }, () => port.deleteTopic(topic, { timeoutMs: this.settings.timeoutMs }));
      this.log.info(`[${l.stored.name}] deleted topic ${topic}`);
      await this.refreshCluster(l);
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not delete topic '${topic}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async setWatched(n: ViewNode | undefined, watch: boolean): Promise<void> {
    if (!n?.ref?.group) return;
    const key = watchKey(n.ref.cluster, n.ref.group);
    const cfg = vscode.workspace.getConfiguration('kafkaK8s.explorer');
    const list = (cfg.get<string[]>('watchedGroups') ?? []).filter((x) => x !== key);
    if (watch) list.push(key);
    await cfg.update('watchedGroups', list, vscode.ConfigurationTarget.Global);
  }

  async showLagAlert(): Promise<void> {
    const alerts = lagAlerts([...this.live.values()].map((l) => this.state(l)), this.settings.threshold);
    const top = alerts[0];
    if (!top) return;
    const node = this.nodes.get(`${top.cluster}/groups/${top.group}`);
    if (node) await this.view.reveal(node, { expand: true, select: true, focus: true }).then(undefined, () => undefined);
  }

  private requireTrust(): boolean {
    if (this.trusted) return true;
    void vscode.window.showWarningMessage('Connecting to Kafka clusters is disabled in Restricted Mode. Trust this workspace to use the Kafka explorer.');
    return false;
  }

  private async pickCluster(n?: ViewNode): Promise<Live | undefined> {
    if (n?.ref) return this.live.get(n.ref.cluster);
    const all = [...this.live.values()];
    if (all.length <= 1) return all[0];
    const pick = await vscode.window.showQuickPick(all.map((l) => ({ label: l.stored.name, description: l.stored.bootstrapServers.join(','), l })), { placeHolder: 'Cluster' });
    return pick?.l;
  }

  /** For tests: the current view model. */
  snapshot(): readonly ViewNode[] {
    return this.roots;
  }

  dispose(): void {
    for (const l of this.live.values()) this.stopCluster(l);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
