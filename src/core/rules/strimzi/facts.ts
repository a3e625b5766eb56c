/**
 * Strimzi facts the strimzi-* rules need beyond `schemas/data/strimzi-facts.json`, plus small
 * version helpers shared by those rules. Pure data and functions.
 */
import { strimziFacts } from '../../data/index';
import { compareVersions, majorMinor, versionAtLeast } from '../../versions';

export interface KafkaVersionRow {
  /** Strimzi major.minor this row describes. */
  readonly strimzi: string;
  readonly supported: readonly string[];
  readonly default: string;
}

/**
 * Strimzi releases older than the derived catalogue (which starts at 0.45.0).
 * Source: strimzi/strimzi-kafka-operator@<tag>:kafka-versions.yaml (`supported: true` entries) at the
 * tags 0.38.0 … 0.44.0, as summarised in the project's research notes (rules.md table 0.1).
 */
const OLDER_ROWS: readonly KafkaVersionRow[] = [
  { strimzi: '0.38', supported: ['3.5.0', '3.5.1', '3.6.0'], default: '3.6.0' },
  { strimzi: '0.39', supported: ['3.5.0', '3.5.1', '3.5.2', '3.6.0', '3.6.1'], default: '3.6.1' },
  { strimzi: '0.40', supported: ['3.6.0', '3.6.1', '3.7.0'], default: '3.7.0' },
  { strimzi: '0.41', supported: ['3.6.0', '3.6.1', '3.6.2', '3.7.0'], default: '3.7.0' },
  { strimzi: '0.42', supported: ['3.6.0', '3.6.1', '3.6.2', '3.7.0', '3.7.1'], default: '3.7.1' },
  { strimzi: '0.43', supported: ['3.7.0', '3.7.1', '3.8.0'], default: '3.8.0' },
  { strimzi: '0.44', supported: ['3.7.0', '3.7.1', '3.8.0'], default: '3.8.0' },
];

/**
 * Patch releases whose table differs from their x.y.0 release.
 * Source: strimzi/strimzi-kafka-operator@0.45.1:kafka-versions.yaml (adds 3.9.1, made the default).
 */
const PATCH_ROWS: readonly (KafkaVersionRow & { readonly patch: string })[] = [
  { strimzi: '0.45', patch: '0.45.1', supported: ['3.8.0', '3.8.1', '3.9.0', '3.9.1'], default: '3.9.1' },
];

const ROWS: readonly KafkaVersionRow[] = [
  ...OLDER_ROWS,
  ...strimziFacts.kafkaVersions.map((e) => ({ strimzi: majorMinor(e.strimzi), supported: e.supportedKafka, default: e.defaultKafka })),
].sort((a, b) => compareVersions(a.strimzi, b.strimzi));

/** The oldest and newest Strimzi minor releases we know the Kafka versions of. */
export const KNOWN_STRIMZI_RANGE = { oldest: ROWS[0].strimzi, newest: ROWS[ROWS.length - 1].strimzi } as const;

/**
 * The Kafka versions a Strimzi release supports, or undefined when the release is outside what we
 * know (older than 0.38 or a newer minor than the newest known), so rules can stay silent.
 */
export function kafkaVersionsFor(strimzi: string): KafkaVersionRow | undefined {
  const mm = majorMinor(strimzi);
  const patch = PATCH_ROWS.filter((p) => p.strimzi === mm && versionAtLeast(strimzi, p.patch)).pop();
  if (patch) return patch;
  return ROWS.find((r) => r.strimzi === mm);
}

/** The KRaft metadata version Strimzi uses for a Kafka version (from the derived catalogue), e.g. `4.3-IV0`. */
export function metadataVersionFor(kafka: string): string | undefined {
  for (let i = strimziFacts.kafkaVersions.length - 1; i >= 0; i--) {
    const m = strimziFacts.kafkaVersions[i].metadataVersionByKafka[kafka];
    if (m) return m;
  }
  return undefined;
}

/** `4.2-IV1` → `4.2`; `3.6` → `3.6`; undefined when not a metadata version. */
export function metadataMajorMinor(v: string): string | undefined {
  const m = /^(\d+)\.(\d+)(?:[.-]|$)/.exec(v.trim());
  return m ? `${m[1]}.${m[2]}` : undefined;
}
