import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProperties } from '../../src/core/parse/properties';

describe('parseProperties', () => {
  it('handles every separator, comments and blank lines', () => {
    const p = parseProperties('# comment\n! also\n\na=1\nb:2\nc 3\nd = 4\n  e\t:\t5\nf\n');
    assert.deepEqual(
      p.entries.map((e) => [e.key, e.value]),
      [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5'], ['f', '']],
    );
    assert.equal(p.comments.get(0), ' comment');
  });
  it('joins continuation lines and unescapes', () => {
    const p = parseProperties('sasl.jaas.config=org.Foo required \\\n    username="u" \\\n    password="p";\nk\\:ey=v\\u0041\\tz\nx=a\\\\\n');
    assert.equal(p.entries[0].value, 'org.Foo required username="u" password="p";');
    assert.equal(p.entries[0].lastLine, 2);
    assert.equal(p.entries[1].key, 'k:ey');
    assert.equal(p.entries[1].value, 'vA\tz');
    assert.equal(p.entries[2].value, 'a\\');
  });
  it('gives exact key and value ranges', () => {
    const p = parseProperties('x=1\n  acks = all\n');
    assert.deepEqual(p.entries[1].keyRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
    assert.deepEqual(p.entries[1].valueRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } });
  });
  it('reports duplicate keys', () => {
    const p = parseProperties('acks=1\nacks=all\n');
    assert.equal(p.duplicates.length, 1);
    assert.equal(p.duplicates[0].first.firstLine, 0);
    assert.equal(p.duplicates[0].entry.firstLine, 1);
  });
  it('handles CRLF', () => {
    const p = parseProperties('a=1\r\nb=2\r\n');
    assert.deepEqual(p.entries.map((e) => e.value), ['1', '2']);
  });
});
