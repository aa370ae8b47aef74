import { Localizer } from '../../src/i18n.js';

export type { LocalizerOptions } from '../../src/i18n.js';

/**
 * An element's language (see Localizer: resolves it from `lang`, loads its locale, re-renders on a change, writes
 * `lang` and `dir`), plus the one rule every element shares: its first render waits until the locale is there, so a
 * page in German never flashes English.
 */
export class LocalizeController extends Localizer {
  /**
   * For an element's `scheduleUpdate`: runs `update` at once when the locale (and every promise in `also`, e.g. a
   * stylesheet the first render must not come without) is ready, else once they are.
   */
  schedule(update: () => void | Promise<unknown>, ...also: (Promise<unknown> | undefined)[]): void | Promise<unknown> {
    const waits = [this.whenReady(), ...also].filter((p): p is Promise<unknown> => p !== undefined);
    if (!waits.length) return update();
    return (waits.length === 1 ? waits[0] : Promise.all(waits)).then(update);
  }
}
