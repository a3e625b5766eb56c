import type { KedaScalerParameter } from '../../data/index';
import type { Fix, RelatedLocation } from '../../model';
import { compareVersions } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';
import {
  authOnly,
  badPartitionItem,
  closeNames,
  fromEnv,
  inMetadata,
  kafkaTriggers,
  orList,
  parseGoBool,
  parseGoInt,
  triggerAuth,
  triggerParameters,
  valueEdit,
  type KafkaTrigger,
  type KafkaTriggerType,
  type MetadataEntry,
} from './triggers';

/** KEDA release that first reads a parameter (KEDA changelog). */
const SINCE: Readonly<Record<string, string>> = {
  allowIdleConsumers: '2.3',
  scaleToZeroOnInvalidOffset: '2.7',
  limitToPartitionsWithLag: '2.13',
  ensureEvenDistributionOfPartitions: '2.18',
  fullMetadata: '2.21',
};

/** Parameters newer than the catalogue (KEDA 2.20), with their type. */
const NEWER: Readonly<Record<KafkaTriggerType, Readonly<Record<string, KedaScalerParameter>>>> = {
  kafka: { fullMetadata: { name: 'fullMetadata', sources: ['triggerMetadata'], type: 'bool', default: true } },
  'apache-kafka': {},
};

/** Old or foreign spellings users carry over, mapped to the parameter KEDA reads. */
const ALIASES: Readonly<Record<string, string>> = {
  brokerList: 'bootstrapServers',
  brokers: 'bootstrapServers',
  bootstrapServer: 'bootstrapServers',
  groupId: 'consumerGroup',
  'group.id': 'consumerGroup',
  topics: 'topic',
  threshold: 'lagThreshold',
};

const SARAMA_VERSION = /^(0\.\d+\.\d+\.\d+|[1-9]\d*\.\d+\.\d+)$/;

function knownKeys(type: KafkaTriggerType, keda: string): Map<string, KedaScalerParameter> {
  const out = new Map<string, KedaScalerParameter>();
  for (const p of triggerParameters(type).values()) {
    if (inMetadata(p)) out.set(p.name, p);
    if (fromEnv(p)) out.set(`${p.name}FromEnv`, { name: `${p.name}FromEnv`, sources: ['triggerMetadata'], type: 'env var name' });
  }
  for (const p of Object.values(NEWER[type])) if (compareVersions(keda, SINCE[p.name] ?? '0') >= 0) out.set(p.name, p);
  return out;
}

type Check = { ok: true } | { ok: false; message: string; fix?: string; suggestion?: string };

/** Validates one value against its parameter's type and KEDA's constraints. */
function checkValue(type: KafkaTriggerType, p: KedaScalerParameter, e: MetadataEntry): Check {
  const v = e.value;
  const t = p.type ?? '';
  if (t.startsWith('int64')) {
    const n = parseGoInt(v);
    if (n === undefined) {
      const whole = /^[+-]?\d+\.0*$/.test(v) ? v.replace(/\.0*$/, '') : undefined;
      return { ok: false, message: `${p.name} must be a whole number, not "${v}"; KEDA fails to parse it and the trigger errors.`, fix: whole };
    }
    if (p.name === 'lagThreshold' && n <= 0n) return { ok: false, message: `lagThreshold must be greater than 0 (got ${v}); it is the lag one replica should handle.` };
    if (p.name === 'activationLagThreshold' && n < 0n) return { ok: false, message: `activationLagThreshold must be 0 or more (got ${v}).`, fix: '0' };
    return { ok: true };
  }
  if (t === 'bool') {
    if (parseGoBool(v) !== undefined) return { ok: true };
    const lower = v.toLowerCase();
    const guess = ['yes', 'y', 'on', 'enable', 'enabled'].includes(lower) ? 'true' : ['no', 'n', 'off', 'disable', 'disabled'].includes(lower) ? 'false' : undefined;
    return {
      ok: false,
      message: `${p.name} must be "true" or "false", not "${v}" (KEDA parses it with Go's ParseBool, which also accepts 1/0 and t/f).`,
      suggestion: guess,
    };
  }
  if (t === 'enum' && p.allowedValues) {
    if (p.allowedValues.includes(v)) return { ok: true };
    const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
    const same = p.allowedValues.filter((a) => norm(a) === norm(v));
    const foreign = p.name === 'sasl' && type === 'apache-kafka' && v === 'oauthbearer' ? ' The apache-kafka trigger does not support OAUTHBEARER; use the kafka trigger for it.' : '';
    return {
      ok: false,
      message: `${p.name} "${v}" is not one of ${orList(p.allowedValues, '"')}.${foreign}`,
      fix: same.length === 1 ? same[0] : undefined,
    };
  }
  if (p.name === 'partitionLimitation') {
    const bad = badPartitionItem(v);
    if (bad !== undefined) return { ok: false, message: `partitionLimitation item "${bad}" is neither a partition id nor a range such as "10-20"; KEDA rejects the list.` };
    return { ok: true };
  }
  if (p.name === 'version' && type === 'kafka') {
    if (!SARAMA_VERSION.test(v)) return { ok: false, message: `version "${v}" is not a Kafka version the kafka trigger can parse (expected e.g. "3.6.0").` };
    return { ok: true };
  }
  return { ok: true };
}

