/**
 * Language services for the editor: hover, completion and rule documentation. Pure (no `vscode`,
 * no I/O); the editor adapter turns the plain results into VS Code objects.
 *
 * API (positions and ranges are 0-based, UTF-16, as in `src/core/model.ts`). `opts` (`LanguageOptions`):
 * `schemas` (a `SchemaStore`; without it CR fields get no hover or completion), `versions` (the user's target
 * versions; defaults otherwise), `index` (the `WorkspaceIndex`, for values that name other resources).
 *
 * - `hover(file, position, opts?) → HoverResult | undefined`
 *   `file` is a `SourceFile` (`analyzeFile(path, text)`). Gives Markdown and the range of the word:
 *   - on a custom resource field (key or value): description, type (`integer or string`, `array of objects`…),
 *     required, enum values, default, and the schema's origin (`Strimzi 1.2.0 · kafka.strimzi.io/v1 Kafka`);
 *     needs `opts.schemas` (e.g. `defaultSchemaStore()` from `src/services/schemas.ts`);
 *   - on a Kafka config key in a Strimzi `config:` map (Kafka → broker, KafkaTopic → topic, KafkaConnect → Connect,
 *     KafkaBridge → producer/consumer/admin), a Kafka `.properties` file (role inferred from the file), or Spring Boot
 *     `spring.kafka.*` (YAML or properties, relaxed names): type, default, valid values, importance, default changes
 *     across versions, "managed by Strimzi" for forbidden keys, removal notes, a link to the Kafka docs;
 *   - on a KEDA `kafka`/`apache-kafka` trigger `metadata` key, or a TriggerAuthentication `parameter:` value:
 *     the scaler parameter's type, default, allowed values and constraints.
 * - `hoverForFindings(findings, position) → HoverResult | undefined`
 *   For the findings whose range holds the position: why the rule matters, how to fix it, docs link.
 *   The finding's message is not repeated (the editor shows the diagnostic itself).
 * - `complete(file, position, opts?) → CompletionItem[]`
 *   Items carry `label`, `kind` (`property` | `value` | `enum` | `keyword` | `snippet`), `insertText`
 *   (a VS Code snippet string when `isSnippet`), `detail`, Markdown `documentation`, the `range` to replace,
 *   `sortText` (required / high-importance first), optional `filterText`, `deprecated`, `retrigger`
 *   (re-open suggestions after inserting). Keys already present are never offered. Covers CR fields and enum
 *   values from the schema, Strimzi annotations and the `strimzi.io/cluster` label, Kafka config keys and values
 *   by role, KEDA trigger metadata keys and values, TriggerAuthentication parameter names, Spring Boot properties.
 *   Half-typed or broken input yields `[]`, not an error (tested at every position of odd documents); an
 *   exception means a bug in this code, and is left to the caller to log rather than hidden.
 * - `ruleDocsMarkdown(rule | meta) → string`: the full rule page for "Show rule documentation"
 *   (built on `ruleDocMarkdown` of `src/core/docs.ts`); `ruleSummaryMarkdown(meta, finding?)` is the hover block.
 *
 * Completion details: the word under the cursor is replaced by a placeholder and only the surrounding
 * document is parsed again (cost independent of the file's length), so half-typed keys, empty values,
 * new lines at any indentation, `- ` items, flow maps and quoted text all resolve to a path. Values come from
 * schema enums and booleans, the catalogues, supported Kafka and metadata versions of the target Strimzi, and
 * with `opts.index` from the workspace (Kafka cluster names for `strimzi.io/cluster`, bootstrap addresses
 * `<cluster>-kafka-bootstrap[.<ns>.svc]:<port>`, KafkaTopic names and consumer `group.id`s for KEDA triggers and
 * KafkaUser ACLs, ScaledObject scale targets, TriggerAuthentication names). KEDA trigger types complete and hover
 * (`kafka`, `apache-kafka`). A new document gets
 * `apiVersion`/`kind` values from the schema store. Inside quotes the bare text is inserted.
 *
 * Building blocks, exported for tests and other features: `locate` / `yamlCompletionContext` (the YAML path under
 * the cursor), `schemasAt` / `fieldsAt` / `typeLabel` (JSON schema navigation), `configMarkdown` / `kedaParamMarkdown`.
 */
export type { CompletionItem, CompletionKind, HoverResult, LanguageOptions } from './types';
export { hover, hoverForFindings, pathText } from './hover';
export { complete } from './completion';
export { ruleDocsMarkdown, ruleSummaryMarkdown } from './rule-docs';
export { documentAt, locate, yamlCompletionContext, type YamlCompletionContext, type YamlLocation } from './yaml-cursor';
export { describedSchema, enumValues, expandSchema, fieldsAt, fieldsOf, schemasAt, typeLabel, type SchemaField } from './schema-nav';
export { configMarkdown, kedaParamMarkdown, kafkaDocsUrl } from './kafka-docs';
