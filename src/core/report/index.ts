/** Output formats of the `lint` command. Pure: they turn findings into text. */
import { formatGithub, type GithubOptions } from './github';
import { formatJson } from './json';
import { formatSarif, type SarifOptions } from './sarif';
import { formatText, type TextOptions } from './text';
import type { ReportInput } from './types';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github'];

export function formatReport(format: ReportFormat, input: ReportInput, opts: TextOptions & SarifOptions & GithubOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input, opts);
    case 'github':
      return formatGithub(input, opts);
    default:
      return formatText(input, opts);
  }
}

export { countFindings, type Counts, type ReportInput } from './types';
export { formatGithub, GITHUB_ANNOTATIONS_PER_KIND, type GithubOptions } from './github';
export { formatJson, toJsonReport, type JsonFinding, type JsonReport } from './json';
export { formatSarif, toSarif, sarifLevel } from './sarif';
export { formatText } from './text';
