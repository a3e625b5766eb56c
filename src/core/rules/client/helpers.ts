/**
 * Shared helpers of the client-config rules: typed reads of config values, effective defaults by
 * Kafka version, and edits. Not a rule.
 */
import { kafkaConfigs, type KafkaConfigRole } from '../../data/index';
import type { ConfigEntry, ConfigSet } from '../../kafka-config';
import type { Range, TextEdit } from '../../model';
import type { SourceFile } from '../../source';
import { versionBelow } from '../../versions';

/** An entry's value as an integer (Kafka's int/long parsing: trimmed, optional sign), or undefined. */
export function intValue(e: ConfigEntry | undefined): number | undefined {
  if (!e || e.dynamic) return undefined;
  const v = e.value.trim();
  if (!/^[-+]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** An entry's value as a boolean (Kafka parses `true`/`false` case-insensitively), or undefined. */
export function boolValue(e: ConfigEntry | undefined): boolean | undefined {
  if (!e || e.dynamic) return undefined;
  const v = e.value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** An entry's value as trimmed text, or undefined when absent or not judgeable. */
export function textValue(e: ConfigEntry | undefined): string | undefined {
  if (!e || e.dynamic) return undefined;
  return e.value.trim();
}

/** The first number in a catalogue default (`"10000 (10 seconds)"` → 10000). */
function leadingNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-?\d+)/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/**
 * The documented default of a numeric client config for a Kafka version, from the catalogue
 * (Kafka 4.1) and its recorded default changes (e.g. `linger.ms` 0 → 5 in 4.0,
 * `session.timeout.ms` 10000 → 45000 in 3.0).
 */
export function numericDefault(role: KafkaConfigRole, key: string, kafkaVersion: string): number | undefined {
  const def = kafkaConfigs(role).get(key);
  if (!def) return undefined;
  let value = leadingNumber(def.default);
  // Walk the changes newest first: a version before a change sees the older default.
  const changes = [...(def.defaultChanges ?? [])].sort((a, b) => (versionBelow(changedIn(a), changedIn(b)) ? 1 : -1));
  for (const c of changes) if (versionBelow(kafkaVersion, changedIn(c))) value = leadingNumber(c.from) ?? value;
  return value;
}

function changedIn(c: { between: readonly string[]; statedInVersion?: string }): string {
  return c.statedInVersion ?? c.between[c.between.length - 1];
}

/** The effective integer value of a key: as set, else the version's default. `explicit` says which. */
export function effectiveInt(set: ConfigSet, role: KafkaConfigRole, key: string, kafkaVersion: string): { value: number | undefined; entry?: ConfigEntry; explicit: boolean } {
  const e = set.get(key);
  if (e) return { value: intValue(e), entry: e, explicit: true };
  return { value: numericDefault(role, key, kafkaVersion), explicit: false };
}

/** Removes an entry (properties lines or a YAML key). */
export function removeEntryEdit(set: ConfigSet, entry: ConfigEntry, file: SourceFile): TextEdit | undefined {
  return set.removeEdit(entry, file.lines);
}

/**
 * Renames an entry's key in place, keeping everything around it (the Spring prefix, brackets, quotes).
 * Undefined when the key is not written literally at the entry's key range (e.g. nested YAML maps).
 */
export function renameKeyEdit(entry: ConfigEntry, newKey: string, file: SourceFile): TextEdit | undefined {
  const start = file.lines.offset(entry.keyRange.start);
  const end = file.lines.offset(entry.keyRange.end);
  const text = file.text.slice(start, end);
  const at = text.lastIndexOf(entry.key);
  if (at === -1 || !text.endsWith(entry.key) && !/^[\]"']+$/.test(text.slice(at + entry.key.length))) return undefined;
  const range: Range = file.lines.range(start + at, start + at + entry.key.length);
  return { range, newText: newKey };
}

/**
 * How a key is written for messages: the Kafka key, or for a Spring Boot property with its own name
 * (`spring.kafka.consumer.enable-auto-commit`) the last segment as the user wrote it (`enable-auto-commit`).
 */
export function keyLabel(entry: ConfigEntry): string {
  if (entry.rawKey === entry.key || entry.rawKey.endsWith(entry.key) || entry.rawKey.endsWith(`[${entry.key}]`)) return entry.key;
  const segs = entry.rawKey.split('.');
  return segs[segs.length - 1];
}

/** `key=value` for messages, with the value as written (`batch-size=8KB`). */
export function assign(entry: ConfigEntry): string {
  const written = entry.raw === null || entry.raw === undefined || typeof entry.raw === 'object' ? entry.value : String(entry.raw).trim();
  return `${keyLabel(entry)}=${written}`;
}

/** True for Kafka Streams configs, whose embedded clients Streams configures itself. */
export function isStreams(set: ConfigSet): boolean {
  return set.has('application.id');
}