export default defineRule({
  meta: {
    id: 'keda-kafka-invalid-metadata',
    group: 'keda',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'error',
    description: 'A KEDA Kafka trigger has a metadata value KEDA cannot use',
    why: 'Trigger metadata is a map of strings, so the Kubernetes API accepts any value; KEDA only parses it when the scaler starts. Values that are not whole numbers, booleans Go can parse or allowed enum values, flags that exclude each other, and flags that need `topic` make the scaler fail, and the ScaledObject stops scaling. Unknown keys and parameters newer than the running KEDA are silently ignored. When the referenced TriggerAuthentication is in the workspace, its parameters are checked too: `cert` and `key` go together, and each SASL mechanism needs its credentials.',
    howToFix: 'Use the value types and allowed values of the KEDA Apache Kafka scaler: quoted whole numbers for thresholds, "true"/"false" for flags, `latest`/`earliest` for `offsetResetPolicy`, `enable`/`disable` for `tls`. Do not combine `allowIdleConsumers` or `ensureEvenDistributionOfPartitions` with `limitToPartitionsWithLag`, and set `topic` when using `limitToPartitionsWithLag` or `ensureEvenDistributionOfPartitions`. Give the TriggerAuthentication every parameter the chosen `sasl`/`tls` setup needs.',
    fixable: true,
    docsUrl: docsUrl('keda-kafka-invalid-metadata'),
    crossFile: true,
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'https://keda.sh/docs/2.20/scalers/apache-kafka-go/', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go', 'kedacore/keda@v2.20.2:pkg/scalers/apache_kafka_scaler.go'],
  },
  resource(resource, ctx) {
    const keda = ctx.versions.keda.value;
    for (const trigger of kafkaTriggers(resource)) {
      const known = knownKeys(trigger.type, keda);
      const all = triggerParameters(trigger.type);
      const other = triggerParameters(trigger.type === 'kafka' ? 'apache-kafka' : 'kafka');
      const file = resource.file;

      // Keys and values, one by one.
      for (const e of trigger.entries) {
        const p = known.get(e.key);
        if (!p) {
          const own = all.get(e.key);
          if (own && authOnly(own)) continue; // keda-kafka-auth-config explains these
          const newer = NEWER[trigger.type][e.key];
          if (newer) {
            ctx.report({
              range: e.keyRange,
              severity: 'warning',
              message: `${e.key} is only read from KEDA ${SINCE[e.key]}; KEDA ${keda} ignores it. Remove it or target a newer KEDA.`,
            });
            continue;
          }
          const foreign = other.get(e.key);
          if (foreign && inMetadata(foreign)) {
            ctx.report({
              range: e.keyRange,
              severity: 'warning',
              message: `${e.key} is a parameter of the ${trigger.type === 'kafka' ? 'apache-kafka' : 'kafka'} trigger; the ${trigger.type} trigger ignores it.`,
              suggestions: removal(trigger, e.key),
            });
            continue;
          }
          const candidates = ALIASES[e.key] ? [ALIASES[e.key]] : closeNames(e.key, known.keys());
          const single = candidates.length === 1 && !trigger.entry(candidates[0]) ? candidates[0] : undefined;
          ctx.report({
            range: e.keyRange,
            severity: 'warning',
            message: `Unknown ${trigger.type} trigger parameter '${e.key}'; KEDA ignores it.${candidates.length ? ` Did you mean ${orList(candidates)}?` : ''}`,
            fix: single ? { title: `Rename to '${single}'`, edits: [{ range: e.keyRange, newText: single }] } : undefined,
          });
          continue;
        }
        if (!e.scalar || e.templated || e.value === '') continue;
        const since = SINCE[e.key];
        if (since && compareVersions(keda, since) < 0) {
          ctx.report({ range: e.keyRange, severity: 'warning', message: `${e.key} is only read from KEDA ${since}; KEDA ${keda} ignores it.` });
          continue;
        }
        const c = checkValue(trigger.type, p, e);
        if (c.ok) continue;
        const fixEdit = c.fix !== undefined ? valueEdit(resource, e, c.fix) : undefined;
        const sugEdit = c.suggestion !== undefined ? valueEdit(resource, e, c.suggestion) : undefined;
        ctx.report({
          range: e.valueRange,
          message: c.message,
          fix: fixEdit ? { title: `Set ${e.key} to "${c.fix}"`, edits: [fixEdit] } : undefined,
          suggestions: sugEdit ? [{ title: `Set ${e.key} to "${c.suggestion}"`, edits: [sugEdit] }] : undefined,
        });
      }

      // Combinations (KEDA's Validate()).
      const flag = (k: string) => (trigger.get(k)?.templated ? undefined : trigger.bool(k));
      const hasTopic = trigger.isSet('topic');
      const rel = (k: string, message: string): RelatedLocation[] => {
        const e = trigger.get(k);
        return e ? [{ file, range: e.keyRange, message }] : [];
      };
      const limit = trigger.get('limitToPartitionsWithLag');
      if (limit && flag('limitToPartitionsWithLag') === true) {
        if (flag('allowIdleConsumers') === true) {
          ctx.report({
            range: limit.valueRange,
            message: 'limitToPartitionsWithLag cannot be combined with allowIdleConsumers: "true"; KEDA rejects the trigger. Keep one of them.',
            related: rel('allowIdleConsumers', 'allowIdleConsumers is set here'),
            suggestions: [...removal(trigger, 'limitToPartitionsWithLag'), ...removal(trigger, 'allowIdleConsumers')],
          });
        }
        if (trigger.type === 'kafka' && flag('ensureEvenDistributionOfPartitions') === true) {
          ctx.report({
            range: limit.valueRange,
            message: 'limitToPartitionsWithLag cannot be combined with ensureEvenDistributionOfPartitions: "true"; KEDA rejects the trigger. Keep one of them.',
            related: rel('ensureEvenDistributionOfPartitions', 'ensureEvenDistributionOfPartitions is set here'),
            suggestions: [...removal(trigger, 'limitToPartitionsWithLag'), ...removal(trigger, 'ensureEvenDistributionOfPartitions')],
          });
        }
        if (!hasTopic) ctx.report({ range: limit.valueRange, message: 'limitToPartitionsWithLag needs a topic: KEDA rejects the trigger without one. Add topic (or topicFromEnv).' });
      }
      const even = trigger.get('ensureEvenDistributionOfPartitions');
      if (trigger.type === 'kafka' && even && flag('ensureEvenDistributionOfPartitions') === true && !hasTopic) {
        ctx.report({ range: even.valueRange, message: 'ensureEvenDistributionOfPartitions needs a topic (replica counts are divisors of its partition count); KEDA rejects the trigger without one. Add topic (or topicFromEnv).' });
      }
      const full = trigger.get('fullMetadata');
      if (trigger.type === 'kafka' && full && known.has('fullMetadata') && flag('fullMetadata') === false && !hasTopic) {
        ctx.report({ range: full.valueRange, message: 'fullMetadata: "false" needs a topic: KEDA then fetches metadata for that topic only and rejects the trigger without one. Add topic (or topicFromEnv).' });
      }
      const pl = trigger.get('partitionLimitation');
      if (pl && !hasTopic) {
        ctx.report({ range: pl.keyRange, severity: 'warning', message: 'partitionLimitation is ignored without a topic: KEDA then sums lag over all topics of the group. Add topic or remove partitionLimitation.', suggestions: removal(trigger, 'partitionLimitation') });
      }
      const topic = trigger.get('topic');
      if (trigger.type === 'kafka' && topic && !topic.templated && topic.value.includes(',')) {
        ctx.report({ range: topic.valueRange, message: `The kafka trigger takes one topic, but "${topic.value}" lists several; KEDA would look for a topic of that literal name. Use one trigger per topic (or the apache-kafka trigger).` });
      }
      const sasl = trigger.get('sasl');
      if (sasl && !sasl.templated) {
        const msk = (trigger.type === 'kafka' && sasl.value === 'oauthbearer' && trigger.value('saslTokenProvider') === 'aws_msk_iam') || (trigger.type === 'apache-kafka' && sasl.value === 'aws_msk_iam');
        if (msk) {
          const anchor = trigger.type === 'kafka' ? trigger.get('saslTokenProvider')! : sasl;
          if (!trigger.isSet('awsRegion')) ctx.report({ range: anchor.valueRange, message: 'AWS MSK IAM authentication needs awsRegion in the trigger metadata; KEDA rejects the trigger without it.' });
          const tls = trigger.get('tls');
          if (tls && !tls.templated && tls.value !== 'enable') {
            const edit = valueEdit(resource, tls, 'enable');
            ctx.report({ range: tls.valueRange, message: 'AWS MSK IAM authentication needs tls: "enable"; KEDA rejects the trigger otherwise.', fix: edit ? { title: 'Set tls to "enable"', edits: [edit] } : undefined });
          }
        }
        if (trigger.type === 'apache-kafka' && sasl.value === 'gssapi') {
          ctx.report({ range: sasl.valueRange, severity: 'warning', message: 'The apache-kafka trigger accepts sasl "gssapi" but cannot create a Kerberos client; use the kafka trigger for GSSAPI.' });
        }
      }
      checkAuth(trigger, ctx);
      const metricType = resource.get([...trigger.path, 'metricType']);
      if (metricType === 'Utilization') {
        const edit = resource.doc.setValueEdit([...trigger.path, 'metricType'], 'AverageValue');
        ctx.report({
          range: resource.valueRange([...trigger.path, 'metricType'])!,
          message: 'metricType Utilization is not supported by the Kafka scalers (lag is an external metric); KEDA rejects the trigger. Use AverageValue (the default) or Value.',
          fix: edit ? { title: 'Use AverageValue', edits: [edit] } : undefined,
        });
      }
      if (!trigger.isSet('bootstrapServers')) {
        const e = trigger.entry('bootstrapServers');
        ctx.report({
          range: e ? e.valueRange : trigger.anchor,
          message: `${trigger.label} (${trigger.type}) has no bootstrapServers${e ? ' (the value is empty)' : ''}; KEDA needs it to reach the cluster. Set bootstrapServers (or bootstrapServersFromEnv), e.g. "my-cluster-kafka-bootstrap.kafka.svc:9092".`,
        });
      } else {
        const bs = trigger.get('bootstrapServers');
        if (bs && !bs.templated) {
          const noPort = bs.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .find((s) => !/:\d+$/.test(s));
          if (noPort !== undefined) {
            ctx.report({ range: bs.valueRange, severity: 'warning', message: `Broker address "${noPort}" has no port; the Kafka client cannot connect without one. Write host:port, e.g. "${noPort}:9092".` });
          }
        }
      }
    }
  },
});

