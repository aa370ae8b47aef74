import { html, nothing } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive, type ChildPart, type DirectiveResult } from 'lit/directive.js';
import type { SlotPosition } from './slots.js';

// Where the page's slotted children go (see slots.ts): loaded only for a page that has any.

const SLOT = /^(?:[a-z]+(?:-[a-z]+)*-)?(?:header|footer|before-submit)$/;

interface Owner {
  /** The page's slotted children, in page order. */
  nodes: Element[];
  /** Where they wait while no screen shows them. */
  holder: HTMLElement;
}

const owners = new WeakMap<Element, Owner>();

/**
 * The slots of the element around `screen`: the authenticator (found by its `.cognito-root`, whatever its tag), or the
 * screen itself when it is used on its own. The holder goes first in the element's render container, before the
 * content Lit renders there, so no render ever touches it.
 */
function ownerOf(screen: Element): Owner {
  // As slots.ts's slotOwner (not imported from there: this chunk then needs nothing of the first paint's modules).
  const element = screen.closest('.cognito-root')?.parentElement ?? screen;
  const root = element === screen ? undefined : element.querySelector(':scope > .cognito-root');
  let owner = owners.get(element);
  if (!owner) {
    const holder = document.createElement('div');
    holder.hidden = true;
    holder.dataset.cognitoSlots = '';
    // Inline through the CSSOM (allowed by a strict style-src): page CSS giving divs a display cannot show it.
    holder.style.setProperty('display', 'none', 'important');
    (root ?? screen).prepend(holder);
    owners.set(element, (owner = { nodes: [], holder }));
  }
  for (const child of [...element.children]) {
    if (!SLOT.test(child.slot) || owner.nodes.includes(child)) continue;
    owner.nodes.push(child);
    owner.holder.append(child);
  }
  // After Lit has committed this render (its new nodes are then in the document): what a gone screen left behind.
  const o = owner;
  queueMicrotask(() => park(o));
  return owner;
}

/** Every slotted node no screen shows (left behind by a screen that is gone) back into the holder. */
function park(owner: Owner): void {
  for (const node of owner.nodes) {
    if (node.parentElement === owner.holder) continue;
    if (!node.isConnected || !node.parentElement?.hasAttribute('data-slot')) owner.holder.append(node);
  }
}

class SlottedDirective extends AsyncDirective {
  #owner: Owner | undefined;

  render(_position: SlotPosition): unknown {
    return nothing;
  }

  override update(part: ChildPart, [position]: [SlotPosition]): unknown {
    const host = part.options?.host;
    if (!(host instanceof Element)) return nothing;
    const owner = (this.#owner = ownerOf(host));
    const names = [position, `${(host as { screen?: string }).screen ?? ''}-${position}`];
    const nodes = owner.nodes.filter((n) => names.includes(n.slot));
    // The same template each time: Lit keeps the nodes where they are while the list is unchanged.
    return nodes.length ? html`<div class="cognito-slot" data-slot=${position}>${nodes}</div>` : nothing;
  }

  /** The screen left (or re-rendered without this place): its slotted nodes go back to the holder once Lit is done. */
  protected override disconnected(): void {
    const owner = this.#owner;
    if (owner) queueMicrotask(() => park(owner));
  }
}

/** The page's content for `position` on the rendering screen (see SlotPosition), or nothing. */
// Typed through lit's own re-export, so the shipped declarations name `lit` (a dependency), never `lit-html`.
export const placed: (position: SlotPosition) => DirectiveResult<typeof SlottedDirective> = directive(SlottedDirective);
