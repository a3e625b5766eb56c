/**
 * Contract for JSON schemas of Kubernetes resources. The schemas live as JSON files in `schemas/`
 * (generated from the upstream CRDs); core code never reads files itself: a loader is injected
 * (see `src/services/schemas.ts` for the file-system one).
 */

/** A JSON schema object (the subset of JSON Schema the CRDs use, plus `x-kubernetes-*` keywords). */
export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly default?: unknown;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly [keyword: string]: unknown;
};

/** Where a schema came from, for hovers and messages. */
export interface SchemaInfo {
  /** e.g. `Strimzi 1.2.0`, `KEDA 2.20.2`. */
  readonly product: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** The schema's path under `schemas/` (e.g. `strimzi/1.2.0/kafka_v1.json`); also a stable cache key. */
  readonly file?: string;
  /** The operator release the schema comes from, e.g. `1.2.0`. */
  readonly operatorVersion?: string;
  /** The apiVersion is deprecated in that release. */
  readonly deprecated?: boolean;
}

/** One apiVersion of a kind as served by an operator release. */
export interface ServedApi {
  readonly apiVersion: string;
  readonly kind: string;
  /** e.g. `Strimzi 1.2.0`. */
  readonly product: string;
  readonly operatorVersion: string;
  readonly deprecated: boolean;
}

export interface SchemaStore {
  /**
   * The schema of a resource kind at an apiVersion, chosen for the target operator version
   * (e.g. `kafka.strimzi.io/v1beta2` → the Strimzi 0.51.0 schema). Undefined when unknown.
   */
  schemaFor(apiVersion: string, kind: string, operatorVersion?: string): { schema: JsonSchema; info: SchemaInfo } | undefined;
  /**
   * Optional: every apiVersion/kind the store knows in an API group (all releases), for messages about
   * unknown kinds and apiVersions. Empty when the group is unknown.
   */
  served?(group: string): readonly ServedApi[];
  /**
   * Optional: a validator for this schema compiled ahead of time (ajv standalone code built by
   * `src/tools/gen-validators.mjs`); undefined means "compile at run time".
   */
  precompiled?(info: SchemaInfo): SchemaValidator | undefined;
}

/** An ajv validate function (ahead-of-time or run-time compiled): true when valid, else `errors` is set. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly unknown[] | null;
}
