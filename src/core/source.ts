import { ConfigSet, configSetsFromProperties, springPropertiesSets, springYamlSets, strimziConfigSets } from './kafka-config';
import { parseProperties, type PropertiesFile } from './parse/properties';
import { YamlFile } from './parse/yaml';
import { asResource, type Resource } from './resource';
import { LineIndex } from './text';

/**
 * What a file is to us:
 * - `kubernetes`: YAML with at least one document that has `apiVersion` and `kind`;
 * - `spring`: Spring Boot configuration with `spring.kafka.*` keys (YAML or properties);
 * - `kafka-properties`: a Java `.properties` file of Kafka client settings;
 * - `yaml` / `properties`: parsed, but nothing we lint beyond syntax;
 * - `other`: not a format we read.
 */
export type FileKind = 'kubernetes' | 'spring' | 'kafka-properties' | 'yaml' | 'properties' | 'other';

const KAFKA_HINT_KEYS = /^(bootstrap\.servers|group\.id|acks|enable\.idempotence|enable\.auto\.commit|auto\.offset\.reset|key\.(de)?serializer|value\.(de)?serializer|security\.protocol|sasl\.(mechanism|jaas\.config)|linger\.ms|batch\.size|max\.poll\.(records|interval\.ms)|session\.timeout\.ms|transactional\.id|delivery\.timeout\.ms|client\.id|group\.protocol|isolation\.level|retries|max\.in\.flight\.requests\.per\.connection)$/;

export function fileExtension(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot === -1 ? '' : base.slice(dot + 1).toLowerCase();
}

export function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

export function isSpringFileName(path: string): boolean {
  return /^(application|bootstrap)([-.][^/\\]*)?\.(ya?ml|properties)$/i.test(baseName(path));
}

/** Whether a path is one the linter reads (by extension). */
export function isLintablePath(path: string): boolean {
  const ext = fileExtension(path);
  return ext === 'yaml' || ext === 'yml' || ext === 'properties';
}

/** A file, parsed once, with the Kubernetes resources and Kafka config sets found in it. */
export class SourceFile {
  readonly lines: LineIndex;
  readonly kind: FileKind;
  readonly yaml?: YamlFile;
  readonly properties?: PropertiesFile;
  readonly resources: readonly Resource[];
  readonly configSets: readonly ConfigSet[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const ext = fileExtension(path);
    const resources: Resource[] = [];
    const sets: ConfigSet[] = [];
    let kind: FileKind = 'other';
    if (ext === 'yaml' || ext === 'yml') {
      const yaml = new YamlFile(text);
      this.yaml = yaml;
      this.lines = yaml.lines;
      let spring = false;
      for (const doc of yaml.documents) {
        const r = asResource(doc, path);
        if (r) {
          resources.push(r);
          sets.push(...strimziConfigSets(r));
          continue;
        }
        const v = doc.value as Record<string, unknown> | null;
        if (v && typeof v === 'object' && (('spring' in v && v.spring && typeof v.spring === 'object' && 'kafka' in (v.spring as object)) || Object.keys(v).some((k) => k.startsWith('spring.kafka')))) {
          const s = springYamlSets(path, doc);
          if (s.length > 0) spring = true;
          sets.push(...s);
        }
      }
      kind = resources.length > 0 ? 'kubernetes' : spring ? 'spring' : 'yaml';
    } else if (ext === 'properties') {
      const props = parseProperties(text);
      this.properties = props;
      this.lines = props.lines;
      const springish = isSpringFileName(path) || props.entries.some((e) => e.key.toLowerCase().startsWith('spring.kafka.'));
      if (springish) {
        const s = springPropertiesSets(path, props);
        sets.push(...s);
        kind = s.length > 0 ? 'spring' : 'properties';
      } else if (/kafka|producer|consumer/i.test(baseName(path)) || props.entries.some((e) => KAFKA_HINT_KEYS.test(e.key))) {
        sets.push(...configSetsFromProperties(path, props));
        kind = 'kafka-properties';
      } else {
        kind = 'properties';
      }
    } else {
      this.lines = new LineIndex(text);
    }
    this.kind = kind;
    this.resources = resources;
    this.configSets = sets;
  }
}

/** Parses and classifies a file. */
export function analyzeFile(path: string, text: string): SourceFile {
  return new SourceFile(path, text);
}
