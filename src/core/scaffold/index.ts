/** The template registry: `kafka-k8s new --list`, the CLI and the palette wizards share it. */
import { closeMatches, quoteList } from '../suggest';
import { goClient } from './go';
import { javaClient } from './java';
import { kedaConsumer, monitoring } from './keda';
import { nodeClient } from './node';
import { resolveParams } from './params';
import { kafkaStack } from './stack';
import { kafkaCluster, kafkaTopic, kafkaUser } from './strimzi';
import { ScaffoldError, type GeneratedFile, type ParamValue, type Params, type Template } from './types';

export * from './types';
export { planPartitions, type PartitionPlan } from './common';
export { parseParam, resolveParams, validateParam } from './params';

export const TEMPLATES: readonly Template[] = [kafkaStack, kafkaCluster, kafkaTopic, kafkaUser, kedaConsumer, monitoring, javaClient, goClient, nodeClient];

export function templateIds(): string[] {
  return TEMPLATES.map((t) => t.id);
}

/** The template with this id; a ScaffoldError with a did-you-mean otherwise. */
export function findTemplate(id: string): Template {
  const t = TEMPLATES.find((x) => x.id === id);
  if (t) return t;
  const close = closeMatches(id, templateIds());
  throw new ScaffoldError(`unknown template '${id}'${close.length ? `; did you mean ${quoteList(close)}?` : ''} (templates: ${templateIds().join(', ')})`);
}

export interface ScaffoldResult {
  readonly template: Template;
  readonly params: Params;
  readonly files: readonly GeneratedFile[];
  /** Relative path of the file to open first. */
  readonly main: string;
}

/** Validates `given` against the template and renders its files. */
export function scaffold(id: string, given: Readonly<Record<string, ParamValue>> = {}): ScaffoldResult {
  const template = findTemplate(id);
  const params = resolveParams(template, given);
  return { template, params, files: template.generate(params), main: template.main(params) };
}
export { workspaceChoices, type ClusterChoice, type TopicChoice, type UserChoice, type WorkspaceChoices } from './from-workspace';
