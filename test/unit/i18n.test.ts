import { expect } from 'chai';
import i18next from 'i18next';
import en, { ENGLISH_MODULES } from '../../src/locales/en.js';
import { LOCALE_LOADERS } from '../../src/locales/index.js';
import {
  addEnglish,
  addTranslations,
  bestLocale,
  dir,
  getI18n,
  hasPhrase,
  isLoaded,
  languageOf,
  loadLanguage,
  LOCALES,
  matchLocale,
  onMissingKey,
  onTranslationsChange,
  t,
  translator,
  type Locale,
  type LocaleResource,
  type TranslationsByLanguage,
} from '../../src/i18n.js';

// English as on a page whose screens have all loaded (each brings its English module with it; one arriving late is
// test/unit/i18n-hand-over.test.ts).
for (const module of Object.values(ENGLISH_MODULES)) addEnglish(module);

// Room for every request of this page, so none of the locale requests below goes unrecorded.
performance.setResourceTimingBufferSize(100_000);

/** Paths of the locale modules this page has fetched (each one is its own request, as each is its own chunk). */
function fetchedLocales(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => /\/src\/locales\/[\w-]+\.(js|ts)$/.test(p) && !/\/(index|en)\.(js|ts)$/.test(p))
    .map((p) => p.replace(/^.*\/src\/locales\/([\w-]+)\.(js|ts)$/, '$1'));
}

/**
 * Loads a locale as the elements do and returns its messages. A locale without a loader, or whose module fails to
 * load, fails the test that asked for it: every code in LOCALES ships.
 */
async function load(code: Locale): Promise<LocaleResource> {
  if (code === 'en') return en as unknown as LocaleResource;
  const loader = (LOCALE_LOADERS as Partial<typeof LOCALE_LOADERS>)[code];
  if (!loader) throw new Error(`no loader for locale ${code} in src/locales/index.ts`);
  await loadLanguage(code);
  expect(isLoaded(code), `${code} is loaded`).to.equal(true);
  return (await loader()).default;
}

/** A number for which `code` uses plural category `category` (integers first, as a password length is one). */
function sampleFor(code: string, category: string): number | undefined {
  const rules = new Intl.PluralRules(code);
  const candidates = [...Array.from({ length: 201 }, (_, i) => i), 1e3, 1e4, 1e5, 1e6, 1e7, 0.5, 1.5, 2.5];
  return candidates.find((n) => rules.select(n) === category);
}

