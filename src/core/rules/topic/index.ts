import type { Rule } from '../types';

/** The topic rules, one file each; keep this list sorted by id. */
export const TOPIC_RULES: readonly Rule[] = [];
