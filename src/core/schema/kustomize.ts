/**
 * Kustomize patches: a file that a `Kustomization` names under `patches[].path` or
 * `patchesStrategicMerge` holds partial resources (only the fields it changes), so "missing required
 * field" findings would be false there. Pure: works on the workspace index.
 */
import type { WorkspaceIndex } from '../workspace';

const cache = new WeakMap<WorkspaceIndex, { version: number; paths: ReadonlySet<string> }>();

/** Normalises a path for comparison: `/` separators, no `.` segments, `..` applied. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  const parts = p.replace(/\\/g, '/').split('/');
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    if (s === '.' || (s === '' && i > 0 && i < parts.length - 1)) continue;
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(s);
  }
  return out.join('/');
}

function dirOf(p: string): string {
  const n = p.replace(/\\/g, '/');
  const i = n.lastIndexOf('/');
  return i === -1 ? '' : n.slice(0, i);
}

/** The normalised paths of every file used as a Kustomize patch in the index (cached per index version). */
export function kustomizePatchPaths(index: WorkspaceIndex): ReadonlySet<string> {
  const hit = cache.get(index);
  if (hit && hit.version === index.version) return hit.paths;
  const paths = new Set<string>();
  for (const file of index.allFiles()) {
    for (const r of file.resources) {
      if (r.kind !== 'Kustomization' || !r.group.startsWith('kustomize.config.k8s.io')) continue;
      const base = dirOf(file.path);
      const add = (p: unknown) => {
        if (typeof p === 'string' && p && !p.includes('\n')) paths.add(normalizePath(base ? `${base}/${p}` : p));
      };
      const patches = r.get(['patches']);
      if (Array.isArray(patches)) for (const p of patches) add(p && typeof p === 'object' ? (p as Record<string, unknown>).path : p);
      const smp = r.get(['patchesStrategicMerge']);
      if (Array.isArray(smp)) for (const p of smp) add(p);
    }
  }
  cache.set(index, { version: index.version, paths });
  return paths;
}

/** Whether a file is used as a Kustomize patch somewhere in the index. */
export function isKustomizePatch(index: WorkspaceIndex, path: string): boolean {
  const paths = kustomizePatchPaths(index);
  return paths.size > 0 && paths.has(normalizePath(path));
}
