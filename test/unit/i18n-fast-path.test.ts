// The built-in lookup the first paint uses (src/i18n-lite.ts) against i18next as src/i18n-next.ts configures it: the
// same answer (whether a phrase exists, and its text) for every key of every locale, plurals, interpolation and
// overrides, so the hand-over from one to the other never changes a word on the screen.
import { expect } from 'chai';
import en from '../../src/locales/en.js';
import { LOCALE_LOADERS, LOCALES, type Locale, type LocaleResource } from '../../src/locales/index.js';
import { formatValue, PhraseStore, type LookupOptions, type Resource } from '../../src/i18n-lite.js';
import { createI18next } from '../../src/i18n-next.js';

const NS = 'translation';
type Bundle = [lng: string, ns: string, resources: object];
type Answer = [exists: boolean, text: string];

/** Both lookups over the same bundles, added in the same order; each answers [exists, text]. */
function engines(bundles: Bundle[]) {
  const lite = new PhraseStore(formatValue);
  for (const [lng, ns, resources] of bundles) lite.add(lng, ns, resources);
  const [first, ...rest] = bundles;
  const next = createI18next({ [first![0]]: { [first![1]]: structuredClone(first![2]) as Resource } }, NS);
  for (const [lng, ns, resources] of rest) next.addResourceBundle(lng, ns, structuredClone(resources), true, true);
  const nextT = next.t as unknown as (key: string, options: object) => string;
  return {
    lite: (key: string, o: LookupOptions): Answer => [lite.exists(key, o), lite.t(key, o)],
    next: (key: string, o: LookupOptions): Answer => [next.exists(key, { ...o, fallbackLng: false }), nextT(key, { ...o, fallbackLng: false })],
  };
}

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/** Every key to look up: each leaf, and each plural form's base key. */
function keysOf(resource: LocaleResource, prefix = ''): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object') for (const key of keysOf(v, path)) out.add(key);
    else {
      out.add(path);
      const plural = PLURAL.exec(path);
      if (plural) out.add(plural[1]!);
    }
  }
  return [...out];
}

