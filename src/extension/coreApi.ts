/**
 * Everything the extension uses from the engine, the language services and the schema store, behind one
 * module that `core.ts` loads on first use: activation stays cheap, parsing libraries, rule catalogues and
 * JSON schemas are evaluated when the first file is linted. Import only types from `src/core` elsewhere.
 */
export { lintFile } from '../core/engine';
export { RULES, ruleById } from '../core/rules/index';
export { WorkspaceIndex } from '../core/workspace';
export { complete, hover, hoverForFindings, ruleDocsMarkdown } from '../core/language/index';
export { CONFIG_FILE_NAMES, parseConfigText } from '../core/config';
export { disableFileComment, disableNextLineComment } from '../core/suppress';
export { KEDA_GROUP, STRIMZI_GROUP } from '../core/resource';
export { defaultSchemaStore, schemasDir } from '../services/schemas';
export { default as picomatch } from 'picomatch';
