import assert from 'node:assert/strict';
import type { Position } from '../../src/core/model';

/** Splits `|` (the cursor) out of a text: the text without it, and the cursor as a position and an offset. */
export function at(src: string): { text: string; pos: Position; offset: number } {
  const i = src.indexOf('|');
  assert.notEqual(i, -1, 'no cursor marker');
  const text = src.slice(0, i) + src.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { text, offset: i, pos: { line: before.length - 1, character: before[before.length - 1].length } };
}
