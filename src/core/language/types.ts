import type { Range } from '../model';
import type { SchemaStore } from '../schema/store';
import type { ExplicitVersions } from '../versions';
import type { WorkspaceIndex } from '../workspace';

/** A hover: Markdown plus the range it applies to (the word or key under the cursor). */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** What a completion item is; the editor maps it to its own kinds. */
export type CompletionKind = 'property' | 'value' | 'enum' | 'keyword' | 'snippet';

/** One completion item as plain data. */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Text to insert; a VS Code snippet string when `isSnippet` is true. */
  readonly insertText: string;
  readonly isSnippet: boolean;
  /** One line shown next to the label (type, role, default). */
  readonly detail?: string;
  /** Markdown shown in the details pane. */
  readonly documentation?: string;
  /** The range the item replaces: the word being typed (empty at the cursor when nothing is typed yet). */
  readonly range: Range;
  /** Sorts items: required and important ones first, then source order. */
  readonly sortText: string;
  /** Text the editor filters on when it differs from the label. */
  readonly filterText?: string;
  readonly deprecated?: boolean;
  /** True when the editor should open suggestions again after inserting (e.g. after `spring.kafka.producer.properties.`). */
  readonly retrigger?: boolean;
}

/** Options shared by hover and completion. */
export interface LanguageOptions {
  /** Schemas of custom resources; without it CR fields get no hover or completion. */
  readonly schemas?: SchemaStore;
  /** Target versions set by the user (settings, config file); defaults apply otherwise. */
  readonly versions?: ExplicitVersions;
  /**
   * The workspace's Kafka-related files, for values that name other resources: cluster names for
   * `strimzi.io/cluster`, bootstrap addresses, KafkaTopic names and consumer group ids for KEDA triggers.
   */
  readonly index?: WorkspaceIndex;
}