function variables(resource: LocaleResource): string[] {
  return [...new Set([...JSON.stringify(resource).matchAll(/\{\{-?\s*([^},\s]+)/g)].map((m) => m[1]!))];
}

/** Option sets that exercise interpolation: none given, strings, numbers, present but undefined, and counts. */
function optionSets(vars: string[]): Record<string, unknown>[] {
  const all = (value: (name: string) => unknown) => Object.fromEntries(vars.map((v) => [v, value(v)]));
  return [
    {},
    all((v) => `<${v}> & "${v}"`),
    all(() => 1234.5),
    all(() => undefined),
    ...[0, 1, 2, 3, 5, 11, 21, 22, 100, 1000, 1.5, -1].map((count) => ({ ...all((v) => v.toUpperCase()), count })),
    { count: '3' }, // a string count is no plural
  ];
}

function compare(bundles: Bundle[], lng: string, ns: string[], keys: string[], sets: Record<string, unknown>[]): number {
  const { lite, next } = engines(bundles);
  let compared = 0;
  for (const key of keys) {
    for (const set of sets) {
      const o = { ...set, lng, ns } as LookupOptions;
      const where = `${lng} ${ns.join('+')} ${key} ${JSON.stringify(set, (_, v: unknown) => (v === undefined ? '(undefined)' : v))}`;
      expect(lite(key, o).join(' | '), where).to.equal(next(key, o).join(' | '));
      compared++;
    }
  }
  return compared;
}

describe('i18n fast path: the same output as i18next', () => {
  it('every English key, with and without variables and counts', () => {
    const keys = [...keysOf(en as unknown as LocaleResource), 'signIn', 'nope.nothing', 'signIn.title.deeper', 'toString', 'signIn.toString'];
    const n = compare([['en', NS, en]], 'en', [NS], keys, optionSets(variables(en as unknown as LocaleResource)));
    expect(n).to.be.greaterThan(1000);
  });

  for (const code of LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en')) {
    it(`${code}: every key, plurals by the language's own rules, numbers in its own digits`, async () => {
      const messages = (await LOCALE_LOADERS[code]()).default;
      const keys = keysOf(messages);
      // A locale that lost its phrases would compare nothing and pass: it must have every key English has.
      const english = keysOf(en as unknown as LocaleResource).filter((k) => !PLURAL.test(k));
      expect(english.filter((k) => !keys.includes(k)), `${code}: keys missing`).to.deep.equal([]);
      const sets = optionSets(variables(messages));
      const n = compare([['en', NS, en], [code, NS, messages]], code, [NS], keys, sets);
      expect(n, 'lookups compared').to.equal(keys.length * sets.length).and.to.be.greaterThan(1000);
    });
  }

  it('overrides: merged over the phrases, later ones win, per-element namespaces first, empty phrases kept', () => {
    const bundles: Bundle[] = [
      ['en', NS, en],
      ['en', NS, { signIn: { title: 'Log in', extra: 'Hello {{ name }}' }, password: { minLength_one: 'One character at least' } }],
      ['en', NS, { signIn: { title: 'Log in (2)' }, legal: { text: 'Terms for {{- who}}, {{count, number}} of them, {{user.name}}' } }],
      ['en', 'scope-1', { signIn: { submit: 'Go', heading: '' }, password: { minLength_other: '{{count}} or more', minLength_zero: 'None' } }],
      ['de', 'scope-1', { signIn: { title: 'Grüezi' }, password: { minLength_other: '{{count}} Zeichen' } }],
      ['en', NS, { signUp: undefined, signIn: { forgotPassword: undefined } }],
    ];
    const keys = [...keysOf(en as unknown as LocaleResource), 'signIn.extra', 'legal.text', 'signIn'];
    const sets = [
      ...optionSets(['name', 'who', 'count']),
      { who: 'you & me', count: 12345, user: { name: 'Ada' } },
      { name: 'Ada', user: 'not an object' },
    ];
    for (const ns of [[NS], ['scope-1', NS], ['scope-1']]) {
      compare(bundles, 'en', ns, keys, sets);
      compare(bundles, 'de', ns, keys, sets);
    }
    // And the answers themselves, so the comparison cannot pass with both wrong.
    const { lite } = engines(bundles);
    const o = (extra: Record<string, unknown>, ns = ['scope-1', NS]) => ({ lng: 'en', ns, ...extra }) as LookupOptions;
    expect(lite('signIn.title', o({}))).to.deep.equal([true, 'Log in (2)']);
    expect(lite('signIn.submit', o({}))).to.deep.equal([true, 'Go']);
    expect(lite('signIn.heading', o({}))).to.deep.equal([true, '']);
    expect(lite('signIn.forgotPassword', o({}))).to.deep.equal([true, en.signIn.forgotPassword]);
    expect(lite('password.minLength', o({ count: 1 }))).to.deep.equal([true, 'One character at least']);
    expect(lite('password.minLength', o({ count: 0 }))).to.deep.equal([true, 'None']);
    expect(lite('password.minLength', o({ count: 1000 }))).to.deep.equal([true, '1,000 or more']);
    expect(lite('password.minLength', o({ count: 1000 }, [NS]))).to.deep.equal([true, 'At least 1,000 characters']);
    expect(lite('signIn.extra', o({}))).to.deep.equal([true, 'Hello {{ name }}']);
    expect(lite('signIn.extra', o({ name: undefined }))).to.deep.equal([true, 'Hello ']);
    expect(lite('legal.text', o({ who: '<b>you</b>', count: 1234.5, user: { name: 'Ada' } }))).to.deep.equal([true, 'Terms for <b>you</b>, 1,234.5 of them, Ada']);
    expect(lite('signIn', o({}))).to.deep.equal([true, 'signIn']);
    expect(lite('nope.nothing', o({}))).to.deep.equal([false, 'nope.nothing']);
  });

  it('the bundles given are copied, never changed', () => {
    const mine = { signIn: { title: 'Mine' } };
    const store = new PhraseStore(formatValue);
    store.add('en', NS, en);
    store.add('en', NS, mine);
    mine.signIn.title = 'Changed later';
    expect(store.t('signIn.title', { lng: 'en', ns: [NS] })).to.equal('Mine');
    expect(en.signIn.title).to.equal('Sign in');
  });
});