const andList = (items: readonly string[]) => orList(items).replace(/ or ([^ ]+)$/, ' and $1');

/** SASL mechanism → the TriggerAuthentication parameters it needs. */
const SASL_NEEDS: Readonly<Record<string, readonly string[]>> = {
  plaintext: ['username', 'password'],
  scram_sha256: ['username', 'password'],
  scram_sha512: ['username', 'password'],
  oauthbearer: ['username', 'password', 'oauthTokenEndpointUri'],
  gssapi: ['username', 'realm', 'kerberosConfig'],
};

/** Checks against the referenced TriggerAuthentication, when the workspace has it. */
function checkAuth(trigger: KafkaTrigger, ctx: RuleContext): void {
  const auth = triggerAuth(trigger, ctx.index);
  if (!auth) return;
  const resource = trigger.resource;
  const ta = auth.resource;
  const refRange = resource.valueRange([...trigger.path, 'authenticationRef', 'name']) ?? trigger.anchor;
  const has = (p: string) => auth.params.has(p);
  const at = (p: string, message: string): RelatedLocation => ({ file: ta.file, range: auth.params.get(p)!, message });
  const refRel: RelatedLocation = { file: ta.file, range: ta.keyRange(['metadata', 'name']) ?? ta.doc.headRange(), message: `${ta.displayName}` };
  if (has('cert') !== has('key')) {
    const [present, missing] = has('cert') ? ['cert', 'key'] : ['key', 'cert'];
    ctx.report({
      range: refRange,
      message: `${ta.displayName} provides ${present} but no ${missing}: the ${trigger.type} scaler needs the client certificate and its key together and rejects the trigger. Add a ${missing} parameter (for a Strimzi KafkaUser: user.${missing === 'cert' ? 'crt' : 'key'} of its secret).`,
      related: [at(present, `${present} is provided here`)],
    });
  }
  const sasl = trigger.get('sasl');
  if (sasl && !sasl.templated) {
    const provider = trigger.value('saslTokenProvider') ?? 'bearer';
    const needs = sasl.value === 'oauthbearer' && provider !== 'bearer' ? [] : (SASL_NEEDS[sasl.value] ?? []);
    const missing = needs.filter((p) => !has(p));
    if (missing.length > 0) {
      ctx.report({
        range: sasl.valueRange,
        message: `sasl "${sasl.value}" needs ${andList(needs)} from the TriggerAuthentication, but ${ta.displayName} has no ${andList(missing)} parameter${missing.length > 1 ? 's' : ''}; KEDA rejects the trigger.`,
        related: [refRel],
      });
    }
    if (sasl.value === 'gssapi' && has('password') === has('keytab')) {
      ctx.report({
        range: sasl.valueRange,
        message: `sasl "gssapi" needs exactly one of password or keytab in the TriggerAuthentication, but ${ta.displayName} has ${has('password') ? 'both' : 'neither'}.`,
        related: [refRel],
      });
    }
  }
  if (trigger.type === 'apache-kafka') {
    for (const k of ['sasl', 'tls']) {
      const e = trigger.get(k);
      if (e && has(k)) {
        ctx.report({
          range: e.keyRange,
          message: `${k} is set both here and in ${ta.displayName}; the apache-kafka trigger rejects that. Keep one of them.`,
          related: [at(k, `${k} is also provided here`)],
          suggestions: removal(trigger, k),
        });
      }
    }
  }
}

function removal(trigger: KafkaTrigger, key: string): Fix[] {
  const edit = trigger.removeEdit(key);
  return edit ? [{ title: `Remove ${key}`, edits: [edit] }] : [];
}
