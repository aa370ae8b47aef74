// Completeness of every locale against English, the reference (the union of its modules, src/locales/en/*.ts: the
// first paint's and each later screen's): the same phrases (plural keys with exactly the
// categories the language has), the same {{variables}}, nothing empty, nothing left in English.
import { expect } from 'chai';
import en, { ENGLISH_MODULES } from '../../src/locales/en.js';
import { LOCALE_LOADERS, LOCALES, type LocaleResource } from '../../src/locales/index.js';

/** The locales we promise (issue 6), written out here so that dropping one from the code fails a test. */
const REQUIRED = [
  'ar', 'cs', 'da', 'de', 'el', 'es', 'fi', 'fr', 'he', 'hi', 'hu', 'id', 'it', 'ja', 'ko',
  'nb', 'nl', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sv', 'th', 'tr', 'uk', 'vi', 'zh-CN', 'zh-TW',
] as const;

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL = new RegExp(`^(.+)_(${CATEGORIES.join('|')})$`);

/**
 * Phrases that may read exactly as in English although long enough to be checked: loanwords and brand names that a
 * native speaker writes the same way. Keyed by locale, then by key. Keep it short: every entry is a claim that the
 * English words are the right ones in that language.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {};

/** Checked for being left in English: phrases of at least this many words. Shorter ones ("Code", "Email") may match. */
const MIN_WORDS = 4;

/** Every leaf as `section.key` -> value; nested objects flattened, anything that is not a string reported. */
function flatten(resource: LocaleResource, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as LocaleResource, path, out);
    else out.set(path, v);
  }
  return out;
}

const EN = flatten(en as unknown as LocaleResource);
/** Base keys English has plural forms for (`password.minLength`). */
const EN_PLURALS = new Set([...EN.keys()].map((k) => PLURAL.exec(k)?.[1]).filter((k): k is string => k !== undefined));

/** The key a phrase is looked up by: a plural form's base key, or the key itself. */
function baseKey(key: string): string {
  const m = PLURAL.exec(key);
  return m && EN_PLURALS.has(m[1]!) ? m[1]! : key;
}

/** `{{name}}` and `{{name, format}}` -> the set of names. */
function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

/** Variables English uses for a base key (for plurals: across its forms). */
function englishVariables(base: string): string[] {
  const texts = EN_PLURALS.has(base) ? [...EN].filter(([k]) => baseKey(k) === base).map(([, v]) => String(v)) : [String(EN.get(base))];
  return [...new Set(texts.flatMap(variables))].sort();
}

/** Whether a plural category stands for one number only (Arabic "two" is 2), so the form may spell it out in words. */
function singleNumber(code: string, category: string): boolean {
  const rules = new Intl.PluralRules(code);
  let count = 0;
  for (let n = 0; n <= 1000 && count < 2; n++) if (rules.select(n) === category) count++;
  return count === 1 && [0.5, 1.5, 2.5, 1e6].every((n) => rules.select(n) !== category);
}

const cache = new Map<string, Promise<LocaleResource>>();
function load(code: (typeof REQUIRED)[number]): Promise<LocaleResource> {
  let p = cache.get(code);
  if (!p) {
    p = LOCALE_LOADERS[code]().then(
      (m) => m.default,
      () => {
        throw new Error(`src/locales/${code}.ts is missing (or does not load)`);
      },
    );
    cache.set(code, p);
  }
  return p;
}

