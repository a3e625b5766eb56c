import type { Rule } from '../types';
import strimziAuthorizationWithoutAuthentication from './strimzi-authorization-without-authentication';
import strimziAutoCreateTopicsEnabled from './strimzi-auto-create-topics-enabled';
import strimziDeprecatedApi from './strimzi-deprecated-api';
import strimziForbiddenKafkaConfig from './strimzi-forbidden-kafka-config';
import strimziKafkaVersionUnsupported from './strimzi-kafka-version-unsupported';
import strimziKraftAnnotations from './strimzi-kraft-annotations';
import strimziListenerInvalid from './strimzi-listener-invalid';
import strimziListenerNoAuthentication from './strimzi-listener-no-authentication';
import strimziNodepoolRolesMissing from './strimzi-nodepool-roles-missing';
import strimziReplicationDefaults from './strimzi-replication-defaults';
import strimziStorageDataLossRisk from './strimzi-storage-data-loss-risk';
import strimziVersionConfig from './strimzi-version-config';
import strimziZookeeperRemoved from './strimzi-zookeeper-removed';

/** The strimzi rules, one file each; keep this list sorted by id. */
export const STRIMZI_RULES: readonly Rule[] = [
  strimziAuthorizationWithoutAuthentication,
  strimziAutoCreateTopicsEnabled,
  strimziDeprecatedApi,
  strimziForbiddenKafkaConfig,
  strimziKafkaVersionUnsupported,
  strimziKraftAnnotations,
  strimziListenerInvalid,
  strimziListenerNoAuthentication,
  strimziNodepoolRolesMissing,
  strimziReplicationDefaults,
  strimziStorageDataLossRisk,
  strimziVersionConfig,
  strimziZookeeperRemoved,
];
