import type { Command } from './io';

export const lintCommand: Command = async () => 0;
