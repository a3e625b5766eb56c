/**
 * Scaffolding contract: a template is a pure function from validated, typed parameters to files.
 * Nothing here touches the file system; the CLI and the extension write the files.
 */

/** One generated file; `path` is relative and uses `/`. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export type ParamValue = string | number | boolean;

export interface ParamSpec {
  /** camelCase key used by `--set key=value` and by the wizards. */
  readonly key: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'enum';
  readonly description: string;
  readonly default: ParamValue;
  /** Allowed values of an enum. */
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Extra check for strings (names): returns an error message or undefined. */
  readonly check?: (value: string) => string | undefined;
}

export type Params = Readonly<Record<string, ParamValue>>;

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** The file to open after generating (relative path). */
  main(params: Params): string;
  generate(params: Params): GeneratedFile[];
  /** Checks across parameters (after each one is valid on its own); returns error messages. */
  crossCheck?(params: Params): string[];
}

/** Bad template id or parameters; the message names the parameter and the fix. */
export class ScaffoldError extends Error {}
