/**
 * The English phrase lookup, so an English page never downloads i18next (15 KB gzip, issues 8 and 17):
 * src/i18n-phrases.ts answers from here until a page needs i18next (another language, an override), then hands every
 * phrase over to it. It is i18next's lookup exactly as src/i18n.ts configures it, and no more:
 *
 * - keys `section.key` (key separator `.`, no namespace separator), namespaces searched in the order given, one
 *   language only (no fallback: src/i18n.ts does its own, so it can report a missing phrase);
 * - plurals: with a numeric `count`, `key_zero` (count 0), then `key_<Intl.PluralRules category>`, then `key`;
 * - `{{name}}`, `{{- name}}` and `{{name, format}}` interpolation, every value through the same formatter i18next is
 *   given (numbers in the language's digits and separators); a variable absent from the options stays as written;
 * - resources merged as `addResourceBundle(lng, ns, resources, deep = true, overwrite = true)` merges them.
 *
 * test/unit/i18n-fast-path.test.ts holds both to the same output for every English key.
 */

export type Resource = { [key: string]: unknown };

/** i18next's formatter module `format`: with `alwaysFormat`, every interpolated value goes through it. */
export type Format = (value: unknown, format: string | undefined, lng: string) => unknown;

/** The options of one lookup: the variables, `count`, and where to look. */
export type LookupOptions = Record<string, unknown> & { lng: string; ns: readonly string[] };

const has = (o: unknown, key: string): boolean => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, key);

/** i18next's `deepExtend(target, source, overwrite = true)`: strings replace, objects merge, prototypes untouched. */
export function mergeInto(target: Resource, source: Resource): Resource {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor') continue;
    const from = source[key];
    const to = target[key];
    if (has(target, key) && typeof to === 'object' && to !== null && typeof from === 'object' && from !== null) mergeInto(to as Resource, from as Resource);
    else if (!has(target, key) || typeof to === 'string' || typeof from === 'string') target[key] = from;
  }
  return target;
}

/** A value at a dotted path, own properties only (`toString` is no phrase). */
function at(object: unknown, path: string): unknown {
  let value = object;
  for (const part of path.split('.')) {
    if (!has(value, part)) return undefined;
    value = (value as Resource)[part];
  }
  return value;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lng: string, count: number): string {
  let rules = pluralRules.get(lng);
  if (!rules) pluralRules.set(lng, (rules = new Intl.PluralRules(lng)));
  return rules.select(count);
}

/** Phrases per language and namespace, with i18next's lookup over them. */
export class PhraseStore {
  readonly #data = new Map<string, Map<string, Resource>>();
  readonly #format: Format;

  constructor(format: Format) {
    this.#format = format;
  }

  /** Merges `resources` into `lng`/`ns` (a copy: later changes to the object given are not seen, as in i18next). */
  add(lng: string, ns: string, resources: object): void {
    let byNs = this.#data.get(lng);
    if (!byNs) this.#data.set(lng, (byNs = new Map()));
    const copy = JSON.parse(JSON.stringify(resources)) as Resource;
    const existing = byNs.get(ns);
    byNs.set(ns, existing ? mergeInto(existing, copy) : copy);
  }

  /** Every bundle, as i18next's `resources` init option wants them. */
  resources(): Record<string, Record<string, Resource>> {
    const out: Record<string, Record<string, Resource>> = {};
    for (const [lng, byNs] of this.#data) out[lng] = Object.fromEntries(byNs);
    return out;
  }

  /** The raw value for `key` (before interpolation), or undefined when no namespace has it. */
  #resolve(key: string, options: LookupOptions): unknown {
    const { lng, count } = options;
    const keys = [key];
    if (count !== undefined && typeof count !== 'string') {
      keys.unshift(`${key}_${pluralCategory(lng, count as number)}`);
      if (count === 0) keys.unshift(`${key}_zero`);
    }
    for (const ns of options.ns) {
      const bundle = this.#data.get(lng)?.get(ns);
      for (const k of keys) {
        const value = at(bundle, k);
        if (value !== undefined && value !== null) return value;
      }
    }
    return undefined;
  }

  exists(key: string, options: LookupOptions): boolean {
    return this.#resolve(key, options) !== undefined;
  }

  /** The phrase, interpolated; the key itself when there is none (or it names a whole section). */
  t(key: string, options: LookupOptions): string {
    const value = this.#resolve(key, options);
    if (value === undefined || (typeof value === 'object' && value !== null)) return key;
    return typeof value === 'string' ? interpolate(value, options, this.#format) : String(value);
  }
}

/** i18next's interpolation with `escapeValue: false`, `alwaysFormat: true` and `skipOnVariables` (its default). */
function interpolate(text: string, data: LookupOptions, format: Format): string {
  return text.replace(/\{\{-?(.+?)\}\}/g, (match, inner: string) => {
    const name = inner.trim();
    const comma = name.indexOf(',');
    const value =
      comma < 0
        ? format(at(data, name), undefined, data.lng)
        : format(at(data, name.slice(0, comma).trim()), name.slice(comma + 1).trim(), data.lng);
    if (value === undefined) return has(data, name) ? '' : match;
    return value === null ? '' : String(value);
  });
}

// Numbers are formatted for the language ("٨" in Arabic): the formatter both lookups use.
const numberFormats = new Map<string, Intl.NumberFormat>();
export const formatValue: Format = (value, format, lng) => {
  if (typeof value !== 'number' || (format && format !== 'number')) return value;
  let f = numberFormats.get(lng);
  if (!f) numberFormats.set(lng, (f = new Intl.NumberFormat(lng)));
  return f.format(value);
};
