import type { Fix } from '../../model';
import { defineRule, docsUrl } from '../types';
import { authOnly, kafkaTriggers, triggerParameters, type KafkaTrigger } from './triggers';

/** Auth parameters of other KEDA scalers that users also put into Kafka trigger metadata. */
const EXTRA_AUTH = new Set(['awsRoleArn', 'awsAccessKeyID', 'awsSecretAccessKey', 'awsSessionToken', 'tlsCert', 'tlsKey', 'clientCert', 'clientKey', 'caCert', 'truststore', 'keystore']);

function removal(t: KafkaTrigger, key: string): Fix[] | undefined {
  const edit = t.removeEdit(key);
  return edit ? [{ title: `Remove ${key} from the trigger metadata`, edits: [edit] }] : undefined;
}

export default defineRule({
  meta: {
    id: 'keda-kafka-auth-config',
    group: 'keda',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'warning',
    description: 'Kafka trigger credentials or TLS settings are misplaced or unsafe',
    why: 'The Kafka scalers read credentials and certificates (`username`, `password`, `ca`, `cert`, `key`, `keyPassword`, `keytab`, `oauthTokenEndpointUri`, `scopes`, …) only from a TriggerAuthentication, so values in trigger `metadata` are silently ignored and the connection fails; a secret written there is also exposed in the manifest. A SASL mechanism without an `authenticationRef` has no credentials. `unsafeSsl: "true"` turns off verification of the broker certificate.',
    howToFix: 'Move credentials into a Secret referenced by a TriggerAuthentication (`secretTargetRef`, e.g. the Strimzi KafkaUser secret and `<cluster>-cluster-ca-cert`) and point the trigger at it with `authenticationRef`. Give the scaler the cluster CA (`ca`) instead of `unsafeSsl`.',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-auth-config'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/#authentication-parameters', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go'],
  },
  resource(resource, ctx) {
    for (const t of kafkaTriggers(resource)) {
      const params = triggerParameters(t.type);
      for (const e of t.entries) {
        const p = params.get(e.key);
        if ((p && authOnly(p)) || EXTRA_AUTH.has(e.key)) {
          const secretish = /password|key$|secret|token|keytab/i.test(e.key) && e.scalar && e.value !== '';
          ctx.report({
            range: e.keyRange,
            message: `${e.key} in trigger metadata is ignored: the ${t.type} scaler reads it only from a TriggerAuthentication (authenticationRef).${secretish ? ' Keep secrets out of the manifest: reference a Secret from the TriggerAuthentication.' : ''}`,
            suggestions: removal(t, e.key),
          });
        }
      }
      const sasl = t.get('sasl');
      if (sasl && !sasl.templated && sasl.value !== 'none' && !t.hasAuthenticationRef) {
        ctx.report({
          range: sasl.valueRange,
          message: `sasl "${sasl.value}" needs credentials, but ${t.label} has no authenticationRef: KEDA cannot authenticate. Add a TriggerAuthentication with the username and password (e.g. from the KafkaUser secret) and reference it.`,
        });
      }
      const unsafe = t.get('unsafeSsl');
      if (unsafe && !unsafe.templated && t.bool('unsafeSsl') === true) {
        ctx.report({
          range: unsafe.valueRange,
          message: 'unsafeSsl: "true" skips verification of the broker certificate, so the scaler would talk to any server presenting one. Give the scaler the cluster CA instead (ca in a TriggerAuthentication, e.g. from <cluster>-cluster-ca-cert).',
          suggestions: removal(t, 'unsafeSsl'),
        });
      }
    }
  },
});
