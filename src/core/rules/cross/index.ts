import type { Rule } from '../types';

/** The cross rules, one file each; keep this list sorted by id. */
export const CROSS_RULES: readonly Rule[] = [];
