import type { Command } from './io';

export const rulesCommand: Command = async () => 0;
export const ruleCommand: Command = async () => 0;
