import { createInstance, type FormatterModule, type i18n as I18n } from 'i18next';
import { formatValue, type Resource } from './i18n-lite.js';

/**
 * The private i18next instance (the page's own global i18next, if any, is never touched). src/i18n-phrases.ts
 * loads this module with import() only when a page needs it (a language other than English, an override), and
 * hands it every phrase it holds; until then src/i18n-lite.ts answers with the same output.
 */
export function createI18next(resources: Record<string, Record<string, Resource>>, ns: string): I18n {
  const numbers: FormatterModule = {
    type: 'formatter',
    init() {},
    add() {},
    addCached() {},
    format: (value: unknown, format: string | undefined, lng: string | undefined) => formatValue(value, format, lng ?? 'en') as string,
  };
  const instance = createInstance();
  instance.use(numbers);
  void instance.init({
    lng: 'en',
    fallbackLng: 'en',
    load: 'currentOnly',
    ns: [ns],
    defaultNS: ns,
    resources,
    nsSeparator: false,
    interpolation: { escapeValue: false, alwaysFormat: true }, // Lit renders text, never HTML: escaping would show &amp;.
    returnNull: false,
    // A key naming a whole section gives the key back, as a missing one does (and as the built-in lookup does).
    returnedObjectHandler: (key: string) => key,
    initAsync: false, // resources are inline, so init completes synchronously.
  });
  return instance;
}
