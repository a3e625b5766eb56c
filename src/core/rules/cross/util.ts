/**
 * Shared helpers of the cross-resource rules: "not found" severities for partial workspaces,
 * bootstrap addresses and how they map to Strimzi listeners, workload env vars, related locations.
 */
import type { ConfigSet } from '../../kafka-config';
import { SEVERITY_ORDER, type Range, type RelatedLocation, type Severity } from '../../model';
import type { Resource } from '../../resource';
import { podContainers, podSpecPath, type WorkspaceIndex } from '../../workspace';
import { kafkaTriggers, type KafkaTrigger } from '../keda/triggers';
import { isObj, listeners, type Listener } from '../strimzi/util';
import type { RuleContext } from '../types';

/** A "not found in this workspace" finding's severity: one level lower unless the workspace is complete. */
export function notFound(ctx: RuleContext, severity: Severity): Severity {
  if (ctx.settings.assumeCompleteWorkspace) return severity;
  const i = SEVERITY_ORDER.indexOf(severity);
  return SEVERITY_ORDER[Math.max(0, i - 1)];
}

/** `Kafka/my-cluster (kafka.yaml)`: how a message names a resource in another file. */
export function where(r: Resource, from?: string): string {
  return from !== undefined && r.file === from ? r.displayName : `${r.displayName} (${r.file})`;
}


/** A related location on a resource: the value (or key) at `path`, else its head. */
export function relatedAt(r: Resource, path: readonly (string | number)[] | undefined, message: string): RelatedLocation {
  const v = path ? r.get(path) : undefined;
  const preferKey = v !== null && typeof v === 'object';
  const range = (path && (preferKey ? r.keyRange(path) : r.valueRange(path) ?? r.keyRange(path))) || nameRange(r);
  return { file: r.file, range, message };
}

/** Where a finding about a resource as a whole goes: its `metadata.name` value, else its head. */
export function nameRange(r: Resource): Range {
  return r.valueRange(['metadata', 'name']) ?? r.doc.headRange();
}

