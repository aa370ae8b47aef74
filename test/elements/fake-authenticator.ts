// The real <cognito-authenticator> with its engine on fakes (a fake Cognito, a fake clock), given through the
// element's one seam, createFlow: what the element tests of whole journeys share.
import '../../components/index.js';
import { CognitoAuthenticator } from '../../components/authenticator.js';
import type { AuthConfig } from '../../src/config.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { CLIENT, POOL } from '../support/fake-cognito.js';

export interface FakeAuthenticators {
  /** A new element in the page: user pool, client, USER_PASSWORD_AUTH and memory storage unless `attrs` say otherwise. */
  create(attrs?: Record<string, string>): Promise<CognitoAuthenticator>;
  /** Removes every element `create` added (for afterEach). */
  removeAll(): void;
}

/**
 * Defines `tag` as the authenticator whose engine takes `fakes()` over the element's own deps (its webauthn loader
 * stays). `fakes` is called as each engine is built, so a test's beforeEach may replace the fakes it returns.
 */
export function fakeAuthenticators(tag: string, fakes: () => Partial<FlowDeps>): FakeAuthenticators {
  class FakeAuthenticator extends CognitoAuthenticator {
    protected override createFlow(config: AuthConfig, deps: FlowDeps): AuthFlow {
      return new AuthFlow(config, { ...deps, ...fakes() });
    }
  }
  customElements.define(tag, FakeAuthenticator);
  const created: Element[] = [];
  return {
    async create(attrs = {}) {
      const el = document.createElement(tag) as FakeAuthenticator;
      const all = { 'user-pool-id': POOL, 'client-id': CLIENT, 'auth-flow': 'USER_PASSWORD_AUTH', storage: 'memory', ...attrs };
      for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
      document.body.append(el);
      created.push(el);
      await el.updateComplete;
      return el;
    },
    removeAll() {
      for (const el of created.splice(0)) el.remove();
    },
  };
}
