import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { range, type Finding } from '../../src/core/model';
import { formatGithub, formatJson, formatText, toSarif, type ReportInput } from '../../src/core/report/index';
import { RULES } from '../../src/core/rules/index';

const rules = RULES.map((r) => r.meta);

const findings: Finding[] = [
  {
    ruleId: 'producer-acks-weak',
    severity: 'warning',
    message: 'acks=1 loses writes.',
    file: 'deploy/producer.properties',
    range: range(1, 5, 1, 6),
    fix: { title: 'Set acks to all', edits: [{ range: range(1, 5, 1, 6), newText: 'all' }] },
  },
  {
    ruleId: 'syntax-error',
    severity: 'error',
    message: 'YAML syntax error: bad indentation',
    file: 'deploy/kafka.yaml',
    range: range(9, 2, 9, 8),
    resource: { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', name: 'events', namespace: 'kafka' },
    related: [{ file: 'deploy/pools.yaml', range: range(0, 0, 0, 4), message: 'Pool defined here' }],
  },
  {
    ruleId: 'properties-duplicate-key',
    severity: 'info',
    message: 'Duplicate key on line 3.',
    file: 'deploy/producer.properties',
    range: range(4, 0, 4, 4),
    suppressed: { kind: 'comment', justification: 'intended' },
  },
];

const input = (f: Finding[] = findings): ReportInput => ({ findings: f, fileCount: 3, rules, toolVersion: '0.1.0' });

describe('text report', () => {
  it('prints aligned finding lines and a summary, without suppressed findings', () => {
    const out = formatText(input());
    const lines = out.split('\n');
    assert.equal(lines[0], 'deploy/producer.properties:2:6  warning  acks=1 loses writes.                producer-acks-weak');
    assert.equal(lines[1], 'deploy/kafka.yaml:10:3  error    YAML syntax error: bad indentation  syntax-error');
    assert.equal(lines[2], '  deploy/pools.yaml:1:1  note: Pool defined here', 'related locations follow their finding');
    assert.equal(lines[3], '');
    assert.equal(lines[4], '✖ 2 problems (1 error, 1 warning) in 3 files');
    assert.equal(lines[5], '  1 problem is fixable with the `--fix` option.');
    assert.ok(!out.includes('\u001b['), 'no colour unless asked');
  });

  it('aligns locations within a file, so one long path does not push every line right', () => {
    const deep = { ...findings[0], file: 'a/very/deep/folder/of/manifests/producer.properties' };
    const lines = formatText(input([deep, { ...deep, range: range(11, 0, 11, 1) }, findings[1]])).split('\n');
    assert.equal(lines[0].indexOf('warning'), lines[1].indexOf('warning'));
    assert.equal(lines[1], 'a/very/deep/folder/of/manifests/producer.properties:12:1  warning  acks=1 loses writes.                producer-acks-weak');
    assert.equal(lines[2], 'deploy/kafka.yaml:10:3  error    YAML syntax error: bad indentation  syntax-error');
  });

  it('shows control and bidirectional characters in messages and paths escaped, on one line', () => {
    const out = formatText(input([{ ...findings[0], file: 'x\u001b[2J.properties', message: 'key \u202ekey\nnext line' }]));
    assert.match(out, /^x\\u001b\[2J\.properties:2:6  warning  key \\u202ekey next line  producer-acks-weak$/m);
    assert.ok(!/[\u001b\u202e]/.test(out));
  });

  it('with source, shows each line with its range underlined (related locations too)', () => {
    const sources: Record<string, string> = {
      'deploy/producer.properties': 'bootstrap.servers=x\nacks=1\n',
      'deploy/kafka.yaml': Array.from({ length: 9 }, () => 'a: 1').join('\n') + '\n\tkey:\tvalue\n',
      'deploy/pools.yaml': 'kind: KafkaNodePool\r\n',
    };
    const out = formatText(input(), { source: (f) => sources[f] });
    assert.equal(
      out,
      [
        'deploy/producer.properties:2:6  warning  acks=1 loses writes.                producer-acks-weak',
        '  2 | acks=1',
        '    |      ^',
        '',
        'deploy/kafka.yaml:10:3  error    YAML syntax error: bad indentation  syntax-error',
        '  10 | \tkey:\tvalue',
        '     | \t ^^^^^^',
        '  deploy/pools.yaml:1:1  note: Pool defined here',
        '    1 | kind: KafkaNodePool',
        '      | ^^^^',
        '',
        '✖ 2 problems (1 error, 1 warning) in 3 files',
        '  1 problem is fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('excerpts: multi-line and empty ranges, long lines cut around the range, unknown files and lines skipped', () => {
    const f = (r: ReturnType<typeof range>, file = 'f.yaml'): Finding => ({ ruleId: 'schema-type', severity: 'error', message: 'm', file, range: r });
    const text = 'key: value\nnext: line\n' + 'x'.repeat(100) + 'TARGET' + 'y'.repeat(200) + '\n\u001b[31mkey: v\n';
    const show = (finding: Finding) => formatText(input([finding]), { source: (file) => (file === 'f.yaml' ? text : undefined) }).split('\n').slice(1, 3);
    assert.deepEqual(show(f(range(0, 5, 1, 2))), ['  1 | key: value', '    |      ^^^^^'], 'to the end of the first line');
    assert.deepEqual(show(f(range(0, 10, 0, 10))), ['  1 | key: value', '    |           ^'], 'one caret at the end of a line');
    const long = show(f(range(2, 100, 2, 106)));
    assert.equal(long[0], `  3 | …${'x'.repeat(40)}TARGET${'y'.repeat(114)}…`);
    assert.equal(long[1], `    | ${' '.repeat(41)}^^^^^^`);
    assert.deepEqual(show(f(range(3, 5, 3, 8))), ['  4 | \ufffd[31mkey: v', '    |      ^^^'], 'escape characters are not printed');
    assert.deepEqual(show(f(range(0, 0, 0, 1), 'other.yaml')), ['', '✖ 1 problem (1 error, 0 warnings) in 3 files'], 'no text: no excerpt');
    assert.deepEqual(show(f(range(40, 0, 40, 1))), ['', '✖ 1 problem (1 error, 0 warnings) in 3 files'], 'past the end: no excerpt');
  });

  it('does not pad when a message is too long for aligned rule ids to help', () => {
    const long = { ...findings[1], message: 'x'.repeat(121) };
    const lines = formatText(input([findings[0], long])).split('\n');
    assert.match(lines[0], /acks=1 loses writes\.  producer-acks-weak$/);
  });

  it('says so when there is nothing to report', () => {
    assert.equal(formatText({ ...input([]), fileCount: 1 }), 'No problems found in 1 file.\n');
    assert.equal(formatText(input([findings[2]])), 'No problems found in 3 files.\n');
  });

  it('colours severities when asked', () => {
    const out = formatText(input(), { color: true });
    assert.ok(out.includes('\u001b[33mwarning\u001b[39m'));
    assert.ok(out.includes('\u001b[31merror  \u001b[39m'));
  });

  it('counts infos and hints', () => {
    const out = formatText(input([{ ...findings[2], suppressed: undefined }, { ...findings[2], severity: 'hint', suppressed: undefined, range: range(6, 0, 6, 1) }]));
    assert.match(out, /✖ 2 problems \(0 errors, 0 warnings, 1 info, 1 hint\)/);
  });
});

describe('GitHub Actions report', () => {
  it('prints one escaped workflow command per unsuppressed finding, errors first; the message carries location and rule for the log', () => {
    const lines = formatGithub(input()).trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '::error file=deploy/kafka.yaml,line=10,endLine=10,col=3,endColumn=9,title=kafka-k8s(syntax-error)::deploy/kafka.yaml:10:3: YAML syntax error: bad indentation [syntax-error]%0Adeploy/pools.yaml:1: Pool defined here');
    assert.equal(lines[1], '::warning file=deploy/producer.properties,line=2,endLine=2,col=6,endColumn=7,title=kafka-k8s(producer-acks-weak)::deploy/producer.properties:2:6: acks=1 loses writes. [producer-acks-weak]');
  });

  it('maps paths for GitHub (finding and related locations)', () => {
    const out = formatGithub(input([findings[1]]), { githubPath: (f) => `repo/${f}` });
    assert.match(out, /^::error file=repo\/deploy\/kafka\.yaml,.*::repo\/deploy\/kafka\.yaml:10:3: .*%0Arepo\/deploy\/pools\.yaml:1: Pool defined here\n$/);
  });

  it('says when there are more annotations of a kind than GitHub shows per step', () => {
    const many = (n: number, severity: Finding['severity']) => Array.from({ length: n }, (_, i): Finding => ({ ...findings[0], severity, range: range(i, 0, i, 1) }));
    const ten = formatGithub(input([...many(10, 'error'), ...many(10, 'warning')])).trimEnd().split('\n');
    assert.equal(ten.length, 20, 'no note at the limit');
    const lines = formatGithub(input([...many(3, 'warning'), ...many(11, 'error'), ...many(12, 'info')])).trimEnd().split('\n');
    assert.equal(lines.length, 27);
    assert.deepEqual([...new Set(lines.slice(0, 26).map((l) => l.split(' ')[0]))], ['::error', '::warning', '::notice'], 'errors first');
    assert.equal(lines[26], 'kafka-k8s: 11 errors, 12 notices: GitHub annotates at most 10 of each kind per step, so the rest are only in this log. Upload SARIF (--format sarif) to see them all in code scanning.');
  });

  it('escapes properties and data, drops columns on multi-line ranges, and maps infos to notices', () => {
    const f: Finding = { ruleId: 'x', severity: 'info', message: '100% sure\r\nnext', file: 'a,b:c.yaml', range: range(0, 0, 2, 1) };
    assert.equal(formatGithub(input([f])), '::notice file=a%2Cb%3Ac.yaml,line=1,endLine=3,title=kafka-k8s(x)::a,b:c.yaml:1:1: 100%25 sure%0D%0Anext [x]\n');
    assert.equal(formatGithub(input([])), '');
  });
});

describe('JSON report', () => {
  it('has exactly the documented shape, 1-based', () => {
    const json = JSON.parse(formatJson(input()));
    assert.deepEqual(Object.keys(json), ['schemaVersion', 'findings']);
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.findings.length, 2);
    assert.deepEqual(json.findings[0], {
      file: 'deploy/producer.properties',
      line: 2,
      column: 6,
      endLine: 2,
      endColumn: 7,
      ruleId: 'producer-acks-weak',
      severity: 'warning',
      message: 'acks=1 loses writes.',
      fixable: true,
    });
    assert.deepEqual(json.findings[1].resource, { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', name: 'events', namespace: 'kafka' });
    assert.deepEqual(json.findings[1].related, [{ file: 'deploy/pools.yaml', line: 1, column: 1, endLine: 1, endColumn: 5, message: 'Pool defined here' }]);
  });
});

/**
 * The essentials of the SARIF 2.1.0 schema (OASIS sarif-schema-2.1.0.json) that code scanning relies on,
 * written out here: required properties, enums and value types.
 */
const message = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 }, markdown: { type: 'string' } } };
const region = {
  type: 'object',
  properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 }, endColumn: { type: 'integer', minimum: 1 } },
  required: ['startLine'],
};
const location = {
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: -1 },
    physicalLocation: {
      type: 'object',
      required: ['artifactLocation'],
      properties: { artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } } }, region },
    },
    message,
  },
};
const SARIF_ESSENTIALS = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          originalUriBaseIds: { type: 'object', additionalProperties: { type: 'object', properties: { uri: { type: 'string' } } } },
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties'],
                      properties: {
                        id: { type: 'string', pattern: '^[a-z0-9-]+$' },
                        shortDescription: message,
                        fullDescription: message,
                        help: { type: 'object', required: ['text', 'markdown'], properties: { text: { type: 'string', minLength: 1 }, markdown: { type: 'string', minLength: 1 } } },
                        helpUri: { type: 'string', format: 'uri' },
                        defaultConfiguration: { type: 'object', required: ['level'], properties: { level: { enum: ['none', 'note', 'warning', 'error'] }, enabled: { type: 'boolean' } } },
                        properties: { type: 'object', required: ['tags'], properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } } },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message', 'ruleId', 'level', 'locations', 'partialFingerprints'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: { type: 'array', minItems: 1, items: location },
                relatedLocations: { type: 'array', items: location },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['artifactChanges'],
                    properties: {
                      description: message,
                      artifactChanges: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['artifactLocation', 'replacements'],
                          properties: {
                            artifactLocation: { type: 'object', required: ['uri'] },
                            replacements: { type: 'array', minItems: 1, items: { type: 'object', required: ['deletedRegion'], properties: { deletedRegion: region, insertedContent: { type: 'object', properties: { text: { type: 'string' } } } } } },
                          },
                        },
                      },
                    },
                  },
                },
                suppressions: {
                  type: 'array',
                  items: { type: 'object', required: ['kind'], properties: { kind: { enum: ['inSource', 'external'] }, status: { enum: ['accepted', 'underReview', 'rejected'] }, justification: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('SARIF report', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s));
  const validate = ajv.compile(SARIF_ESSENTIALS);

  it('validates against the essentials of the SARIF 2.1.0 schema', () => {
    const log = toSarif(input(), { srcRoot: 'file:///home/dev/repo' });
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('describes every rule and points results at them', () => {
    const log = toSarif(input()) as any;
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'kafka-k8s');
    assert.equal(run.tool.driver.rules.length, rules.length);
    const acks = run.tool.driver.rules.find((r: any) => r.id === 'producer-acks-weak');
    assert.equal(acks.defaultConfiguration.level, 'warning');
    assert.ok(acks.helpUri.endsWith('#producer-acks-weak'));
    assert.ok(acks.help.markdown.includes('## producer-acks-weak'));
    assert.ok(acks.properties.tags.includes('producer'));
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });

  it('gives real regions, related locations, levels and suppressions', () => {
    const run = (toSarif(input(), { srcRoot: 'file:///home/dev/repo/' }) as any).runs[0];
    assert.equal(run.results.length, 3, 'suppressed findings are listed too');
    const [acks, syntax, dup] = run.results;
    assert.deepEqual(acks.locations[0].physicalLocation, {
      artifactLocation: { uri: 'deploy/producer.properties', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 7 },
    });
    assert.deepEqual(acks.fixes, [
      {
        description: { text: 'Set acks to all' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'deploy/producer.properties', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 7 }, insertedContent: { text: 'all' } }],
          },
        ],
      },
    ]);
    assert.equal(syntax.fixes, undefined);
    assert.equal(syntax.level, 'error');
    assert.equal(syntax.relatedLocations[0].message.text, 'Pool defined here');
    assert.equal(syntax.relatedLocations[0].physicalLocation.artifactLocation.uri, 'deploy/pools.yaml');
    assert.equal(dup.level, 'note');
    assert.deepEqual(dup.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'intended' }]);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///home/dev/repo/');
  });

  it('keeps fingerprints stable when lines move, and distinct for distinct findings', () => {
    const fp = (fs: Finding[]) => (toSarif(input(fs)) as any).runs[0].results.map((r: any) => r.partialFingerprints['kafkaK8sFinding/v1']);
    const before = fp(findings);
    const moved = fp(findings.map((f) => ({ ...f, range: range(f.range.start.line + 7, f.range.start.character, f.range.end.line + 7, f.range.end.character) })));
    assert.deepEqual(moved, before);
    assert.equal(new Set(before).size, before.length);
    const twice = fp([findings[0], { ...findings[0], range: range(8, 5, 8, 6) }]);
    assert.notEqual(twice[0], twice[1]);
  });

  it('turns absolute and Windows paths into file URIs', () => {
    const run = (toSarif(input([{ ...findings[0], file: '/abs/my file.yaml' }, { ...findings[0], file: 'C:\\x\\y.yaml' }])) as any).runs[0];
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///abs/my%20file.yaml');
    assert.equal(run.results[1].locations[0].physicalLocation.artifactLocation.uri, 'file:///C:/x/y.yaml');
  });
});
