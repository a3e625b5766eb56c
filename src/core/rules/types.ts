import type { ConfigSet, ConfigTarget } from '../kafka-config';
import type { Fix, Range, RelatedLocation, Severity } from '../model';
import type { Resource, ResourceTarget } from '../resource';
import type { SourceFile } from '../source';
import type { Versions } from '../versions';
import type { WorkspaceIndex } from '../workspace';

export type RuleTarget = ResourceTarget | ConfigTarget | 'strimzi-any' | 'keda-any';

/** Rule groups, used for the docs table and ordering. */
export type RuleGroup = 'syntax' | 'schema' | 'strimzi' | 'topic' | 'user' | 'keda' | 'producer' | 'consumer' | 'client' | 'cross-resource';

/** Everything a user (and the docs generator) needs to know about a rule. */
export interface RuleMeta {
  /** Stable kebab-case id, e.g. `producer-acks-weak`. */
  readonly id: string;
  readonly group: RuleGroup;
  /** The resources or config roles the rule checks. */
  readonly targets: readonly RuleTarget[];
  readonly defaultSeverity: Severity;
  /** One line, no trailing period: what the rule flags. */
  readonly description: string;
  /** Why it matters, in full sentences. */
  readonly why: string;
  /** How to fix it, in full sentences. */
  readonly howToFix: string;
  /** Whether the rule offers an automatic fix for at least some findings. */
  readonly fixable: boolean;
  /** Where the rule's documentation lives. */
  readonly docsUrl: string;
  /** Upstream sources the rule is based on (URLs or `owner/repo@ref:path`). */
  readonly sources?: readonly string[];
  /** True when the rule reads other files through the workspace index. */
  readonly crossFile?: boolean;
}

/** What a rule reports. The engine adds the file, the rule id and the final severity. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. severity by version). */
  readonly severity?: Severity;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

/** Engine settings a rule may read. */
export interface RuleSettings {
  /** When false (default), "X not found in the workspace" findings are downgraded one level. */
  readonly assumeCompleteWorkspace: boolean;
  /** Heuristic thresholds, by name (e.g. `maxPartitionsPerTopic`). */
  readonly thresholds: Readonly<Record<string, number>>;
}

export interface RuleContext {
  readonly file: SourceFile;
  /** Versions resolved for the subject being checked (a Kafka CR's own `spec.kafka.version` counts). */
  readonly versions: Versions;
  /** Every Kafka-related file of the workspace (just this file when linting one file alone). */
  readonly index: WorkspaceIndex;
  readonly settings: RuleSettings;
  report(report: Report): void;
}

/**
 * A rule: metadata plus check functions. `resource` runs for each Kubernetes resource whose
 * target is in `meta.targets`; `config` runs for each Kafka config set whose role matches.
 */
export interface Rule {
  readonly meta: RuleMeta;
  resource?(resource: Resource, ctx: RuleContext): void;
  config?(config: ConfigSet, ctx: RuleContext): void;
  /** Runs once per file (e.g. for file-level checks such as duplicate keys). */
  file?(file: SourceFile, ctx: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/kafka-k8s/kafka-k8s/blob/main/README.md';

/** The docs URL of a rule: an anchor in the generated rules reference. */
export function docsUrl(id: string): string {
  return `${DOCS_BASE}#${id}`;
}

/** Defines a rule; a typed identity function that keeps rule files short. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
