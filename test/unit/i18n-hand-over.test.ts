// src/i18n.ts before and after i18next: English (with overrides) is there at once without i18next, i18next is fetched
// only when asked for (an override, another language, or an element's first paint: test/elements/i18n-first-paint),
// and once it takes over every phrase reads as before. This page imports nothing that loads i18next by itself.
import { expect } from 'chai';
import en, { ENGLISH_MODULES } from '../../src/locales/en.js';
import {
  addEnglish,
  addTranslations,
  getI18n,
  hasPhrase,
  isLoaded,
  loadI18next,
  loadLanguage,
  onMissingKey,
  translator,
  type Locale,
  type TranslationsByLanguage,
} from '../../src/i18n.js';

performance.setResourceTimingBufferSize(100_000);

// English as the screens bring it (each screen's module registers its phrases when its code loads): all of it here,
// but for three modules the tests below add late, before the hand-over, with an override, and after it.
const { account, afterSignIn, codes, ...present } = ENGLISH_MODULES;
for (const module of Object.values(present)) addEnglish(module);

/** Whether this page has fetched i18next or the module that sets it up. */
const i18nextFetched = () => performance.getEntriesByType('resource').some((e) => /\/(i18next|i18n-next)[./]/.test(new URL(e.name).pathname));

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of English (plural forms by their base key). */
function keys(resource: object = en, prefix = ''): string[] {
  return [
    ...new Set(
      Object.entries(resource).flatMap(([k, v]) => {
        const path = prefix ? `${prefix}.${k}` : k;
        return typeof v === 'object' ? keys(v as object, path) : [path.replace(PLURAL, '')];
      }),
    ),
  ];
}

const VARS = { medium: 'SMS', destination: '+*******0100', example: '+14155550100', device: 'Work phone', name: 'Ada', attribute: 'client-id', message: 'is required', field: 'Email', provider: 'Google' };

/** Every phrase as an element would show it, for `locale` with `overrides`, plus what is missing. */
function snapshot(locale: Locale, overrides?: TranslationsByLanguage): string[] {
  const t = translator(locale, overrides);
  return [...keys(), 'legal.text'].flatMap((key) => [
    `${key}: ${t(key, VARS)}`,
    `${key} (has): ${hasPhrase(locale, key, overrides)}`,
    ...[0, 1, 2, 1000].map((count) => `${key} (${count}): ${t(key, { ...VARS, count })}`),
  ]);
}