describe('locales: the list', () => {
  it('ships English and every required locale, each with its own loader', () => {
    expect([...LOCALES].sort()).to.deep.equal(['en', ...REQUIRED].sort());
    expect(Object.keys(LOCALE_LOADERS).sort()).to.deep.equal([...REQUIRED].sort());
  });

  it('English is the union of its modules: each namespace in exactly one, nothing lost or added on the way', () => {
    const owners = new Map<string, string[]>();
    for (const [name, module] of Object.entries(ENGLISH_MODULES)) {
      for (const ns of Object.keys(module)) owners.set(ns, [...(owners.get(ns) ?? []), name]);
    }
    const shared = [...owners].filter(([, names]) => names.length > 1).map(([ns, names]) => `${ns}: ${names.join(', ')}`);
    // Split: `errors` (those raised before Cognito answers: first paint; those of its answers: the transport's; those of
    // a sign-in with an identity provider: the OAuth chunks'), `attributes` (email's and phone_number's in the first
    // paint, the rest with the forms that ask for them), `notices` (the reset screen's own with it, "Forget this device"'s with the
    // devices journey) and `signIn` (the keep-signed-in box's with its part).
    expect(shared.sort(), 'namespaces in more than one English module').to.deep.equal(
      ['errors: firstPaint, serverErrors, oauthErrors', 'attributes: firstPaint, registration', 'notices: firstPaint, reset, devices', 'signIn: firstPaint, keepSignedIn'].sort(),
    );
    expect(Object.keys(ENGLISH_MODULES.firstPaint.attributes).sort(), 'the first paint\'s attribute labels').to.deep.equal(['email', 'phone_number']);
    expect(Object.keys(ENGLISH_MODULES.reset.notices), 'the reset module\'s notices').to.deep.equal(['password-reset-required']);
    expect(Object.keys(ENGLISH_MODULES.devices.notices), 'the devices module\'s notices').to.deep.equal(['device-forgotten']);
    expect(ENGLISH_MODULES.keepSignedIn, 'the keep-signed-in module').to.deep.equal({ signIn: { keepSignedIn: 'Keep me signed in' } });
    expect(Object.keys(ENGLISH_MODULES.serverErrors), 'the server errors module').to.deep.equal(['errors']);
    expect(Object.keys(ENGLISH_MODULES.oauthErrors), 'the OAuth errors module').to.deep.equal(['errors']);
    expect(Object.keys(ENGLISH_MODULES.oauthErrors.errors).every((code) => code.startsWith('oauth-')), 'only oauth-* errors').to.equal(true);
    const union = new Map<string, unknown>();
    for (const module of Object.values(ENGLISH_MODULES)) {
      for (const [k, v] of flatten(module as unknown as LocaleResource)) {
        expect(union.has(k), `${k} in more than one English module`).to.equal(false);
        union.set(k, v);
      }
    }
    expect([...union].sort(), 'en.ts against its modules').to.deep.equal([...EN].sort());
    // The first paint holds what the sign-in form, the frame, errors and the signed-in view need; the rest is lazy.
    expect(Object.keys(ENGLISH_MODULES.firstPaint).sort()).to.deep.equal(
      ['attributes', 'common', 'config', 'errors', 'fieldErrors', 'mfaTypes', 'notices', 'signIn', 'signedIn'].sort(),
    );
  });

  it('English, the reference, has no empty phrase and exactly its own plural categories', () => {
    for (const [k, v] of EN) expect(typeof v === 'string' && v.trim() !== '', `en ${k}`).to.equal(true);
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const base of EN_PLURALS) {
      const forms = [...EN.keys()].filter((k) => baseKey(k) === base).map((k) => PLURAL.exec(k)![2]);
      expect(forms.sort(), base).to.deep.equal([...categories].sort());
    }
  });
});

for (const code of REQUIRED) {
  describe(`locales: ${code}`, () => {
    it('exists and exports its phrases as the default export', async () => {
      const messages = await load(code);
      expect(messages, `${code}.ts default export`).to.be.an('object');
    });

    it('has every phrase English has, and no other', async () => {
      const messages = flatten(await load(code));
      const bases = new Set([...messages.keys()].map(baseKey));
      const missing = [...new Set([...EN.keys()].map(baseKey))].filter((k) => !bases.has(k));
      const extra = [...messages.keys()].filter((k) => {
        const base = baseKey(k);
        if (EN_PLURALS.has(base)) return k === base; // a plural phrase needs its suffixes
        return !EN.has(k);
      });
      expect(missing, `${code} lacks`).to.deep.equal([]);
      expect(extra, `${code} has keys English lacks`).to.deep.equal([]);
    });

    it('has exactly the plural forms the language has (CLDR, as Intl.PluralRules reports them)', async () => {
      const messages = flatten(await load(code));
      const categories = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
      for (const base of EN_PLURALS) {
        const forms = [...messages.keys()].filter((k) => k !== base && baseKey(k) === base).map((k) => PLURAL.exec(k)![2]!);
        expect(forms.sort(), `${code} ${base}_*`).to.deep.equal(categories);
      }
    });

    it('every phrase is a non-empty string with the same {{variables}} as English', async () => {
      const messages = flatten(await load(code));
      const problems: string[] = [];
      for (const [key, value] of messages) {
        if (typeof value !== 'string') {
          problems.push(`${key}: not a string`);
          continue;
        }
        if (value.trim() === '') problems.push(`${key}: empty`);
        const base = baseKey(key);
        if (!EN.has(key) && !EN_PLURALS.has(base)) continue; // reported by the key test
        let expected = englishVariables(base);
        const category = PLURAL.exec(key)?.[2];
        // "Two characters" in Arabic needs no digit: a form used for one number only may leave {{count}} out.
        if (category && EN_PLURALS.has(base) && singleNumber(code, category) && !variables(value).includes('count')) {
          expected = expected.filter((v) => v !== 'count');
        }
        const actual = variables(value);
        if (actual.join() !== expected.join()) problems.push(`${key}: {{${actual.join('}}, {{')}}} instead of {{${expected.join('}}, {{')}}}`);
        if ((value.match(/\{\{/g)?.length ?? 0) !== (value.match(/\}\}/g)?.length ?? 0)) {
          problems.push(`${key}: unbalanced {{ }}`);
        }
      }
      expect(problems, `${code}:\n${problems.join('\n')}`).to.deep.equal([]);
    });

    it('leaves no sentence in English', async () => {
      const messages = flatten(await load(code));
      const allowed = new Set(SAME_AS_ENGLISH[code] ?? []);
      const english: string[] = [];
      for (const [key, value] of messages) {
        const reference = EN.get(key);
        if (typeof reference !== 'string' || value !== reference || allowed.has(key)) continue;
        const words = reference.replace(/\{\{[^}]*\}\}/g, ' ').split(/\s+/).filter(Boolean);
        if (words.length >= MIN_WORDS) english.push(`${key}: ${reference}`);
      }
      expect(english, `${code} still in English:\n${english.join('\n')}`).to.deep.equal([]);
    });
  });
}
