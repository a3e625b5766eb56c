import { goConfigs, javaConfigs, jsConfigs, kafkaCodeLanguage } from './parse/code';
import { ConfigSet, configSetsFromCode, configSetsFromProperties, javaConstantKey, hasSpringKafka, springPropertiesSets, springYamlSets, strimziConfigSets } from './kafka-config';
import { parseProperties, type PropertiesFile } from './parse/properties';
import { YamlFile } from './parse/yaml';
import { asResource, type Resource } from './resource';
import { LineIndex } from './text';

/**
 * What a file is to us:
 * - `kubernetes`: YAML with at least one document that has `apiVersion` and `kind`;
 * - `spring`: Spring Boot configuration with `spring.kafka.*` keys (YAML or properties);
 * - `kafka-properties`: a Java `.properties` file of Kafka client settings;
 * - `client-code`: Java (kafka-clients) or Go (IBM/sarama) source that sets Kafka client configs;
 * - `yaml` / `properties`: parsed, but nothing we lint beyond syntax;
 * - `other`: not a format we read.
 */
export type FileKind = 'kubernetes' | 'spring' | 'kafka-properties' | 'client-code' | 'yaml' | 'properties' | 'other';

/** Keys that mark a `.properties` file as a Kafka client config on their own. */
const KAFKA_STRONG_KEYS = /^(bootstrap\.servers|acks|enable\.idempotence|enable\.auto\.commit|auto\.offset\.reset|key\.(de)?serializer|value\.(de)?serializer|sasl\.jaas\.config|linger\.ms|max\.poll\.(records|interval\.ms)|transactional\.id|delivery\.timeout\.ms|group\.protocol|isolation\.level|max\.in\.flight\.requests\.per\.connection|heartbeat\.interval\.ms)$/;
/** Keys common in Kafka configs but also elsewhere: two of them are needed. */
const KAFKA_WEAK_KEYS = /^(group\.id|client\.id|retries|batch\.size|security\.protocol|sasl\.mechanism|session\.timeout\.ms|compression\.type|request\.timeout\.ms|ssl\.truststore\.location|ssl\.keystore\.location|ssl\.endpoint\.identification\.algorithm|fetch\.min\.bytes|buffer\.memory)$/;
/** `.properties` files that are never Kafka client configs, whatever their keys (logging, build tools, i18n). */
const NOT_KAFKA_PROPERTIES = /(^|[-_.])(log4j2?|logback|logging|gradle-wrapper|maven-wrapper)([-_.]|$)|^(gradle|local|project|build|version|sonar-project|messages)(_[a-z]{2}(_[A-Z]{2})?)?\.properties$/i;

/** Whether a non-Spring `.properties` file is a Kafka client configuration, from its name and keys. */
export function isKafkaPropertiesFile(path: string, keys: readonly string[]): boolean {
  const base = baseName(path);
  if (NOT_KAFKA_PROPERTIES.test(base)) return false;
  let weak = 0;
  for (const k of keys) {
    if (KAFKA_STRONG_KEYS.test(k)) return true;
    if (KAFKA_WEAK_KEYS.test(k) && ++weak >= 2) return true;
  }
  return /kafka|producer|consumer/i.test(base) && weak >= 1;
}

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

/** Whether a path is one the linter reads (by extension); Java and Go files count only when they use a Kafka client. */
export function isLintablePath(path: string): boolean {
  const ext = fileExtension(path);
  return ext === 'yaml' || ext === 'yml' || ext === 'properties' || isCodePath(path);
}

/** Source files that may hold Kafka client settings (read only when they import a client library). */
export function isCodePath(path: string): boolean {
  const ext = fileExtension(path);
  return ext === 'java' || ext === 'go' || ext === 'js' || ext === 'mjs' || ext === 'cjs' || ext === 'ts' || ext === 'mts' || ext === 'cts';
}

/** A file, parsed once, with the Kubernetes resources and Kafka config sets found in it. */
export class SourceFile {
  readonly lines: LineIndex;
  readonly kind: FileKind;
  readonly yaml?: YamlFile;
  readonly properties?: PropertiesFile;
  readonly resources: readonly Resource[];
  readonly configSets: readonly ConfigSet[];
  /** The text holds NUL bytes: not text (binary, encrypted, UTF-16 without a byte-order mark), so not parsed. */
  readonly binary: boolean;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.binary = text.includes('\0');
    if (this.binary) {
      this.lines = new LineIndex(text);
      this.kind = 'other';
      this.resources = [];
      this.configSets = [];
      return;
    }
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
        if (hasSpringKafka(doc.value)) {
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
      const springish = isSpringFileName(path) || props.entries.some((e) => /^spring\.kafka[.[]/i.test(e.key));
      if (springish) {
        const s = springPropertiesSets(path, props);
        sets.push(...s);
        kind = s.length > 0 ? 'spring' : 'properties';
      } else if (isKafkaPropertiesFile(path, props.entries.map((e) => e.key))) {
        sets.push(...configSetsFromProperties(path, props));
        kind = 'kafka-properties';
      } else {
        kind = 'properties';
      }
    } else {
      this.lines = new LineIndex(text);
      const lang = isCodePath(path) ? kafkaCodeLanguage(path, text) : undefined;
      if (lang) {
        const configs = lang === 'java' ? javaConfigs(text, javaConstantKey) : lang === 'go' ? goConfigs(text) : jsConfigs(text);
        sets.push(...configSetsFromCode(path, this.lines, configs));
        kind = 'client-code';
      }
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