/** The only Kafka CR a resource's `strimzi.io/cluster` label names (same namespace), if exactly one. */
export function clusterOfLabel(index: WorkspaceIndex, r: Resource): Resource | undefined {
  const c = r.clusterLabel;
  if (c === undefined) return undefined;
  const ks = index.kafkasNamed(c).filter((k) => k.sameNamespace(r));
  return ks.length === 1 ? ks[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Bootstrap addresses

/** A parsed Strimzi bootstrap Service address. */
export interface StrimziAddress {
  readonly cluster: string;
  /** The listener named in `<cluster>-kafka-<listener>-bootstrap`; undefined for the internal Service. */
  readonly listener?: string;
  readonly namespace?: string;
  readonly port?: number;
}

const STRIMZI_HOST = /^([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)-kafka(?:-([a-z0-9]{1,11}))?-bootstrap(?:\.([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)(?:\.svc(?:\.cluster\.local)?)?)?\.?$/;

/** Parses `host:port` when host is a Strimzi bootstrap Service name. */
export function parseStrimziAddress(address: string): StrimziAddress | undefined {
  let a = address.trim().toLowerCase();
  a = a.replace(/^[a-z_]+:\/\//, ''); // SASL_SSL://host:port
  const colon = a.lastIndexOf(':');
  const host = colon === -1 ? a : a.slice(0, colon);
  const portText = colon === -1 ? undefined : a.slice(colon + 1);
  const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  const m = STRIMZI_HOST.exec(host);
  if (!m) return undefined;
  // `my-cluster-kafka-bootstrap` could also read as cluster `my` + listener … only when the listener part is absent.
  return { cluster: m[1], listener: m[2], namespace: m[3], port };
}

/** Where a bootstrap address is written, and what the client says about TLS and SASL. */
export interface BootstrapRef {
  /** The resource holding the address (ScaledObject, workload, KafkaConnect …), if any. */
  readonly resource?: Resource;
  readonly configSet?: ConfigSet;
  readonly trigger?: KafkaTrigger;
  /** The container holding an env var address. */
  readonly envName?: string;
  readonly file: string;
  /** The namespace of the client; undefined for files outside Kubernetes. */
  readonly namespace?: string;
  /** The whole value's range. */
  readonly range: Range;
  /** One address from the value. */
  readonly address: string;
  /** Offset of the address inside the value text, when the range is one line; for precise ranges. */
  readonly strimzi: StrimziAddress;
  /** What the client declares: 'tls' | 'plain' | undefined (unknown). */
  readonly tls?: boolean;
  /** SASL mechanism in upper case (`SCRAM-SHA-512`, `PLAIN`), `none`, or undefined (unknown). */
  readonly sasl?: string;
  /** Whether the client presents a certificate: true, false, or undefined (unknown). */
  readonly clientCert?: boolean;
  readonly label: string;
}

function split(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function strimziRefs(base: Omit<BootstrapRef, 'address' | 'strimzi'>, value: string): BootstrapRef[] {
  const out: BootstrapRef[] = [];
  for (const a of split(value)) {
    const s = parseStrimziAddress(a);
    if (s) out.push({ ...base, address: a, strimzi: s });
  }
  return out;
}

/** The Strimzi bootstrap addresses a resource names (KEDA triggers, env vars, KafkaConnect/MM2). */
export function resourceBootstrapRefs(r: Resource, index: WorkspaceIndex): BootstrapRef[] {
  const out: BootstrapRef[] = [];
  if (r.target === 'keda-scaledobject' || r.target === 'keda-scaledjob') {
    for (const t of kafkaTriggers(r)) {
      const e = t.get('bootstrapServers') ?? t.get('brokers');
      if (!e || e.templated) continue;
      const sec = kedaSecurity(t, index);
      out.push(...strimziRefs({ resource: r, trigger: t, file: r.file, namespace: r.namespace, range: e.valueRange, label: `${t.label} of ${r.displayName}`, ...sec }, e.value));
    }
  } else if (r.target === 'k8s-workload') {
    podContainers(r).forEach((c, ci) => {
      if (!isObj(c) || !Array.isArray(c.env)) return;
      c.env.forEach((e, ei) => {
        if (!isObj(e) || typeof e.name !== 'string' || typeof e.value !== 'string' || !/BOOTSTRAP/i.test(e.name)) return;
        const path = [...podSpecPath(r), 'containers', ci, 'env', ei, 'value'];
        const range = r.valueRange(path);
        if (!range) return;
        out.push(...strimziRefs({ resource: r, envName: e.name, file: r.file, namespace: r.namespace, range, label: `env ${e.name} of ${r.displayName}` }, e.value));
      });
    });
  } else if (r.target === 'strimzi-connect' || r.target === 'strimzi-mirrormaker2') {
    const paths: (string | number)[][] = [];
    if (r.target === 'strimzi-connect') paths.push(['spec', 'bootstrapServers']);
    else {
      const clusters = r.get(['spec', 'clusters']);
      if (Array.isArray(clusters)) clusters.forEach((_, i) => paths.push(['spec', 'clusters', i, 'bootstrapServers']));
      paths.push(['spec', 'target', 'bootstrapServers']);
      const mirrors = r.get(['spec', 'mirrors']);
      if (Array.isArray(mirrors)) mirrors.forEach((_, i) => paths.push(['spec', 'mirrors', i, 'source', 'bootstrapServers']));
    }
    for (const p of paths) {
      const v = r.get(p);
      const range = r.valueRange(p);
      if (typeof v !== 'string' || !range) continue;
      const parent = p.slice(0, -1);
      const tls = r.get([...parent, 'tls']);
      const auth = r.get([...parent, 'authentication', 'type']);
      out.push(
        ...strimziRefs(
          {
            resource: r,
            file: r.file,
            namespace: r.namespace,
            range,
            label: r.displayName,
            tls: tls !== undefined && tls !== null,
            sasl: typeof auth === 'string' ? (auth.startsWith('scram-') ? auth.toUpperCase() : auth === 'plain' ? 'PLAIN' : 'none') : 'none',
            clientCert: auth === 'tls',
          },
          v,
        ),
      );
    }
  }
  return out;
}

/** The Strimzi bootstrap addresses of a client config (`.properties`, Spring Boot). */
export function configBootstrapRefs(set: ConfigSet): BootstrapRef[] {
  if (set.resource) return [];
  const e = set.get('bootstrap.servers');
  if (!e || e.dynamic) return [];
  const proto = set.get('security.protocol');
  const p = proto && !proto.dynamic ? proto.value.trim().toUpperCase() : proto ? undefined : 'PLAINTEXT';
  const mech = set.get('sasl.mechanism');
  const tls = p === undefined ? undefined : p === 'SSL' || p === 'SASL_SSL';
  const saslOn = p === undefined ? undefined : p.startsWith('SASL_');
  const sasl = saslOn === undefined ? undefined : saslOn ? (mech ? (mech.dynamic ? undefined : mech.value.trim().toUpperCase()) : 'GSSAPI') : 'none';
  const ks = set.get('ssl.keystore.location') ?? set.get('ssl.keystore.certificate.chain') ?? set.get('ssl.keystore.key');
  return strimziRefs({ configSet: set, file: set.file, range: e.valueRange, label: set.label, tls, sasl, clientCert: ks !== undefined }, e.value);
}

/** TLS/SASL/cert as a KEDA trigger declares them (metadata, or TriggerAuthentication parameters). */
function kedaSecurity(t: KafkaTrigger, index: WorkspaceIndex): Pick<BootstrapRef, 'tls' | 'sasl' | 'clientCert'> {
  const auth = t.hasAuthenticationRef ? triggerAuthParams(t, index) : new Set<string>();
  const authKnown = !t.hasAuthenticationRef || auth !== undefined;
  const params = auth ?? new Set<string>();
  const tlsV = t.get('tls');
  const tls = tlsV && !tlsV.templated ? tlsV.value === 'enable' : params.has('tls') ? undefined : authKnown ? false : undefined;
  const saslV = t.get('sasl');
  const sasl = saslV && !saslV.templated ? (saslV.value === 'none' ? 'none' : saslV.value.toUpperCase().replace(/^SCRAM_SHA(\d+)$/, 'SCRAM-SHA-$1')) : params.has('sasl') ? undefined : authKnown ? 'none' : undefined;
  const clientCert = params.has('cert') && params.has('key') ? true : authKnown ? false : undefined;
  return { tls, sasl, clientCert };
}

function triggerAuthParams(t: KafkaTrigger, index: WorkspaceIndex): Set<string> | undefined {
  const ref = t.resource.get([...t.path, 'authenticationRef']);
  if (!isObj(ref) || typeof ref.name !== 'string') return undefined;
  const cluster = ref.kind === 'ClusterTriggerAuthentication';
  const list = index.resources(cluster ? 'keda-clustertriggerauthentication' : 'keda-triggerauthentication').filter((a) => a.name === ref.name && (cluster || a.sameNamespace(t.resource)));
  if (list.length !== 1) return undefined;
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      if (typeof v.parameter === 'string') out.add(v.parameter);
      Object.values(v).forEach(walk);
    }
  };
  walk(list[0].get(['spec']));
  return out;
}

/** How a bootstrap address resolves against the workspace's Kafka CRs. */
export interface Resolved {
  /** Kafka CRs named like the address's cluster. */
  readonly named: readonly Resource[];
  /** The Kafka the address reaches (namespace respected), if exactly one. */
  readonly kafka?: Resource;
  /** The listener the address reaches, when the port (or name) identifies one. */
  readonly listener?: Listener;
  /** Listeners the address may reach (the internal Service serves every internal listener). */
  readonly candidates: readonly Listener[];
}

export function resolveAddress(ref: BootstrapRef, index: WorkspaceIndex): Resolved {
  const s = ref.strimzi;
  const named = index.kafkasNamed(s.cluster);
  const ns = s.namespace ?? ref.namespace;
  const inNs = named.filter((k) => ns === undefined || k.namespace === undefined || k.namespace === ns);
  const kafka = inNs.length === 1 ? inNs[0] : undefined;
  if (!kafka) return { named, candidates: [] };
  const all = listeners(kafka);
  const candidates = s.listener !== undefined ? all.filter((l) => l.name === s.listener) : all.filter((l) => l.type === 'internal' || l.type === undefined);
  const port = (l: Listener) => (typeof l.value.port === 'number' ? l.value.port : undefined);
  const byPort = s.port === undefined ? candidates : candidates.filter((l) => port(l) === s.port);
  return { named, kafka, listener: byPort.length === 1 ? byPort[0] : undefined, candidates };
}

/** The workload a ScaledObject scales, when the workspace has exactly one match. */
export function scaleTarget(so: Resource, index: WorkspaceIndex): { kind: string; name: string | undefined; target?: Resource; candidates: Resource[] } {
  const ref = so.get(['spec', 'scaleTargetRef']);
  const o = isObj(ref) ? ref : {};
  const kind = typeof o.kind === 'string' ? o.kind : 'Deployment';
  const name = typeof o.name === 'string' ? o.name : undefined;
  const candidates = name === undefined ? [] : index.resources('k8s-workload').filter((w) => w.kind === kind && w.name === name && w.sameNamespace(so));
  return { kind, name, target: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

/** A container's env vars with literal values: name → value and the path of the value. */
export function containerEnv(w: Resource, containerName?: string): { container?: Record<string, unknown>; index: number; env: Map<string, { value?: string; path: (string | number)[] }>; hasEnvFrom: boolean } {
  const cs = podContainers(w);
  let index = 0;
  if (containerName !== undefined) index = cs.findIndex((c) => isObj(c) && c.name === containerName);
  const c = index >= 0 ? cs[index] : undefined;
  const env = new Map<string, { value?: string; path: (string | number)[] }>();
  if (!isObj(c)) return { index, env, hasEnvFrom: false };
  if (Array.isArray(c.env)) {
    c.env.forEach((e, i) => {
      if (!isObj(e) || typeof e.name !== 'string') return;
      env.set(e.name, { value: typeof e.value === 'string' ? e.value : typeof e.value === 'number' ? String(e.value) : undefined, path: [...podSpecPath(w), 'containers', index, 'env', i] });
    });
  }
  return { container: c, index, env, hasEnvFrom: Array.isArray(c.envFrom) && c.envFrom.length > 0 };
}
