/** Version resolution and comparison. Pure. */

export const DEFAULT_VERSIONS = { strimzi: '1.2.0', kafka: '4.3.1', keda: '2.20' } as const;

export type VersionSource = 'flag' | 'config' | 'setting' | 'manifest' | 'default';

export interface ResolvedVersion {
  readonly value: string;
  readonly source: VersionSource;
}

export interface Versions {
  readonly strimzi: ResolvedVersion;
  readonly kafka: ResolvedVersion;
  readonly keda: ResolvedVersion;
}

/** Versions the user set explicitly, each tagged with where it came from. */
export interface ExplicitVersions {
  readonly strimzi?: ResolvedVersion;
  readonly kafka?: ResolvedVersion;
  readonly keda?: ResolvedVersion;
}

/**
 * Resolves target versions: explicit (flags, config file, settings — already merged by the caller,
 * first one wins), then what the manifest says (e.g. `spec.kafka.version`), then the defaults.
 */
export function resolveVersions(explicit: ExplicitVersions, manifest: { kafka?: string } = {}): Versions {
  return {
    strimzi: explicit.strimzi ?? { value: DEFAULT_VERSIONS.strimzi, source: 'default' },
    kafka:
      explicit.kafka ??
      (manifest.kafka && isVersion(manifest.kafka) ? { value: manifest.kafka, source: 'manifest' } : { value: DEFAULT_VERSIONS.kafka, source: 'default' }),
    keda: explicit.keda ?? { value: DEFAULT_VERSIONS.keda, source: 'default' },
  };
}

export function isVersion(v: unknown): v is string {
  return typeof v === 'string' && /^v?\d+(\.\d+){0,3}([-.+][0-9A-Za-z.-]+)?$/.test(v.trim());
}

function parts(v: string): number[] {
  return v
    .trim()
    .replace(/^v/, '')
    .split(/[-+]/)[0]
    .split('.')
    .map((x) => Number.parseInt(x, 10) || 0);
}

/** Compares dotted versions numerically (`0.9` < `0.10`; missing parts count as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function versionAtLeast(v: string, min: string): boolean {
  return compareVersions(v, min) >= 0;
}

export function versionBelow(v: string, max: string): boolean {
  return compareVersions(v, max) < 0;
}

/** `4.3.1` → `4.3`. */
export function majorMinor(v: string): string {
  const p = parts(v);
  return `${p[0] ?? 0}.${p[1] ?? 0}`;
}
