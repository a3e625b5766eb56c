/** The bootstrap references of a resource or config set, for the two bootstrap-* rules. */
import type { ConfigSet } from '../../kafka-config';
import type { Resource } from '../../resource';
import type { RuleTarget } from '../types';
import type { WorkspaceIndex } from '../../workspace';
import { configBootstrapRefs, resourceBootstrapRefs, type BootstrapRef } from './util';

export const BOOTSTRAP_TARGETS: readonly RuleTarget[] = ['keda-scaledobject', 'keda-scaledjob', 'k8s-workload', 'strimzi-connect', 'strimzi-mirrormaker2', 'config-client'];

export function refsOf(subject: Resource | ConfigSet, index: WorkspaceIndex): BootstrapRef[] {
  return 'kind' in subject && 'apiVersion' in subject ? resourceBootstrapRefs(subject as Resource, index) : configBootstrapRefs(subject as ConfigSet);
}
