import { createInstance, type i18n as I18n } from 'i18next';
import en from './locales/en.js';

/**
 * A private i18next instance: the page's own global i18next (if any) is never touched. Only English is bundled;
 * other locales arrive later as lazily loaded chunks.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

let instance: I18n | undefined;

export function getI18n(): I18n {
  if (!instance) {
    instance = createInstance();
    // initAsync-free: resources are inline, so init completes synchronously.
    void instance.init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false }, // Lit renders text, never HTML: escaping here would show &amp; to users.
      returnNull: false,
      initAsync: false,
    });
  }
  return instance;
}

export const t: Translate = (key, options) => getI18n().t(key, options) as string;
