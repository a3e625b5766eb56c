/**
 * Cluster connections: the non-secret part lives in the application-scoped setting
 * `kafkaK8s.explorer.clusters` (so a workspace cannot redirect it); passwords and client keys live in
 * VS Code SecretStorage only. Nothing here logs a secret.
 */
import * as vscode from 'vscode';
import type { ConnectionOptions, SaslMechanism } from '../../services/kafka/port';

export interface StoredCluster {
  readonly id: string;
  readonly name: string;
  readonly bootstrapServers: readonly string[];
  readonly sasl?: { readonly mechanism: SaslMechanism; readonly username: string };
  readonly tls?: {
    readonly caFile?: string;
    readonly clientCertFile?: string;
    /** Client key is in SecretStorage; this only records that there is one. */
    readonly hasClientKey?: boolean;
    readonly servername?: string;
    /** Hostname/certificate verification; on unless explicitly false. */
    readonly verify?: boolean;
  };
}

const SETTING = 'explorer.clusters';
const secretKey = (id: string, what: 'password' | 'clientKey'): string => `kafkaK8s.cluster.${id}.${what}`;

export class Connections {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  list(): StoredCluster[] {
    const raw = vscode.workspace.getConfiguration('kafkaK8s').get<unknown>(SETTING);
    if (!Array.isArray(raw)) return [];
    return raw.filter(isStoredCluster);
  }

  get(id: string): StoredCluster | undefined {
    return this.list().find((c) => c.id === id);
  }

  async save(c: StoredCluster, secrets: { password?: string; clientKey?: string | null }): Promise<void> {
    const list = this.list().filter((x) => x.id !== c.id);
    list.push(c);
    await vscode.workspace.getConfiguration('kafkaK8s').update(SETTING, list, vscode.ConfigurationTarget.Global);
    if (secrets.password !== undefined) await this.secrets.store(secretKey(c.id, 'password'), secrets.password);
    if (!c.sasl) await this.secrets.delete(secretKey(c.id, 'password'));
    if (secrets.clientKey === null || !c.tls?.hasClientKey) await this.secrets.delete(secretKey(c.id, 'clientKey'));
    else if (secrets.clientKey !== undefined) await this.secrets.store(secretKey(c.id, 'clientKey'), secrets.clientKey);
  }

  async remove(id: string): Promise<void> {
    const list = this.list().filter((x) => x.id !== id);
    await vscode.workspace.getConfiguration('kafkaK8s').update(SETTING, list, vscode.ConfigurationTarget.Global);
    await this.secrets.delete(secretKey(id, 'password'));
    await this.secrets.delete(secretKey(id, 'clientKey'));
  }

  /** Connection options with secrets and PEM files resolved; throws a readable Error when a file or secret is missing. */
  async resolve(c: StoredCluster, timeoutMs: number): Promise<ConnectionOptions> {
    let sasl: ConnectionOptions['sasl'];
    if (c.sasl) {
      const password = await this.secrets.get(secretKey(c.id, 'password'));
      if (password === undefined) throw new Error(`No password stored for '${c.name}'. Edit the connection to enter it.`);
      sasl = { mechanism: c.sasl.mechanism, username: c.sasl.username, password };
    }
    let tls: ConnectionOptions['tls'];
    if (c.tls) {
      const read = async (file: string | undefined, what: string): Promise<string | undefined> => {
        if (!file) return undefined;
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
        } catch {
          throw new Error(`Cannot read the ${what} file ${file} for '${c.name}'.`);
        }
      };
      const key = c.tls.hasClientKey ? await this.secrets.get(secretKey(c.id, 'clientKey')) : undefined;
      if (c.tls.hasClientKey && key === undefined) throw new Error(`No client key stored for '${c.name}'. Edit the connection to select it again.`);
      const ca = await read(c.tls.caFile, 'CA certificate');
      const cert = await read(c.tls.clientCertFile, 'client certificate');
      tls = { verify: c.tls.verify !== false, ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(c.tls.servername ? { servername: c.tls.servername } : {}) };
    }
    return { bootstrapServers: c.bootstrapServers, clientId: 'kafka-k8s-vscode', timeoutMs, ...(sasl ? { sasl } : {}), ...(tls ? { tls } : {}) };
  }
}

function isStoredCluster(x: unknown): x is StoredCluster {
  if (!x || typeof x !== 'object') return false;
  const c = x as Record<string, unknown>;
  return typeof c.id === 'string' && typeof c.name === 'string' && Array.isArray(c.bootstrapServers) && c.bootstrapServers.every((b) => typeof b === 'string');
}

export function newClusterId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
