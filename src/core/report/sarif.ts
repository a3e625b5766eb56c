import { ruleDocMarkdown } from '../docs';
import type { ArtifactLocation, Location, Log, Region, ReportingDescriptor, Result, Run } from 'sarif';
import type { Finding, Range, Severity } from '../model';
import type { RuleMeta } from '../rules/types';
import type { ReportInput } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/kafka-k8s/kafka-k8s';

export interface SarifOptions {
  /**
   * Maps a finding's file (as shown to the user) to a SARIF artifact URI: a repository-relative path
   * with forward slashes (resolved against `%SRCROOT%`), or an absolute `file://` URI.
   */
  readonly uri?: (file: string) => string;
  /** The `file://` URI of the folder relative URIs are relative to (the working directory). */
  readonly srcRoot?: string;
}

/** SARIF `level` for a severity: hints and infos are notes. */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/**
 * SARIF 2.1.0 for code scanning: one run, every rule in `tool.driver.rules`, results with 1-based
 * regions (UTF-16 columns), related locations, fixes, stable `partialFingerprints` (rule, file, resource
 * and message, not line numbers) and suppressed findings listed with `suppressions`.
 */
export function toSarif(input: ReportInput, opts: SarifOptions = {}): Log {
  const uriOf = opts.uri ?? defaultUri;
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Findings whose rule the registry does not list (should not happen) still get a descriptor.
  for (const f of input.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, group: 'syntax', targets: [], defaultSeverity: f.severity, description: f.ruleId, why: '', howToFix: '', fixable: false, docsUrl: TOOL_INFORMATION_URI });
    }
  }
  const seen = new Map<string, number>();
  const results = input.findings.map((f): Result => {
    const base = fingerprintBase(f);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const result: Result = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [location(uriOf(f.file), f.range, opts)],
      partialFingerprints: { 'kafkaK8sFinding/v1': `${hash(base)}:${n + 1}` },
    };
    if (f.related?.length) {
      result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(uriOf(r.file), r.range, opts), message: { text: r.message } }));
    }
    if (f.fix && f.fix.edits.length) {
      result.fixes = [
        {
          description: { text: f.fix.title },
          artifactChanges: [
            {
              artifactLocation: artifact(uriOf(f.file), opts),
              replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            },
          ],
        },
      ];
    }
    if (f.suppressed) {
      result.suppressions = [{ kind: 'inSource', status: 'accepted', ...(f.suppressed.justification ? { justification: f.suppressed.justification } : {}) }];
    }
    if (f.resource && Object.keys(f.resource).length) result.properties = { resource: f.resource };
    return result;
  });
  const run: Run = {
    tool: {
      driver: {
        name: 'kafka-k8s',
        version: input.toolVersion,
        semanticVersion: input.toolVersion,
        informationUri: TOOL_INFORMATION_URI,
        rules: rules.map(ruleDescriptor),
      },
    },
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (opts.srcRoot) run.originalUriBaseIds = { '%SRCROOT%': { uri: opts.srcRoot.endsWith('/') ? opts.srcRoot : `${opts.srcRoot}/` } };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function formatSarif(input: ReportInput, opts: SarifOptions = {}): string {
  return JSON.stringify(toSarif(input, opts), null, 2) + '\n';
}

function ruleDescriptor(m: RuleMeta): ReportingDescriptor {
  return {
    id: m.id,
    name: pascal(m.id),
    shortDescription: { text: m.description },
    fullDescription: { text: [m.why, m.howToFix].filter(Boolean).join(' ') || m.description },
    help: { text: [m.why, m.howToFix ? `How to fix: ${m.howToFix}` : ''].filter(Boolean).join('\n\n') || m.description, markdown: ruleDocMarkdown(m, 2) },
    helpUri: m.docsUrl,
    defaultConfiguration: { level: sarifLevel(m.defaultSeverity), enabled: true },
    properties: { tags: [...new Set(['kafka', m.group, ...m.targets])], precision: 'high', ...(m.fixable ? { fixable: true } : {}) },
  };
}

function location(uri: string, r: Range, opts: SarifOptions): Location {
  return { physicalLocation: { artifactLocation: artifact(uri, opts), region: region(r) } };
}

function artifact(uri: string, opts: SarifOptions): ArtifactLocation {
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(uri);
  return { uri, ...(relative && opts.srcRoot ? { uriBaseId: '%SRCROOT%' } : {}) };
}

/** A 1-based SARIF region; the end column is exclusive, as our ranges are. */
function region(r: Range): Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function defaultUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encodePath(p)}`;
  if (p.startsWith('/')) return `file://${encodePath(p)}`;
  return encodePath(p.replace(/^\.\//, ''));
}

function encodePath(p: string): string {
  return p.split('/').map((s) => encodeURIComponent(s).replace(/%3A/g, ':')).join('/');
}

/** What identifies a finding across runs: never its line, so moving code keeps its alerts. */
function fingerprintBase(f: Finding): string {
  const r = f.resource;
  const message = f.message.replace(/\b(line|lines|column) \d+/g, '$1 N');
  return [f.ruleId, f.file.replace(/\\/g, '/'), r?.kind ?? '', r?.namespace ?? '', r?.name ?? '', message].join('\u0000');
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit lanes with different offsets); stable and dependency-free. */
export function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

export type { Finding };
