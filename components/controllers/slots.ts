import { nothing, type ReactiveElement } from 'lit';
import { Directive, directive, type ChildPart, type DirectiveResult } from 'lit/directive.js';

/**
 * Named slots without a shadow root. A page puts its own content for a screen inside the element as children with a
 * `slot` attribute:
 *
 * - `<screen>-header`, `<screen>-footer`, `<screen>-before-submit`: on that screen only (`sign-up-footer`,
 *   `sign-in-header`, `confirm-sign-up-before-submit`, …; the screen names are the `screen` attribute's values);
 * - `header`, `footer`, `before-submit`: on every screen.
 *
 * Every screen renders `slotted(position)` where the content goes (header first in its form, footer last, before-submit
 * just above the submit button: `submitButton()` brings it; the screens with their own buttons, sign-in-method and
 * passkey-prompt, place it themselves), and the screens' base class waits for slotsReady before a render (test:
 * every screen of the registry, test/elements/shape-slots.test.ts). The children are the page's own
 * nodes: moved, never copied or recreated, so their listeners and state survive screen changes and re-renders. While
 * no screen shows them they wait in a hidden holder inside the element, still in the document (a page can find them
 * by id at any time), never shown, also not once signed in (before any screen has placed them, e.g. a session restored
 * on load, the minimal sheet in styles.ts hides them where the page put them).
 */
export type SlotPosition = 'header' | 'footer' | 'before-submit';

// This part is in the first paint and stays small; what places the nodes (slots-place.ts) loads with import() only
// for a page that has slotted children.
type Place = typeof import('./slots-place.js');
let place: Place | undefined;
let loading: Promise<Place | undefined> | undefined;

/** The element whose children fill the slots: the authenticator (around its `.cognito-root`, whatever its tag), or the screen. */
export function slotOwner(screen: Element): Element {
  return screen.closest('.cognito-root')?.parentElement ?? screen;
}

/**
 * Loads what places slotted content when the page has any; a promise while it loads (a screen's first render waits
 * for it, so the page's content comes with the form), undefined when there is nothing to wait for.
 */
export function slotsReady(screen: Element): Promise<unknown> | undefined {
  if (place || !slotOwner(screen).querySelector(':scope > [slot]')) return undefined;
  loading ??= import('./slots-place.js').then(
    (m) => (place = m),
    (error: unknown) => {
      loading = undefined;
      console.warn('cognito-elements: the slotted content could not be placed', error);
      return undefined;
    },
  );
  return loading;
}

class SlottedDirective extends Directive {
  render(_position: SlotPosition): unknown {
    return nothing;
  }

  override update(part: ChildPart, [position]: [SlotPosition]): unknown {
    const host = part.options?.host;
    if (!(host instanceof Element)) return nothing;
    if (place) return place.placed(position);
    void slotsReady(host)?.then(() => (host as Partial<ReactiveElement>).requestUpdate?.());
    return nothing;
  }
}

/** The page's content for `position` on the rendering screen (see SlotPosition), or nothing. */
// Typed through lit's own re-export, so the shipped declarations name `lit` (a dependency), never `lit-html`.
export const slotted: (position: SlotPosition) => DirectiveResult<typeof SlottedDirective> = directive(SlottedDirective);