describe('i18n: before and after i18next', () => {
  // First in this file: nothing has asked for i18next yet.
  it('English, plurals and interpolation are there at once, without i18next', () => {
    expect(getI18n(), 'no i18next yet').to.equal(undefined);
    expect(isLoaded('en')).to.equal(true);
    const t = translator('en');
    expect(t('signIn.title')).to.equal('Sign in');
    expect(t('password.minLength', { count: 1 })).to.equal('At least 1 character');
    expect(t('password.minLength', { count: 1000 })).to.equal('At least 1,000 characters');
    expect(t('signedIn.as', { name: '<b>Ada</b>' })).to.equal('Signed in as <b>Ada</b>');
    expect(t('signedIn.as'), 'a variable not given stays as written').to.equal('Signed in as {{name}}');
    // A screen's English arrives with its code: missing until then (the key is shown), then there.
    expect([t('account.title'), hasPhrase('en', 'account.title')]).to.deep.equal(['account.title', false]);
    addEnglish(account);
    expect([t('account.title'), hasPhrase('en', 'account.title')]).to.deep.equal(['Your account', true]);
    expect(t('account.devices.lastUsed', { date: '4 December' })).to.equal('Last used 4 December');
    expect(hasPhrase('en', 'legal.text')).to.equal(false);
    const missing: string[] = [];
    const off = onMissingKey((locale, key) => missing.push(`${locale}:${key}`));
    expect(t('nope.nothing')).to.equal('nope.nothing');
    off();
    expect(missing).to.deep.equal(['en:nope.nothing']);
    expect(i18nextFetched(), 'i18next not fetched').to.equal(false);
    expect(getI18n()).to.equal(undefined);
  });

  it('hands over to i18next with every phrase, override and per-element namespace unchanged', async () => {
    const mine: TranslationsByLanguage = {
      en: { signIn: { title: 'Welcome back' }, password: { minLength_other: '{{count}} or more' } },
      'de-CH': { signIn: { title: 'Grüezi' } },
    };
    // An override asks for i18next at once; until it has loaded the built-in lookup answers, overrides included.
    addTranslations('en', { signUp: { title: 'Register' }, password: { minLength_one: 'One character at least' }, legal: { text: 'Terms for {{name}}.' } });
    // An override of a phrase whose module has not arrived yet still wins once it arrives; the rest of it shows.
    addTranslations('en', { passkeyPrompt: { title: 'A passkey?' } });
    addEnglish(afterSignIn);
    expect(translator('en')('passkeyPrompt.title')).to.equal('A passkey?');
    expect(translator('en')('passkeyPrompt.notNow')).to.equal(en.passkeyPrompt.notNow);
    expect(translator('en', mine)('passkeyPrompt.title')).to.equal('A passkey?');
    const beforeShared = snapshot('en');
    const beforeMine = snapshot('en', mine);
    const beforeGerman = snapshot('de', mine); // German not loaded: its override, then English, as i18next does
    expect(getI18n(), 'still the built-in lookup').to.equal(undefined);
    expect(beforeShared).to.include('signUp.title: Register');
    expect(beforeShared).to.include('password.minLength (1): One character at least');
    expect(beforeShared).to.include('legal.text: Terms for Ada.');
    expect(beforeMine).to.include('signIn.title: Welcome back');
    expect(beforeMine).to.include('password.minLength (1000): 1,000 or more');
    expect(beforeMine).to.include('password.minLength (1): One character at least');
    expect(beforeGerman).to.include('signIn.title: Grüezi');
    expect(beforeGerman).to.include('signIn.submit: Sign in');

    const instance = await loadI18next();
    expect(getI18n() === instance, 'i18next answers now').to.equal(true);
    expect(i18nextFetched()).to.equal(true);
    expect(snapshot('en')).to.deep.equal(beforeShared);
    expect(snapshot('en', mine)).to.deep.equal(beforeMine);
    expect(snapshot('de', mine)).to.deep.equal(beforeGerman);
    // i18next itself holds the phrases now (not a lookup beside it).
    expect(instance.t('signUp.title', { lng: 'en' })).to.equal('Register');
    expect(instance.hasResourceBundle('en', 'translation')).to.equal(true);

    // A module that arrives after the hand-over goes to i18next, under the overrides given before it, and the module
    // itself stays untouched by later overrides.
    addTranslations('en', { mfaCode: { title: 'Your code' } });
    expect(translator('en')('mfaCode.submit'), 'not arrived yet').to.equal('mfaCode.submit');
    addEnglish(codes);
    expect(translator('en')('mfaCode.submit')).to.equal('Verify');
    expect(translator('en')('mfaCode.title')).to.equal('Your code');
    expect(instance.t('mfaCode.totp', { lng: 'en' })).to.equal(en.mfaCode.totp);
    addTranslations('en', { mfaCode: { totp: 'Changed' } });
    expect(codes.mfaCode.totp, 'the English module itself is never changed').to.equal('Enter the code from your authenticator app.');

    // Overrides after the hand-over go to i18next, for everyone, as before.
    addTranslations('en', { signUp: { title: en.signUp.title } });
    expect(translator('en')('signUp.title')).to.equal(en.signUp.title);
    expect(en.signUp.title, 'the bundled English module itself is never changed').to.equal('Sign up');
  });

  it('another language comes with i18next, and the per-element overrides given before still apply', async () => {
    const mine: TranslationsByLanguage = { de: { signIn: { title: 'Grüezi' } } };
    translator('de', mine);
    expect(await loadLanguage('de-AT')).to.equal('de');
    const de = (await import('../../src/locales/de.js')).default;
    expect(translator('de')('signIn.title')).to.equal(de.signIn.title);
    expect(translator('de', mine)('signIn.title')).to.equal('Grüezi');
    expect(translator('de', mine)('signIn.submit')).to.equal(de.signIn.submit);
  });
});
