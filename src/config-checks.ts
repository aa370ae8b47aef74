/**
 * The small validators every option of config.ts and federation-config.ts goes through, so each option is one line
 * and every message says the same things the same way: the attribute, the value, what is allowed. Kept apart from
 * config.ts so federation-config.ts can throw the same ConfigError without an import cycle.
 */

/** A configuration mistake, naming the attribute so the page author can fix it. */
export class ConfigError extends Error {
  readonly attribute: string;
  constructor(attribute: string, message: string) {
    super(`${attribute}: ${message}`);
    this.name = 'ConfigError';
    this.attribute = attribute;
  }
}

export function fail(attribute: string, message: string): never {
  throw new ConfigError(attribute, message);
}

/** "a, b or c": how messages list what is allowed. */
const either = (allowed: readonly string[]): string => `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;

/** A keyword attribute: absent or blank gives `fallback`; anything else must be listed. */
export function oneOf<T extends string>(attribute: string, value: string | null | undefined, allowed: readonly T[], fallback: T): T {
  const v = value?.trim() || fallback;
  if (!allowed.includes(v as T)) fail(attribute, `must be ${either(allowed)}, not "${v}"`);
  return v as T;
}

/**
 * A list given as an attribute (words separated by spaces or commas) or as an array; every word must pass `ok`,
 * else the message is `"word" <why>`. Duplicates are dropped unless `keepDuplicates`.
 */
export function words(
  attribute: string,
  value: string | readonly string[] | null | undefined,
  ok: (word: string) => boolean,
  why: string,
  keepDuplicates?: boolean,
): string[] {
  const items = (value == null ? [] : typeof value === 'string' ? value.split(/[\s,]+/) : [...value]).map((s) => s.trim()).filter(Boolean);
  const out = keepDuplicates ? items : [...new Set(items)];
  for (const w of out) if (!ok(w)) fail(attribute, `"${w}" ${why}`);
  return out;
}

/** A hook given as a property: a function or nothing. `shape` shows how it is called. */
export function fn<F>(attribute: string, value: F | null | undefined, shape: string): F | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'function') fail(attribute, `must be a function ${shape}`);
  return value;
}

/** An absolute URL that is https, or http on a loopback host (a local emulator or dev server), without credentials. */
export function webUrl(attribute: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail(attribute, `"${raw}" is not an absolute URL`);
  }
  const host = url.hostname;
  const loopback = host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    fail(attribute, 'must use https (http is allowed only for loopback hosts such as localhost and 127.0.0.1)');
  }
  if (url.username || url.password) fail(attribute, 'must not contain credentials');
  return url;
}
