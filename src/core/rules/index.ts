import configInvalid from './builtin/config-invalid';
import fileSkipped from './builtin/file-skipped';
import helmTemplate from './builtin/helm-template';
import internalError from './builtin/internal-error';
import propertiesDuplicateKey from './builtin/properties-duplicate-key';
import syntaxError from './builtin/syntax-error';
import { CLIENT_RULES } from './client/index';
import { CODE_RULES } from './code/index';
import { CROSS_RULES } from './cross/index';
import { KEDA_RULES } from './keda/index';
import { SCHEMA_RULES } from '../schema/rules';
import { STRIMZI_RULES } from './strimzi/index';
import { TOPIC_RULES } from './topic/index';
import type { Rule } from './types';

/** The registry: every rule the engine knows, including those the engine reports itself. */
export const RULES: readonly Rule[] = [
  syntaxError,
  helmTemplate,
  internalError,
  fileSkipped,
  propertiesDuplicateKey,
  configInvalid,
  ...SCHEMA_RULES,
  ...STRIMZI_RULES,
  ...TOPIC_RULES,
  ...KEDA_RULES,
  ...CLIENT_RULES,
  ...CODE_RULES,
  ...CROSS_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
