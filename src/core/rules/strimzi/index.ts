import type { Rule } from '../types';

/** The strimzi rules, one file each; keep this list sorted by id. */
export const STRIMZI_RULES: readonly Rule[] = [];
