import firstPaint from './locales/en/first-paint.js';

/**
 * The English phrases present on the page: those of the first paint (bundled), then each module an element brings
 * with it (components/features/*.ts call {@link addEnglish} when their screen's code loads, before it renders).
 * Kept apart from i18n-phrases.ts so the engine (src/errors.ts names fields in English) reads English without the
 * phrase lookup; i18n-phrases.ts hands every module to its lookup or to i18next as it arrives.
 */

/** One English module: namespaces of phrases (`{ setupTotp: { title: … } }`). */
export type EnglishModule = { readonly [namespace: string]: { readonly [key: string]: unknown } };

const modules: EnglishModule[] = [firstPaint];
const listeners = new Set<(module: EnglishModule) => void>();

/** Adds an English module (once: a module added again is ignored) and tells the phrase lookup. */
export function addEnglish(module: EnglishModule): void {
  if (modules.includes(module)) return;
  modules.push(module);
  for (const listener of [...listeners]) listener(module);
}

/** Every English module added so far, the first paint's first. */
export function englishModules(): readonly EnglishModule[] {
  return modules;
}

/** Calls `listener` with each English module added from now on. */
export function onEnglishAdded(listener: (module: EnglishModule) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The English phrase at a dotted key (`setupTotp.deviceName`) among the modules added, or undefined. */
export function englishPhrase(key: string): string | undefined {
  for (const module of modules) {
    let value: unknown = module;
    for (const part of key.split('.')) {
      const own = typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, part);
      value = own ? (value as Record<string, unknown>)[part] : undefined;
    }
    if (typeof value === 'string') return value;
  }
  return undefined;
}
