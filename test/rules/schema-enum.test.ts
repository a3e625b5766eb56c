import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-enum')!;

const listener = (type: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: ${type}\n        tls: false\n`;

ruleTester(rule, {
  valid: [
    { code: listener('internal') },
    { code: listener('cluster-ip') },
    { name: 'KafkaUser ACL operations', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: u\nspec:\n  authorization:\n    type: simple\n    acls:\n      - resource: {type: topic, name: orders}\n        operations: [Read, Describe]\n' },
  ],
  invalid: [
    {
      name: 'wrong case: one close match, fix',
      code: listener('Internal'),
      errors: [{ line: 10, column: 15, endColumn: 23, message: `"Internal" is not a valid value for 'type': did you mean 'internal'?` }],
      output: listener('internal'),
    },
    {
      name: 'typo',
      code: listener('nodeports'),
      errors: [{ line: 10, column: 15, message: /did you mean 'nodeport'\?/ }],
      output: listener('nodeport'),
    },
    {
      name: 'nothing close: lists the allowed values',
      code: listener('public'),
      errors: [{ line: 10, column: 15, message: /^"public" is not a valid value for 'type'\. Allowed: internal, route, tlsroute, loadbalancer, nodeport, ingress, cluster-ip\.$/ }],
      output: null,
    },
    {
      name: 'in a flow sequence',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker, controler]\n  storage: {type: ephemeral}\n',
      errors: [{ line: 7, column: 19, message: /did you mean 'controller'\?/ }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker, controller]\n  storage: {type: ephemeral}\n',
    },
    {
      name: 'abbreviation of a long value',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: so\nspec:\n  scaleTargetRef:\n    name: d\n  triggers:\n    - type: kafka\n      metadata: {topic: t}\n      authenticationRef:\n        name: a\n        kind: TriggerAuth\n',
      errors: [{ line: 13, column: 15, message: `"TriggerAuth" is not a valid value for 'kind': did you mean 'TriggerAuthentication'?` }],
      output: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: so\nspec:\n  scaleTargetRef:\n    name: d\n  triggers:\n    - type: kafka\n      metadata: {topic: t}\n      authenticationRef:\n        name: a\n        kind: TriggerAuthentication\n',
    },
  ],
});
