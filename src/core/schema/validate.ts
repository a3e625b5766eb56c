import type { Severity } from '../model';
import type { Resource } from '../resource';
import type { Report } from '../rules/types';
import type { Versions } from '../versions';

/** A schema finding: its `schema-*` rule id and what to report. */
export interface SchemaReport {
  readonly ruleId: string;
  readonly severity?: Severity;
  readonly report: Report;
}

/** Validates a resource against the JSON schema for its apiVersion/kind and the target versions. */
export function schemaReports(_resource: Resource, _versions: Versions): SchemaReport[] {
  return [];
}
