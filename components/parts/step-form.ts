import { html, type TemplateResult } from 'lit';
import type { AuthFlow } from '../../src/flow/auth-flow.js';
import type { Translate } from '../../src/i18n.js';
import { slotted } from '../controllers/slots.js';
import { actionButton, heading } from './form.js';

// What the one-step screens after the first (a code, a choice, a password, a prompt) share around their own inputs.
// Not in form.ts: that rides in the first paint, and none of these screens is on it.

/**
 * The top of a one-step screen: the header slot, the heading (`<id>-h`, which labels the form) and the instructions
 * (`<id>-desc`, which describe it).
 */
export function stepIntro(id: string, title: string, description: unknown): TemplateResult {
  return html`${slotted('header')}
    <div id=${`${id}-h`}>${heading(title)}</div>
    <p id=${`${id}-desc`} class="textDescription-customizable">${description}</p>`;
}

export interface StepFormOptions {
  /** `data-screen`. */
  screen: string;
  /** The screen's id prefix (see stepIntro). */
  id: string;
  onSubmit: (e: SubmitEvent) => void;
  title: string;
  description: unknown;
}

/** A one-step screen's form: labelled by its heading, described by its instructions, then `body` and the footer slot. */
export function stepForm(o: StepFormOptions, body: TemplateResult): TemplateResult {
  return html`<form
    class="cognito-form"
    data-screen=${o.screen}
    novalidate
    @submit=${o.onSubmit}
    aria-labelledby=${`${o.id}-h`}
    aria-describedby=${`${o.id}-desc`}
  >
    ${stepIntro(o.id, o.title, o.description)} ${body} ${slotted('footer')}
  </form>`;
}

/** "Back" to the sign-in screen, which abandons the sign-in in progress (disabled while a request runs). */
export function backToSignIn(t: Translate, flow: AuthFlow | undefined, busy: boolean): TemplateResult {
  return html`<div class="cognito-links">${actionButton('back', t('common.back'), () => flow?.goTo('sign-in'), busy)}</div>`;
}
