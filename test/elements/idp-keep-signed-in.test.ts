// "Keep me signed in" on the sign-in forms that leave for an identity provider without a provider button being
// pressed: idp-routing="auto" (a typed email whose domain routes) and hide-native (providers only). The box is on the
// form, and what it says goes with the pending sign-in (src/flow/hosted.ts keepChoice), as for a provider button.
import { expect } from 'chai';
import '../../components/index.js';
import type { AuthOptions } from '../../src/config.js';
import { MemoryStorage } from '../../src/session/index.js';
import { KeepSignedInStorage } from '../../src/session/storage.js';
import { CLIENT } from '../support/fake-cognito.js';
import { harness, input, mount, submit } from './helpers.js';
import { until } from '../support/until.js';

const PROVIDERS = [{ name: 'Google' }, { name: 'Okta', label: 'Acme', identifiers: ['acme.com'] }];

async function form(extra: AuthOptions) {
  const pending = new MemoryStorage();
  const navigated: string[] = [];
  const options = { domain: 'https://auth.example.com', redirectUri: 'https://app.example.com/', allowCrossOriginRedirect: true, keepSignedIn: true, identityProviders: PROVIDERS };
  const storage = new KeepSignedInStorage(new MemoryStorage(), new MemoryStorage(), true);
  const h = harness({ ...options, ...extra }, { storage, oauth: { storage: pending, navigate: (url) => navigated.push(url) } });
  const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', h.flow);
  const recorded = () => (JSON.parse(pending.getItem(`cognito-elements.${CLIENT}.oauth`)!) as { keepSignedIn?: unknown }).keepSignedIn;
  const box = await until(() => el.querySelector<HTMLInputElement>('input[name="keep_signed_in"]'), 'the box');
  return { h, el, box, navigated, recorded };
}

describe('"Keep me signed in" with identity-provider routing', () => {
  it('idp-routing="auto": the box stays on the form when an email routes, and unticked it goes with the redirect', async () => {
    const { h, el, box, navigated, recorded } = await form({ idpRouting: 'auto', usernameAttributes: 'email' });
    box.click();
    const username = input(el, 'username');
    username.value = 'ada@acme.com';
    username.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await until(() => el.querySelector('input[name="password"]') === null, 'the routed form');
    expect(el.querySelector<HTMLInputElement>('input[name="keep_signed_in"]')?.checked, 'the box, still unticked').to.equal(false);
    await submit(el);
    await until(() => navigated.length === 1, 'the redirect');
    expect(new URL(navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    expect(recorded()).to.equal(false);
    expect(h.flow.keepSignedIn).to.equal(false);
  });

  it('hide-native: the box is there, with the providers, and goes with a button and with the email box', async () => {
    const { el, box, navigated, recorded } = await form({ hideNative: true });
    box.click();
    el.querySelector<HTMLButtonElement>('[data-provider="Google"]')!.click();
    await until(() => navigated.length === 1, 'the redirect');
    expect(recorded(), 'unticked, by a button').to.equal(false);
    box.click();
    input(el, 'email').value = 'ada@acme.com';
    el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
    await until(() => navigated.length === 2, 'the second redirect');
    expect(recorded(), 'ticked, by the email box').to.equal(true);
  });
});
