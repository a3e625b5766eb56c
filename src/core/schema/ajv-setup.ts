/**
 * The one ajv configuration used both at run time (`validate.ts`) and when validators are compiled ahead
 * of time (`src/tools/gen-validators.mjs`). Pure data and small functions, no imports: the build tool
 * transpiles this file on its own.
 */

/** Bump when the generated validators must be rebuilt for reasons other than a schema change. */
export const VALIDATOR_FORMAT = 1;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Formats the CRDs use: Kubernetes' int32/int64 and RFC 3339 date-time. */
export const FORMATS = {
  int32: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 },
  int64: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) },
  'date-time': { type: 'string' as const, validate: (s: string) => DATE_TIME.test(s) },
};

/**
 * strict: false — the CRDs carry `x-kubernetes-*` keywords and `example`; ajv must ignore them.
 * allErrors — report every unknown field at once. verbose — errors carry the schema, which the
 * translation into findings reads (allowed property names, enum values, oneOf branches).
 * inlineRefs: false — shared subschemas (see compact.ts) are generated once as functions.
 */
export const AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  verbose: true,
  logger: false as const,
  validateSchema: false,
  inlineRefs: false,
};
