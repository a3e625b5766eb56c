import { defineRule, docsUrl, type Rule, type RuleTarget } from '../rules/types';

/** Every resource kind we have a schema for (Strimzi and KEDA custom resources). */
const TARGETS: readonly RuleTarget[] = ['strimzi-any', 'keda-any'];

const SOURCES = [
  'strimzi/strimzi-kafka-operator@1.2.0:install/cluster-operator/04x-Crd-*.yaml',
  'strimzi/strimzi-kafka-operator@0.51.0:install/cluster-operator/04x-Crd-*.yaml',
  'kedacore/keda@v2.20.2:config/crd/bases/keda.sh_*.yaml',
];

const schemaRule = (id: string, description: string, why: string, howToFix: string, fixable: boolean): Rule =>
  defineRule({
    meta: { id, group: 'schema', targets: TARGETS, defaultSeverity: 'error', description, why, howToFix, fixable, docsUrl: docsUrl(id), sources: SOURCES },
  });

/**
 * Metadata of the `schema-*` rules. The schema validator (`./validate.ts`) reports them during the engine's
 * schema pass; they have no check function of their own. Schemas are chosen by apiVersion and the target
 * operator version: `kafka.strimzi.io/v1` → Strimzi 1.2.0 (0.51.0 for targets below 1.0), `v1beta2`,
 * `v1beta1`, `v1alpha1` → Strimzi 0.51.0, `keda.sh/v1alpha1` → KEDA 2.20.
 */
export const SCHEMA_RULES: readonly Rule[] = [
  schemaRule(
    'schema-unknown-field',
    'A field that the resource schema does not define (typo, wrong indentation or removed field)',
    'The API server rejects unknown fields under strict field validation (kubectl\'s default) or silently drops them, so the setting never takes effect. A misspelt `replica` instead of `replicas` leaves the default in place without any error from the operator.',
    'Rename the field to the one suggested, fix its indentation so it sits under the right parent, or delete it. The quick fix renames the key when exactly one known field is close.',
    true,
  ),
  schemaRule(
    'schema-required-field',
    'A field the resource schema requires is missing or empty',
    'The API server refuses to create a resource without its required fields, so `kubectl apply` fails and nothing is deployed.',
    'Add the field named in the message under the key shown (see the field\'s hover for what it takes).',
    false,
  ),
  schemaRule(
    'schema-type',
    'A value has the wrong type (for example a number where the schema wants a string)',
    'The API server rejects values of the wrong type. YAML makes this easy to get wrong: `version: 4.0` is the number 4, not the string "4.0", and `"3"` in quotes is a string, not an integer.',
    'Write the value with the type the message names: quote numbers and booleans that must be strings, and drop the quotes around numbers that must be integers. The quick fix does this when it is the obvious repair.',
    true,
  ),
  schemaRule(
    'schema-enum',
    'A value that is not one of the values the schema allows',
    'The API server rejects values outside the allowed set, so the resource is never applied; a value in the wrong case (for example `Internal` instead of `internal`) counts as wrong.',
    'Use one of the values listed in the message. The quick fix applies the suggestion when exactly one allowed value is close.',
    true,
  ),
  schemaRule(
    'schema-invalid',
    'A value breaks another schema constraint (minimum, maximum, pattern, format, list length, mutually exclusive fields)',
    'The API server enforces these constraints and rejects the resource; for example a negative replica count, a memory size that is not a Kubernetes quantity, or both `value` and `valueFrom` set.',
    'Change the value so it meets the constraint in the message.',
    false,
  ),
  schemaRule(
    'schema-unknown-kind',
    'A kind that the Strimzi or KEDA API group does not have',
    'The API server answers "no matches for kind" and applies nothing; usually the kind is misspelt or in the wrong case.',
    'Use one of the kinds the message lists. The quick fix applies the suggestion when exactly one known kind is close.',
    true,
  ),
  schemaRule(
    'schema-unknown-api-version',
    'An apiVersion that the operator version you target does not serve for this kind',
    'Each operator release serves a fixed set of API versions per kind; a resource with another apiVersion is rejected ("no matches for kind ... in version ..."). Strimzi serves `kafka.strimzi.io/v1` from 0.49.0 and only `v1` from 1.0.0; KEDA serves `keda.sh/v1alpha1`.',
    'Use an apiVersion that the message lists as served, or set the Strimzi/KEDA version you actually run (`--strimzi-version`, `.kafka-k8s.yaml`).',
    true,
  ),
];
