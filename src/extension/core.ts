import type * as CoreModule from './coreApi';

export type CoreApi = typeof CoreModule;

let loaded: CoreApi | undefined;

/** The engine and language services, loaded on first use (esbuild keeps a `require`d module lazy). */
export function core(): CoreApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./coreApi') as CoreApi);
}

/** Whether a path has an extension we lint (cheap; no engine load). */
export function hasLintableExtension(path: string): boolean {
  return /\.(ya?ml|properties)$/i.test(path);
}
