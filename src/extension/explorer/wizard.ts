/** Input flows: add/edit a cluster connection, create a topic. Cancelling at any step changes nothing. */
import * as vscode from 'vscode';
import { parseBootstrap, validateCount, validateTopicName } from '../../core/explorer/model';
import type { NewTopic, SaslMechanism } from '../../services/kafka/port';
import { newClusterId, type StoredCluster } from './connections';

export interface ClusterInput {
  readonly cluster: StoredCluster;
  /** undefined: keep the stored one. */
  readonly password?: string;
  /** undefined: keep; null: remove. */
  readonly clientKey?: string | null;
}

type AuthPick = vscode.QuickPickItem & { mechanism?: SaslMechanism };
type TlsPick = vscode.QuickPickItem & { mode: 'none' | 'system' | 'ca' | 'mtls' | 'insecure' };

async function pickFile(title: string): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({ title, canSelectMany: false, openLabel: 'Select', filters: { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] } });
  return uris?.[0]?.fsPath;
}

export async function clusterWizard(existing?: StoredCluster): Promise<ClusterInput | undefined> {
  const title = existing ? `Edit Kafka Cluster '${existing.name}'` : 'Add Kafka Cluster';
  const bootstrapText = await vscode.window.showInputBox({
    title: `${title} (1/4): bootstrap servers`,
    prompt: 'HOST:PORT of one or more brokers, comma-separated',
    placeHolder: 'localhost:9092',
    value: existing?.bootstrapServers.join(',') ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = parseBootstrap(v);
      return typeof r === 'string' ? r : undefined;
    },
  });
  if (bootstrapText === undefined) return undefined;
  const bootstrapServers = parseBootstrap(bootstrapText) as string[];
  const name = await vscode.window.showInputBox({
    title: `${title} (2/4): name`,
    prompt: 'A name for this connection',
    value: existing?.name ?? bootstrapServers[0],
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter a name.'),
  });
  if (name === undefined) return undefined;

  const auths: AuthPick[] = [
    { label: 'No authentication' },
    { label: 'SASL/SCRAM-SHA-512', mechanism: 'scram-sha-512', description: 'Strimzi KafkaUser type: scram-sha-512' },
    { label: 'SASL/SCRAM-SHA-256', mechanism: 'scram-sha-256' },
    { label: 'SASL/PLAIN', mechanism: 'plain', description: 'send only over TLS' },
  ];
  const auth = await vscode.window.showQuickPick(auths, { title: `${title} (3/4): authentication`, ignoreFocusOut: true, placeHolder: existing?.sasl ? `now: ${existing.sasl.mechanism}` : undefined });
  if (!auth) return undefined;
  let sasl: StoredCluster['sasl'];
  let password: string | undefined;
  if (auth.mechanism) {
    const username = await vscode.window.showInputBox({ title: `${title}: user name`, value: existing?.sasl?.username ?? '', ignoreFocusOut: true, validateInput: (v) => (v ? undefined : 'Enter a user name.') });
    if (username === undefined) return undefined;
    const keep = existing?.sasl !== undefined;
    const pw = await vscode.window.showInputBox({
      title: `${title}: password`,
      prompt: keep ? 'Leave empty to keep the stored password. Stored in VS Code secret storage, never in settings.' : 'Stored in VS Code secret storage, never in settings.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v || keep ? undefined : 'Enter the password.'),
    });
    if (pw === undefined) return undefined;
    sasl = { mechanism: auth.mechanism, username };
    password = pw || undefined;
  }

  const tlsPicks: TlsPick[] = [
    { label: 'No TLS (plaintext)', mode: 'none' },
    { label: 'TLS, trust the system CAs', mode: 'system' },
    { label: 'TLS with a CA certificate file…', mode: 'ca', description: 'e.g. Strimzi <cluster>-cluster-ca-cert' },
    { label: 'Mutual TLS: CA, client certificate and key…', mode: 'mtls', description: 'Strimzi KafkaUser type: tls' },
    { label: 'TLS without verifying the broker certificate', mode: 'insecure', description: 'insecure: throwaway clusters only' },
  ];
  const tlsPick = await vscode.window.showQuickPick(tlsPicks, { title: `${title} (4/4): encryption`, ignoreFocusOut: true });
  if (!tlsPick) return undefined;
  let tls: StoredCluster['tls'];
  let clientKey: string | null | undefined = null;
  if (tlsPick.mode !== 'none') {
    let caFile: string | undefined;
    let clientCertFile: string | undefined;
    if (tlsPick.mode === 'ca' || tlsPick.mode === 'mtls') {
      caFile = await pickFile('CA certificate (PEM)');
      if (!caFile) return undefined;
    }
    if (tlsPick.mode === 'mtls') {
      clientCertFile = await pickFile('Client certificate (PEM)');
      if (!clientCertFile) return undefined;
      const keyFile = await pickFile('Client private key (PEM) — stored in secret storage');
      if (!keyFile) return undefined;
      clientKey = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(keyFile)));
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(clientKey)) {
        void vscode.window.showErrorMessage(`${keyFile} does not contain a PEM private key.`);
        return undefined;
      }
    }
    tls = { ...(caFile ? { caFile } : {}), ...(clientCertFile ? { clientCertFile, hasClientKey: true } : {}), verify: tlsPick.mode !== 'insecure' };
  }
  const cluster: StoredCluster = { id: existing?.id ?? newClusterId(), name: name.trim(), bootstrapServers, ...(sasl ? { sasl } : {}), ...(tls ? { tls } : {}) };
  return { cluster, ...(password !== undefined ? { password } : {}), clientKey };
}

export async function topicWizard(clusterName: string, brokerCount: number, exists: (name: string) => boolean): Promise<NewTopic | undefined> {
  const title = `Create Topic on '${clusterName}'`;
  const name = await vscode.window.showInputBox({
    title: `${title} (1/3): name`,
    ignoreFocusOut: true,
    validateInput: (v) => validateTopicName(v) ?? (exists(v) ? `Topic '${v}' already exists.` : undefined),
  });
  if (name === undefined) return undefined;
  const partitions = await vscode.window.showInputBox({ title: `${title} (2/3): partitions`, value: '3', ignoreFocusOut: true, validateInput: (v) => validateCount(v, 'Partitions', 1, 10_000) });
  if (partitions === undefined) return undefined;
  const maxRf = Math.max(1, brokerCount);
  const rf = await vscode.window.showInputBox({
    title: `${title} (3/3): replication factor`,
    prompt: `The cluster has ${brokerCount} broker${brokerCount === 1 ? '' : 's'}.`,
    value: String(Math.min(3, maxRf)),
    ignoreFocusOut: true,
    validateInput: (v) => validateCount(v, 'Replication factor', 1, maxRf),
  });
  if (rf === undefined) return undefined;
  return { name, partitions: Number(partitions), replicationFactor: Number(rf) };
}
