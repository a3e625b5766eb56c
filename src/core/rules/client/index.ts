import producerAcksWeak from './producer-acks-weak';
import type { Rule } from '../types';

/** The client rules, one file each; keep this list sorted by id. */
export const CLIENT_RULES: readonly Rule[] = [producerAcksWeak];
