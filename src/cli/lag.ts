import type { Command } from './io';

export const lagCommand: Command = async () => 0;
