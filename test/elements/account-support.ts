// Shared by the account element tests: a signed-in AuthFlow on a fake Cognito, an AccountFlow over the same fake, a
// section mounted with it, and the DOM events it dispatches.
import { expect } from 'chai';
import { AccountFlow, type AccountOptions } from '../../src/account/index.js';
import { authResult, harness, settle, type Harness } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import '../../components/account/index.js';

export { until, settle };

export interface AccountHarness extends Harness {
  account: AccountFlow;
  /** Every cognito-account-updated / cognito-error seen on the document, in order. */
  dom: { type: string; detail: Record<string, unknown>; target: EventTarget | null }[];
}

const seen: AccountHarness['dom'] = [];
for (const type of ['cognito-account-updated', 'cognito-error']) {
  document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail, target: e.target }));
}

export const USER = {
  Username: 'user-sub-1',
  UserAttributes: [
    { Name: 'sub', Value: 'user-sub-1' },
    { Name: 'email', Value: 'ada@example.com' },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'given_name', Value: 'Ada' },
  ],
  UserMFASettingList: [] as string[],
};

/** A signed-in user (USER_PASSWORD_AUTH on the fake) and an AccountFlow over the same fake Cognito. */
export async function signedIn(options: AccountOptions = {}, authOptions = {}): Promise<AccountHarness> {
  const h = harness({ signUpAttributes: 'given_name email', ...authOptions });
  h.cognito.on('initiateAuth', () => authResult());
  await h.flow.signIn({ username: 'ada', password: 'Passw0rd!' });
  expect(h.flow.state.screen).to.equal('signed-in');
  const account = new AccountFlow(h.flow, options, { api: h.cognito.api, clock: h.clock });
  seen.length = 0;
  return { ...h, account, dom: seen };
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** Mounts `<tag>` with `.account` (and any other properties) and waits for its first render. */
export async function mountAccount<T extends HTMLElement>(tag: string, props: Record<string, unknown>, parent: HTMLElement = document.body): Promise<T> {
  const el = document.createElement(tag) as T & { updateComplete?: Promise<unknown> };
  Object.assign(el, props);
  parent.append(el);
  mounted.push(parent === document.body ? el : parent);
  await el.updateComplete;
  await settle();
  await el.updateComplete;
  return el;
}

/** Clicks the button with `data-action=action` inside `root` (the n-th when several). */
export async function press(root: ParentNode, action: string, index = 0): Promise<void> {
  const button = root.querySelectorAll<HTMLButtonElement>(`[data-action="${action}"]`)[index];
  if (!button) throw new Error(`no button ${action}`);
  button.click();
  await settle();
  await (root as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await settle();
}

/** Types into the input named `name` as a user would. */
export function fill(root: ParentNode, name: string, value: string, index = 0): void {
  const input = root.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)[index];
  if (!input) throw new Error(`no input ${name}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
}

/** Submits the form around the input or button `selector`. */
export async function submitForm(root: HTMLElement & { updateComplete?: Promise<unknown> }, selector: string): Promise<void> {
  const form = root.querySelector(selector)?.closest('form');
  if (!form) throw new Error(`no form around ${selector}`);
  form.requestSubmit();
  await settle();
  await root.updateComplete;
  await settle();
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
