import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-required-field')!;

ruleTester(rule, {
  valid: [
    { name: 'a kind that is not ours, without an apiVersion, is not ours to judge', code: 'kind: Deployment\nmetadata:\n  name: d\n' },
    {
      name: 'a Kustomize patch holds only the fields it changes',
      path: 'overlays/prod/patches/broker-replicas.yaml',
      files: {
        'overlays/prod/patches/broker-replicas.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  replicas: 5\n',
        'overlays/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n  - path: ./patches/broker-replicas.yaml\n',
      },
    },
    {
      name: 'patchesStrategicMerge, path with ..',
      path: 'overlays/patches/pool.yaml',
      files: {
        'overlays/patches/pool.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  replicas: 5\n',
        'overlays/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatchesStrategicMerge:\n  - ../patches/pool.yaml\n',
      },
    },
    {
      name: 'a misspelt required field is reported once, as an unknown field (schema-unknown-field)',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  replicas: 3\n  role: [broker]\n  storage:\n    type: ephemeral\n',
    },
    { name: 'generateName instead of name', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaRebalance\nmetadata:\n  generateName: rebalance-\n  labels:\n    strimzi.io/cluster: c\nspec: {}\n' },
    { code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\n  labels:\n    strimzi.io/cluster: c\nspec:\n  replicas: 3\n  roles: [broker]\n  storage:\n    type: ephemeral\n' },
    { name: 'env var with value', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnector\nmetadata:\n  name: x\nspec:\n  class: org.example.Source\n' },
    {
      name: 'Helm template inside the map: fields may come from the template',
      path: 'templates/pool.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  {{- toYaml .Values.pool | nindent 2 }}\n',
    },
  ],
  invalid: [
    {
      name: 'a Strimzi kind without an apiVersion: fix inserts the one the target Strimzi serves',
      code: 'kind: KafkaTopic\nmetadata:\n  name: t\n',
      errors: [{ line: 1, column: 1, message: 'kind: KafkaTopic without an apiVersion: Kubernetes rejects the document ("apiVersion not set"), and nothing in it is checked. Add apiVersion: kafka.strimzi.io/v1.' }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n',
    },
    {
      name: 'a Strimzi kind without an apiVersion, for a Strimzi before kafka.strimzi.io/v1',
      code: 'kind: KafkaTopic\nmetadata:\n  name: t\n',
      options: { versions: { strimzi: { value: '0.45.0', source: 'config' } } },
      errors: [{ line: 1, column: 1, message: /Add apiVersion: kafka\.strimzi\.io\/v1beta2\.$/ }],
      output: 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t\n',
    },
    {
      name: 'a KEDA kind without an apiVersion, below other keys',
      code: 'metadata:\n  name: s\nkind: ScaledObject\n',
      errors: [{ line: 3, column: 1, message: /Add apiVersion: keda\.sh\/v1alpha1\.$/ }],
      output: 'metadata:\n  name: s\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\n',
    },
    {
      name: 'an apiVersion of ours without a kind',
      code: 'apiVersion: kafka.strimzi.io/v1beta2\nmetadata:\n  name: t\n',
      errors: [{ line: 1, column: 1, message: /^apiVersion: kafka\.strimzi\.io\/v1beta2 without a kind: Kubernetes rejects the document \("kind not set"\)/ }],
      output: null,
    },
    {
      name: 'a file the Kustomization uses as a resource, not a patch, must be complete',
      path: 'base/pool.yaml',
      files: {
        'base/pool.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  replicas: 5\n',
        'base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - pool.yaml\npatches:\n  - path: other.yaml\n',
      },
      errors: [{ line: 5, column: 1, message: /missing the required fields/ }],
    },
    {
      name: 'missing fields of a node pool, reported once at the parent key',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: broker\nspec:\n  replicas: 3\n',
      errors: [{ line: 5, column: 1, endColumn: 5, message: "'spec' is missing the required fields 'storage' and 'roles'." }],
    },
    {
      name: 'missing spec: at the kind',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\n',
      errors: [{ line: 2, column: 1, message: "Kafka is missing the required field 'spec'." }],
    },
    {
      name: 'list item: at the first line of the item',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        type: internal\n        tls: false\n',
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 20, message: "'spec.kafka.listeners[0]' is missing the required field 'port'." }],
    },
    {
      name: 'required but empty',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n',
      errors: [{ line: 6, column: 3, message: "'spec.kafka' is required but empty; it must be an object (a map of keys)." }],
    },
    {
      name: 'KEDA trigger without type',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: c\nspec:\n  scaleTargetRef:\n    name: consumer\n  triggers:\n    - metadata:\n        topic: orders\n',
      errors: [{ line: 9, column: 7, message: /missing the required field 'type'/ }],
    },
    {
      name: 'one of several alternatives required',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: c\nspec:\n  replicas: 1\n  bootstrapServers: b:9092\n  groupId: g\n  configStorageTopic: c\n  offsetStorageTopic: o\n  statusStorageTopic: s\n  template:\n    connectContainer:\n      env:\n        - name: X\n',
      errors: [{ line: 15, column: 11, message: "'spec.template.connectContainer.env[0]' must set one of 'value' or 'valueFrom'." }],
    },
    {
      name: 'metadata without a name',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 1\n',
      errors: [{ line: 3, column: 1, message: "'metadata' must set one of 'name' or 'generateName'." }],
    },
  ],
});
