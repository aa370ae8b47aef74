// What the account stories share: a signed-in AuthFlow and an AccountFlow over a scripted Cognito that answers from
// a fixed user (no network), so every section renders each of its states. Nothing here is a real token.
import type { CognitoApi } from '../src/api/operations.js';
import { AccountFlow, type AccountOptions } from '../src/account/index.js';
import { AuthFlow } from '../src/flow/auth-flow.js';
import { parseConfig } from '../src/config.js';
import { toAuthError } from '../src/errors.js';
import { MemoryStorage } from '../src/session/index.js';
import type { StoryObj } from './csf.js';
import { EXAMPLE_CLIENT, EXAMPLE_POOL, frame, type FrameArgs } from './story-kit.js';

function b64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const token = (claims: Record<string, unknown>) => `${b64url({ alg: 'none' })}.${b64url(claims)}.story`;

export interface AccountScript {
  /** Attributes of GetUser (email, given_name, …; `email_verified` "false" shows the unverified state). */
  attributes?: Record<string, string>;
  mfa?: string[];
  passkeys?: { CredentialId: string; FriendlyCredentialName: string; CreatedAt?: number; AuthenticatorAttachment?: string }[];
  devices?: { DeviceKey: string; name: string; remembered: boolean; lastUsed?: number }[];
  /** Operations that fail with this Cognito exception. */
  fail?: Partial<Record<keyof CognitoApi, string>>;
  /** Operations that never answer (the busy state). */
  hang?: (keyof CognitoApi)[];
}

function api(script: AccountScript): CognitoApi {
  const attributes = { sub: 'story-user', email: 'ada@example.com', email_verified: 'true', given_name: 'Ada', ...script.attributes };
  const answers: Partial<Record<keyof CognitoApi, () => unknown>> = {
    initiateAuth: () => ({
      AuthenticationResult: {
        IdToken: token({ sub: 'story-user', 'cognito:username': 'story-user', email: attributes.email, token_use: 'id' }),
        AccessToken: token({ sub: 'story-user', username: 'story-user', token_use: 'access' }),
        RefreshToken: 'story-refresh',
        ExpiresIn: 3600,
      },
    }),
    getUser: () => ({
      Username: 'story-user',
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      UserMFASettingList: script.mfa ?? [],
      PreferredMfaSetting: script.mfa?.[0],
    }),
    listWebAuthnCredentials: () => ({ Credentials: script.passkeys ?? [] }),
    listDevices: () => ({
      Devices: (script.devices ?? []).map((d) => ({
        DeviceKey: d.DeviceKey,
        DeviceLastAuthenticatedDate: d.lastUsed,
        DeviceAttributes: [
          { Name: 'device_name', Value: d.name },
          { Name: 'dev:device_remembered_status', Value: d.remembered ? 'remembered' : 'not_remembered' },
        ],
      })),
    }),
    associateSoftwareToken: () => ({ SecretCode: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
    updateUserAttributes: () => ({ CodeDeliveryDetailsList: [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com' }] }),
    getUserAttributeVerificationCode: () => ({ CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com' } }),
  };
  return new Proxy({} as CognitoApi, {
    get: (_t, op: keyof CognitoApi) => async () => {
      if (script.hang?.includes(op)) return new Promise(() => undefined);
      const failure = script.fail?.[op];
      if (failure) throw toAuthError({ name: failure, message: failure, $metadata: { httpStatusCode: 400 } });
      return answers[op]?.() ?? {};
    },
  });
}

/** A signed-in AuthFlow and an AccountFlow over the scripted Cognito. */
export async function storyAccount(script: AccountScript = {}, options: AccountOptions = {}): Promise<{ flow: AuthFlow; account: AccountFlow }> {
  const cognito = api(script);
  const flow = new AuthFlow(parseConfig({ userPoolId: EXAMPLE_POOL, clientId: EXAMPLE_CLIENT, authFlow: 'USER_PASSWORD_AUTH', signUpAttributes: 'given_name family_name email' }), {
    api: cognito,
    storage: new MemoryStorage(),
  });
  await flow.signIn({ username: 'ada', password: 'story-password' });
  return { flow, account: new AccountFlow(flow, { attributes: 'given_name family_name email', ...options }, { api: cognito }) };
}

/** A story of one account element (`tag`) in the frame, over `script`; `play` acts on it once shown. */
export function accountStory(
  tag: string,
  spec: { name?: string; script?: AccountScript; options?: AccountOptions; signedOut?: boolean; props?: Record<string, unknown>; play?: (el: HTMLElement) => Promise<void> | void },
): StoryObj<FrameArgs> {
  return {
    ...(spec.name ? { name: spec.name } : {}),
    // The element this story shows, when it is not the meta's (a section of <cognito-account>).
    parameters: { component: tag },
    render: (args) => {
      const el = document.createElement(tag) as HTMLElement & { account?: AccountFlow; flow?: AuthFlow; updateComplete?: Promise<unknown> };
      Object.assign(el, spec.props ?? {});
      if (spec.signedOut) {
        const flow = new AuthFlow(parseConfig({ userPoolId: EXAMPLE_POOL, clientId: EXAMPLE_CLIENT }), { api: api({}), storage: new MemoryStorage() });
        el.flow = flow;
        el.account = new AccountFlow(flow, {}, { api: api({}) });
      } else {
        void storyAccount(spec.script, spec.options).then(async ({ flow, account }) => {
          el.flow = flow;
          el.account = account;
          await el.updateComplete;
          await spec.play?.(el);
        });
      }
      return frame(args, el);
    },
  };
}

/** Waits for `selector` inside `el` (the scripted answers arrive after a few microtasks). */
export async function shown(el: HTMLElement, selector: string): Promise<HTMLElement | null> {
  for (let i = 0; i < 100; i++) {
    const found = el.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}
