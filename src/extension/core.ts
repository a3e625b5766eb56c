import { kafkaCodeLanguage } from '../core/parse/code';
import type * as CoreModule from './coreApi';

export type CoreApi = typeof CoreModule;

let loaded: CoreApi | undefined;

/** The engine and language services, loaded on first use (esbuild keeps a `require`d module lazy). */
export function core(): CoreApi {
  if (!loaded) {
    const t0 = performance.now();
    loaded = require('./coreApi') as CoreApi;
    coreLoadMs = performance.now() - t0;
  }
  return loaded;
}

/** How long loading the engine took (0 until it is loaded), for the log. */
export let coreLoadMs = 0;

/** Whether a Java, Go, JavaScript or TypeScript file uses a Kafka client we read settings from (a cheap text check, no engine load). */
export function usesKafkaClient(path: string, text: string): boolean {
  return kafkaCodeLanguage(path, text) !== undefined;
}

/** Whether a path has an extension we lint (cheap; no engine load). */
export function hasLintableExtension(path: string): boolean {
  return /\.(ya?ml|properties|java|go|[cm]?[jt]s)$/i.test(path);
}
