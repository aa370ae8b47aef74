// Shared by the element tests: mount a screen with a flow on a fake Cognito, fill inputs by name, submit, wait.
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect } from 'chai';
import type { AuthFlow } from '../../src/flow/auth-flow.js';
import { harness, settle, type Harness } from '../support/fake-cognito.js';
import type { AuthOptions } from '../../src/config.js';

import { mfaJourney, mfaSetupJourney, newPasswordJourney, resetJourney, signUpJourney } from '../../src/flow/journeys.js';

export { harness, settle };
export type { Harness };

// The element tests are about what each screen shows and sends, not about downloads: the journeys the engine loads on
// first use are loaded here once, so a submit's answer never waits for a module behind the helpers' fixed settle().
// (Loading on demand has its own tests: test/node/size.test.js, first-paint, and the e2e journeys, which wait for
// screens.)
await Promise.all([mfaJourney(), signUpJourney(), resetJourney(), mfaSetupJourney(), newPasswordJourney()]);

const mounted: HTMLElement[] = [];

/** Creates `<tag>` with `.flow` set, attaches it to the document, and waits for its first render. */
export async function mount<T extends HTMLElement>(tag: string, flow: AuthFlow | undefined, props: Record<string, unknown> = {}): Promise<T> {
  const el = document.createElement(tag) as T & { flow?: AuthFlow; updateComplete?: Promise<unknown> };
  if (flow) el.flow = flow;
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

export function input(root: ParentNode, name: string): HTMLInputElement {
  const el = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

/** Types into an input as a user would: sets the value and fires input. */
export function type(root: ParentNode, name: string, value: string): void {
  const el = input(root, name);
  el.focus();
  el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
}

/** What a screen reader reads after an input's label: the text of the elements its aria-describedby names. */
export function described(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
}

/** Submits the screen's form the way Enter or the submit button would. */
export async function submit(root: ParentNode): Promise<void> {
  const button = root.querySelector<HTMLButtonElement>('.submitButton-customizable');
  if (!button) throw new Error('no submit button');
  button.click();
  await settle();
  await (root as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await settle();
}

export async function click(root: ParentNode, selector: string): Promise<void> {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
  await settle();
}

/** Runs axe-core on `el` and fails with the violations listed. */
export async function expectAccessible(el: Element): Promise<void> {
  // axe-core is a UMD script: imported as a module it installs itself as window.axe.
  const axe = (globalThis as unknown as { axe: { run(el: Element, o: RunOptions): Promise<AxeResults> } }).axe;
  const result = await axe.run(el, { resultTypes: ['violations'] });
  const details = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(details, details.join('\n')).to.deep.equal([]);
}

export function makeHarness(options: AuthOptions = {}): Harness {
  return harness(options);
}
