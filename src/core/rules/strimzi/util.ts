/** Small helpers shared by the strimzi-* rules. Pure. */
import type { Resource } from '../../resource';
import type { Versions } from '../../versions';
import { versionAtLeast } from '../../versions';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface Listener {
  readonly index: number;
  readonly path: readonly (string | number)[];
  readonly value: Obj;
  readonly name: string | undefined;
  readonly type: string | undefined;
  /** `tls` as written (undefined when absent or not a boolean). */
  readonly tls: boolean | undefined;
  readonly authType: string | undefined;
}

/** The listeners of a Kafka CR (`spec.kafka.listeners`), skipping entries that are not maps. */
export function listeners(kafka: Resource): Listener[] {
  const list = kafka.get(['spec', 'kafka', 'listeners']);
  if (!Array.isArray(list)) return [];
  const out: Listener[] = [];
  list.forEach((v, index) => {
    if (!isObj(v)) return;
    const auth = v.authentication;
    const path = ['spec', 'kafka', 'listeners', index];
    out.push({
      index,
      path,
      value: v,
      name: isDynamicAt(kafka, [...path, 'name']) ? undefined : typeof v.name === 'string' ? v.name : typeof v.name === 'number' ? String(v.name) : undefined,
      type: typeof v.type === 'string' ? v.type : undefined,
      tls: typeof v.tls === 'boolean' ? v.tls : undefined,
      authType: isObj(auth) && typeof auth.type === 'string' ? auth.type : undefined,
    });
  });
  return out;
}

/** How a listener is named in messages: `listener 'external'` (or `listener #2`). */
export function listenerLabel(l: Listener): string {
  return l.name !== undefined ? `listener '${l.name}'` : `listener #${l.index + 1}`;
}

/** Whether the Kafka cluster runs in KRaft mode under the resolved versions. */
export function isKraft(kafka: Resource, versions: Versions): boolean {
  if (versionAtLeast(versions.strimzi.value, '0.46')) return true;
  if (versionAtLeast(versions.kafka.value, '4.0')) return true;
  return kafka.annotations['strimzi.io/kraft'] === 'enabled';
}

/** Reads a number that may be written as a YAML number or a numeric string; undefined otherwise. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return undefined;
}

/** `a, b and c` */
export function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A version-like scalar at a path as the user wrote it: strings as they are, numbers from the source
 * text (so an unquoted `4.10` stays `4.10` instead of YAML's 4.1).
 */
export function versionAt(r: Resource, path: readonly (string | number)[]): string | undefined {
  const v = r.get(path);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  const off = r.doc.valueOffsets(path);
  const text = off ? r.doc.file.text.slice(off[0], off[1]).trim() : '';
  return /^[0-9][0-9.]*$/.test(text) ? text : String(v);
}

/**
 * Whether the value at a path cannot be judged: it is (partly) a Helm/Go template expression, which the
 * parser masks, or holds a `${VAR}` placeholder filled in at deploy time.
 */
export function isDynamicAt(r: Resource, path: readonly (string | number)[]): boolean {
  const v = r.get(path);
  if (typeof v === 'string' && /\$\{[^}]*\}|\{\{/.test(v)) return true;
  const off = r.doc.valueOffsets(path);
  return off !== undefined && r.doc.file.templated && r.doc.file.isTemplated(off[0], off[1]);
}

/**
 * A closing sentence for version-dependent findings when nobody set the Strimzi version, so a user on
 * another operator release knows how to make the findings match their cluster ('' otherwise).
 */
export function assumedStrimzi(versions: Versions): string {
  const v = versions.strimzi;
  return v.source === 'default' ? ` Assumes Strimzi ${v.value}; set versions.strimzi in .kafka-k8s.yaml to match your operator.` : '';
}