describe('i18n: lazy loading', () => {
  // First in this file, before any other test loads a locale.
  it('bundles English only; each other locale is fetched on demand, once, as its own module', async () => {
    expect(fetchedLocales(), 'nothing but English before a locale is asked for').to.deep.equal([]);
    expect(isLoaded('en')).to.equal(true);
    expect(isLoaded('de')).to.equal(false);

    expect(await loadLanguage('de-AT')).to.equal('de');
    expect(fetchedLocales()).to.deep.equal(['de']);
    expect(isLoaded('de')).to.equal(true);

    await Promise.all([loadLanguage('fr'), loadLanguage('fr-CA'), loadLanguage('de')]);
    expect(fetchedLocales(), 'fr fetched once, de not again, nothing else').to.deep.equal(['de', 'fr']);
    expect(translator('fr')('signIn.title')).to.not.equal(en.signIn.title);
  });

  it('the loader map has one loader per shipped locale but English, each importing only its own file', () => {
    expect(Object.keys(LOCALE_LOADERS).sort()).to.deep.equal(LOCALES.filter((l) => l !== 'en').sort());
    for (const [code, load] of Object.entries(LOCALE_LOADERS)) {
      const source = load.toString();
      expect(source, code).to.match(new RegExp(`import\\(\\s*["'\`]\\./${code}\\.(js|ts)["'\`]\\s*\\)`));
      expect(source.match(/import\(/g)?.length, code).to.equal(1);
    }
  });

  it('an unknown language loads nothing and means English', async () => {
    const before = fetchedLocales();
    expect(await loadLanguage('xx')).to.equal('en');
    expect(fetchedLocales()).to.deep.equal(before);
  });
});

describe('i18n: which locale a language tag means', () => {
  const cases: [string, Locale | undefined][] = [
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['pt-MZ', 'pt-PT'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['nb', 'nb'],
    ['nb-NO', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['iw', 'he'],
    ['he-IL', 'he'],
    ['ar-EG', 'ar'],
    ['in', 'id'],
    ['ja-JP', 'ja'],
    ['sr', undefined],
    ['xx', undefined],
    ['', undefined],
    ['  ', undefined],
    ['not a tag!', undefined],
  ];
  for (const [tag, locale] of cases) {
    it(`${JSON.stringify(tag)} -> ${locale ?? 'none'}`, () => {
      expect(matchLocale(tag)).to.equal(locale);
    });
  }

  it('every shipped locale matches itself', () => {
    for (const l of LOCALES) expect(matchLocale(l), l).to.equal(l);
  });

  it('the browser\'s first language we ship wins; none of them means English', () => {
    expect(bestLocale(['xx', 'sr-Latn', 'de-CH', 'fr'])).to.equal('de');
    expect(bestLocale(['en-US', 'de'])).to.equal('en');
    expect(bestLocale(['zh-HK', 'en'])).to.equal('zh-TW');
    expect(bestLocale(['xx', 'sr'])).to.equal('en');
    expect(bestLocale([])).to.equal('en');
  });

  it('dir: right to left for Arabic and Hebrew only', () => {
    for (const l of LOCALES) expect(dir(l), l).to.equal(l === 'ar' || l === 'he' ? 'rtl' : 'ltr');
  });
});

describe('i18n: the language of an element', () => {
  let restore: (() => void) | undefined;
  function browserLanguages(languages: string[]): void {
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
    restore = () => delete (navigator as { languages?: unknown }).languages;
  }
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  function tree(html: string): HTMLElement {
    // Detached, so the test page's own <html lang> plays no part.
    const root = document.createElement('div');
    root.innerHTML = html;
    return root;
  }

  it('its own lang wins', () => {
    const root = tree('<section lang="fr"><p lang="ja" id="x"></p></section>');
    expect(languageOf(root.querySelector('#x'))).to.equal('ja');
  });

  it('else the nearest lang up the tree (empty lang attributes are skipped)', () => {
    const root = tree('<section lang="pt"><div lang="de"><div lang=""><p id="x"></p></div></div></section>');
    expect(languageOf(root.querySelector('#x'))).to.equal('de');
    root.querySelector('[lang="de"]')!.removeAttribute('lang');
    expect(languageOf(root.querySelector('#x'))).to.equal('pt-BR');
  });

  it('crosses shadow roots, through every level, to their hosts', () => {
    const root = tree('<div lang="zh-Hant"><span id="host"></span></div>');
    const outer = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<div><span id="inner-host"></span></div>';
    const inner = outer.querySelector('#inner-host')!.attachShadow({ mode: 'closed' });
    const el = document.createElement('i');
    inner.append(el);
    expect(languageOf(el)).to.equal('zh-TW');
    outer.querySelector('div')!.setAttribute('lang', 'ar');
    expect(languageOf(el)).to.equal('ar');
  });

  it('else navigator.languages, in order; with none we ship, English', () => {
    const el = tree('<p id="x"></p>').querySelector('#x');
    browserLanguages(['sr', 'nn-NO', 'de']);
    expect(languageOf(el)).to.equal('nb');
    browserLanguages(['xx', 'sr']);
    expect(languageOf(el)).to.equal('en');
  });

  it('a lang we have no locale for means English, not the browser\'s language', () => {
    browserLanguages(['de']);
    const root = tree('<div lang="sw"><p id="x"></p></div>');
    expect(languageOf(root.querySelector('#x'))).to.equal('en');
  });

  it('skipOwn looks past the element itself', () => {
    const root = tree('<div lang="fr"><p id="x" lang="ja"></p></div>');
    expect(languageOf(root.querySelector('#x'), { skipOwn: true })).to.equal('fr');
  });
});

describe('i18n: overrides', () => {
  it('addTranslations changes one phrase of one language, for everyone, and leaves the rest', () => {
    const changes: number[] = [];
    const off = onTranslationsChange(() => changes.push(1));
    addTranslations('en-GB', { signIn: { title: 'Log in' } });
    off();
    expect(changes.length, 'elements are told to re-render').to.equal(1);
    expect(translator('en')('signIn.title')).to.equal('Log in');
    expect(t('signIn.title')).to.equal('Log in');
    expect(translator('en')('signIn.submit')).to.equal(en.signIn.submit);
    expect(en.signIn.title, 'the bundled English module itself is never changed').to.equal('Sign in');
    addTranslations('en', { signIn: { title: 'Sign in' } });
  });

  it('overrides given before a locale loads survive its loading, and later calls win', async () => {
    addTranslations('es', { signIn: { title: 'Entrar (1)' } });
    addTranslations('es-MX', { signIn: { title: 'Entrar (2)' }, legal: { text: 'Términos' } });
    expect(hasPhrase('es', 'legal.text'), 'not applied before es has loaded').to.equal(false);
    await load('es');
    expect(translator('es')('signIn.title')).to.equal('Entrar (2)');
    expect(translator('es')('legal.text')).to.equal('Términos');
    expect(hasPhrase('es', 'legal.text')).to.equal(true);
    expect(hasPhrase('en', 'legal.text'), 'other languages untouched').to.equal(false);
  });

  it('legal text and plural forms can be overridden too', () => {
    addTranslations('en', { legal: { text: 'By signing in you accept our terms.' }, password: { minLength_one: 'One character at least' } });
    expect(translator('en')('legal.text')).to.equal('By signing in you accept our terms.');
    expect(translator('en')('password.minLength', { count: 1 })).to.equal('One character at least');
    expect(translator('en')('password.minLength', { count: 2 })).to.equal('At least 2 characters');
    addTranslations('en', { password: { minLength_one: en.password.minLength_one } });
  });

  it('an unknown language is refused with a clear error', () => {
    expect(() => addTranslations('xx', { signIn: { title: 'x' } })).to.throw(RangeError, /no locale for "xx"/);
  });

  it('an element\'s own overrides apply to it only, per language, over the shared phrases', () => {
    const mine = { en: { signIn: { title: 'Welcome back' } }, 'de-CH': { signIn: { title: 'Grüezi' } } };
    expect(translator('en', mine)('signIn.title')).to.equal('Welcome back');
    expect(translator('en', mine)('signIn.submit')).to.equal(en.signIn.submit);
    expect(translator('en')('signIn.title')).to.equal(en.signIn.title);
    expect(translator('de', mine)('signIn.title')).to.equal('Grüezi');
    const french = translator('fr', mine)('signIn.title');
    expect(french, 'an English override never leaks into French').to.not.equal('Welcome back');
    expect(french).to.not.equal(en.signIn.title);
  });

  it('a missing phrase is reported, then English (or the key) is shown', () => {
    const missing: string[] = [];
    const off = onMissingKey((locale, key) => missing.push(`${locale}:${key}`));
    const englishOnly = { en: { extra: { only: 'English only' } } } as TranslationsByLanguage;
    expect(translator('de', englishOnly)('extra.only')).to.equal('English only');
    expect(translator('en')('nope.nothing')).to.equal('nope.nothing');
    expect(translator('de')('signIn.title')).to.not.equal('signIn.title');
    off();
    expect(missing).to.deep.equal(['de:extra.only', 'en:nope.nothing']);
  });
});

describe('i18n: plurals and numbers', () => {
  it('English: 1 character, 8 characters', () => {
    const en$ = translator('en');
    expect(en$('password.minLength', { count: 1 })).to.equal('At least 1 character');
    expect(en$('password.minLength', { count: 8 })).to.equal('At least 8 characters');
  });

  it('numbers are formatted for the language', () => {
    const plain = { en: { password: { minLength_other: '{{count}}', minLength_one: '{{count}}' } } };
    expect(translator('en', plain)('password.minLength', { count: 1000 })).to.equal('1,000');
    const german = { de: { password: { minLength_other: '{{count}}' } } };
    expect(translator('de', german)('password.minLength', { count: 1234.5 })).to.equal('1.234,5');
  });

  it('i18next picks each CLDR category by its own rules (ru: 1 one, 3 few, 5 many, 21 one, 1.5 other)', () => {
    const forms = { ru: { password: { minLength_one: 'one {{count}}', minLength_few: 'few {{count}}', minLength_many: 'many {{count}}', minLength_other: 'other {{count}}' } } };
    const ru = translator('ru', forms);
    expect([1, 3, 5, 21, 1.5].map((count) => ru('password.minLength', { count }))).to.deep.equal(['one 1', 'few 3', 'many 5', 'one 21', 'other 1,5']);
  });

  for (const code of LOCALES) {
    it(`${code}: minLength uses the locale's own form for every plural category`, async () => {
      const messages = await load(code);
      const password = messages.password as Record<string, string>;
      expect(password, `${code} has password messages`).to.be.an('object');
      const t$ = translator(code);
      for (const category of new Intl.PluralRules(code).resolvedOptions().pluralCategories) {
        const n = sampleFor(code, category);
        expect(n, `a number in category ${category}`).to.not.equal(undefined);
        const form = password[`minLength_${category}`];
        expect(form, `${code} password.minLength_${category}`).to.be.a('string');
        const expected = form!.replace(/\{\{\s*count\s*\}\}/g, new Intl.NumberFormat(code).format(n!));
        expect(t$('password.minLength', { count: n }), `${code}, count ${n}`).to.equal(expected);
      }
    });
  }
});

describe('i18n: the host page\'s own i18next', () => {
  it('is never initialised, changed or given our phrases', async () => {
    expect(getI18n() === i18next, 'a private instance').to.equal(false);
    expect(i18next.isInitialized, 'we never initialise the global instance').to.not.equal(true);
    // The page sets up its own i18next, then we do everything we do.
    await i18next.init({ lng: 'it', fallbackLng: false, resources: { it: { translation: { hello: 'Ciao', signIn: { title: 'Pagina' } } } } });
    await loadLanguage('de');
    addTranslations('en', { signUp: { title: 'Register' } });
    expect(translator('de')('signIn.title')).to.not.equal('Pagina');
    expect(translator('en')('hello'), 'the page\'s phrases are not ours either').to.equal('hello');
    expect(i18next.language).to.equal('it');
    expect(i18next.t('hello')).to.equal('Ciao');
    expect(i18next.t('signIn.title')).to.equal('Pagina');
    expect(i18next.hasResourceBundle('en', 'translation')).to.equal(false);
    expect(i18next.hasResourceBundle('de', 'translation')).to.equal(false);
    addTranslations('en', { signUp: { title: en.signUp.title } });
  });
});
