import * as vscode from 'vscode';
import type { Resource } from '../core/resource';
import { core } from './core';
import type { SourceFile } from '../core/source';
import type { Ctx } from './ctx';
import type { Diagnostics } from './diagnostics';
import { schemaStore } from './schemaStore';

/** Red Hat's YAML extension, which most of our users have. */
export const RED_HAT_YAML = 'redhat.vscode-yaml';
/** URI scheme of the schemas we hand to Red Hat YAML (its contributor API routes content requests by scheme). */
export const CONTRIBUTOR_SCHEME = 'kafka-k8s-schema';

/** The part of Red Hat YAML's exported API we use (`registerContributor`, stable since its 0.x releases). */
interface RedHatYamlApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | Promise<string>,
    label?: string,
  ): boolean;
}

const OUR_GROUPS = new Set(['kafka.strimzi.io', 'core.strimzi.io', 'keda.sh']);

/** Whether every Kubernetes resource of a file is a Strimzi or KEDA one (and there is at least one). */
export function isStrimziOrKedaOnly(file: SourceFile): boolean {
  return file.resources.length > 0 && file.resources.every((r: Resource) => OUR_GROUPS.has(r.group));
}

/**
 * Coexistence with Red Hat YAML, so a user never sees the same error twice (README, "Editor"):
 *
 * - `kafkaK8s.schemaValidation: auto` (default): we report schema errors of Strimzi/KEDA resources (version-pinned
 *   schemas, quick fixes, suppression comments). When Red Hat YAML is installed we register as its schema
 *   contributor and give files that hold only Strimzi/KEDA resources an empty schema, so it does not validate them a
 *   second time (e.g. through its Kubernetes schema and CRD catalogue) nor offer competing schema hovers and
 *   completions. While its `yaml.validate` is on, it reports YAML syntax errors, so we leave those to it.
 * - `off`: we report no schema errors; Red Hat YAML validates those files with our version-pinned schemas instead.
 * - `on`: we report schema errors and leave Red Hat YAML alone (it may then validate too, if configured to).
 */
export function registerYamlCoexistence(ctx: Ctx, diagnostics: Diagnostics): vscode.Disposable {
  let registered = false;
  let registering = false;

  const fileFor = (resource: string): SourceFile | undefined => {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(resource, true);
    } catch {
      return undefined;
    }
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) return diagnostics.index.update(diagnostics.pathOf(doc), doc.getText());
    return uri.scheme === 'file' ? diagnostics.index.get(uri.fsPath) : undefined;
  };

  const requestSchema = (resource: string): string | undefined => {
    try {
      const mode = ctx.settings.schemaValidation;
      if (mode === 'on' || !ctx.settings.enable) return undefined;
      const file = fileFor(resource);
      if (!file || !isStrimziOrKedaOnly(file)) return undefined;
      if (mode === 'auto') return `${CONTRIBUTOR_SCHEME}://validated-by-kafka-k8s/empty.json`;
      const versions = diagnostics.versionsFor(vscode.Uri.parse(resource));
      const kinds = [...new Set(file.resources.map((r) => `${r.apiVersion}|${r.kind}`))].sort();
      const q = new URLSearchParams({ kinds: kinds.join(','), ...(versions.strimzi ? { strimzi: versions.strimzi.value } : {}), ...(versions.keda ? { keda: versions.keda.value } : {}) });
      return `${CONTRIBUTOR_SCHEME}://crd/resources.json?${q.toString()}`;
    } catch (e) {
      ctx.log.error('schema request from Red Hat YAML failed', e);
      return undefined;
    }
  };

  const requestSchemaContent = (uri: string): string => {
    try {
      return JSON.stringify(schemaContent(ctx, uri));
    } catch (e) {
      ctx.log.error(`schema content for ${uri} failed`, e);
      return '{}';
    }
  };

  const register = async () => {
    if (registered || registering || ctx.settings.schemaValidation === 'on') return;
    const ext = vscode.extensions.getExtension<RedHatYamlApi>(RED_HAT_YAML);
    if (!ext) return;
    registering = true;
    try {
      const api = ext.isActive ? ext.exports : await ext.activate();
      if (typeof api?.registerContributor !== 'function') {
        ctx.log.warn(`${RED_HAT_YAML} ${ext.packageJSON?.version ?? ''} has no registerContributor API; schema errors may show twice`);
        return;
      }
      registered = api.registerContributor(CONTRIBUTOR_SCHEME, requestSchema, requestSchemaContent, 'Kafka on Kubernetes');
      ctx.log.info(`${RED_HAT_YAML}: schema contributor ${registered ? 'registered' : 'already registered'} (schemaValidation: ${ctx.settings.schemaValidation})`);
      diagnostics.relintOpen();
    } catch (e) {
      ctx.log.error(`could not talk to ${RED_HAT_YAML}`, e);
    } finally {
      registering = false;
    }
  };

  // YAML syntax errors: Red Hat YAML reports them while its validation is on; show them once.
  diagnostics.leftToOthers = (doc) => {
    // Red Hat YAML validates documents of language `yaml` only (not `helm` templates, for instance).
    if (ctx.settings.schemaValidation === 'on' || doc.languageId !== 'yaml') return [];
    if (!vscode.extensions.getExtension(RED_HAT_YAML)) return [];
    return vscode.workspace.getConfiguration('yaml', doc).get<boolean>('validate', true) ? ['syntax-error'] : [];
  };

  void register();
  return vscode.Disposable.from(
    vscode.extensions.onDidChange(() => {
      void register();
      diagnostics.relintOpen();
    }),
    ctx.onDidChangeSettings(() => void register()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yaml.validate')) diagnostics.relintOpen();
    }),
  );
}

/** The JSON schema behind one of our contributor URIs. */
export function schemaContent(ctx: Ctx, uri: string): object {
  const u = vscode.Uri.parse(uri);
  if (u.authority !== 'crd') {
    return {
      title: 'Strimzi / KEDA resource',
      description: 'Validated by the Kafka on Kubernetes extension (kafkaK8s.schemaValidation: auto).',
    };
  }
  const q = new URLSearchParams(u.query);
  const store = schemaStore(ctx);
  const branches: object[] = [];
  for (const pair of (q.get('kinds') ?? '').split(',').filter(Boolean)) {
    const [apiVersion, kind] = pair.split('|');
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const version = group === core().KEDA_GROUP ? q.get('keda') ?? undefined : q.get('strimzi') ?? undefined;
    const found = store?.schemaFor(apiVersion, kind, version);
    if (!found) continue;
    branches.push({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { ...found.schema, description: found.schema.description ?? `${found.info.product} · ${apiVersion} ${kind}` },
    });
  }
  return { title: 'Strimzi / KEDA resources (Kafka on Kubernetes)', allOf: branches };
}
