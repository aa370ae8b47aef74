// The options of <cognito-authenticator>, as ONE table: each row is a property, its attribute, and whether it is an
// engine option (an `AuthOptions` key of the same name). The table gives the element its Lit `static properties`
// (each row is a Lit property declaration: `attribute`, `type`, `reflect`; Lit ignores `engine`),
// its TypeScript property types (`OptionProperties`), the `AuthOptions` it starts the engine with, the list of
// properties whose change restarts the engine, and — read by custom-elements-manifest.config.mjs — the attributes and
// properties of custom-elements.json, described by the JSDoc of each row. A new option is one row here (plus its
// parsing in src/config.ts when it is an engine option).
//
// Types only are imported: the manifest plugin reads this file's syntax, and it costs the first paint nothing.
import type { AuthOptions, RevokeTokenFn, SecretHashFn, SmsMfaSetupFn } from '../../src/config.js';
import type { ClientMetadataOption, UserContextDataFn } from '../../src/config.js';
import type { TranslationsByLanguage } from '../../src/i18n.js';
import type { ShapedFormFields, SignUpValidator } from '../parts/fields/types.js';
import type { ThemeName } from '../styles.js';

export interface OptionRow<T = unknown> {
  /** The HTML attribute, or false for a property-only option (objects and functions). */
  readonly attribute: string | false;
  /** `Boolean`: true while the attribute is present. Otherwise the attribute's text, parsed by the engine. */
  readonly type?: BooleanConstructor;
  /** Written back to the attribute (the themes select on `theme`). */
  readonly reflect?: true;
  /** Sets the `AuthOptions` key of the same name; a change restarts the engine. Absent: the element alone uses it. */
  readonly engine?: true;
  /** Reads the attribute's text (as Lit's property `converter`); without it, the text itself (or presence, for Boolean). */
  readonly converter?: (value: string | null) => unknown;
  /**
   * Never set: names the property's TypeScript type (write the row `{ … } as OptionRow<T>`) when it is not
   * `string | null` (an attribute) or `boolean` (`type: Boolean`).
   */
  readonly value?: T;
}

/** An on/off attribute whose absence means "the default": present or "on"/"true" -> true, "off"/"false"/"no" -> false. */
function onOff(value: string | null): boolean | undefined {
  return value === null ? undefined : !/^(off|false|no|0)$/i.test(value.trim());
}

export const OPTIONS = {
  /** Required, e.g. us-east-1_AbCdEf123. */
  userPoolId: { attribute: 'user-pool-id', engine: true },
  /** Required: the app client id. */
  clientId: { attribute: 'client-id', engine: true },
  /** Default: the user pool id's prefix. */
  region: { attribute: 'region', engine: true },
  /** Override the Cognito endpoint (e.g. a local emulator). */
  endpoint: { attribute: 'endpoint', engine: true },
  /** USER_SRP_AUTH (default) or USER_PASSWORD_AUTH. */
  authFlow: { attribute: 'auth-flow', engine: true },
  /** sign-in (default), sign-up or forgot-password. */
  initialScreen: { attribute: 'initial-screen' },
  /** email, phone_number, both, or absent for plain usernames (as in the pool). */
  usernameAttributes: { attribute: 'username-attributes', engine: true },
  /** Space-separated Cognito attributes asked at sign-up (standard or custom:). */
  signUpAttributes: { attribute: 'sign-up-attributes', engine: true },
  /** Cognito PasswordPolicyType JSON. */
  passwordPolicy: { attribute: 'password-policy', engine: true },
  /** Hide "Need an account? Sign up" (for pools where only administrators create users). */
  hideSignUp: { attribute: 'hide-sign-up', type: Boolean },
  /** memory, session or local (default). */
  storage: { attribute: 'storage', engine: true },
  /** Image URL for the banner (https, relative or data:image). */
  logo: { attribute: 'logo' },
  /** The banner image on a dark theme (theme="dark", or "auto" in a dark colour scheme); default: `logo` on a light plate. */
  logoDark: { attribute: 'logo-dark' },
  /** Text under the form (per language: `translations` / addTranslations with `legal.text`). */
  legalText: { attribute: 'legal-text' },
  /**
   * classic (default: Cognito's classic hosted UI look), modern, dark, or auto (classic or dark, following
   * prefers-color-scheme); reflected, since the themes select on it. Non-default themes load on first use. Tune any
   * theme with the --cognito-* custom properties.
   */
  theme: { attribute: 'theme', reflect: true } as OptionRow<ThemeName | null>,
  /**
   * Hosted-UI CSS as GetUICustomization returns it (its `CSS`): sanitized (Cognito's classes and properties only) and
   * applied to this element alone.
   */
  customizationCss: { attribute: 'customization-css' },
  /** All options as one object (same meaning as the attributes); attributes win where both are set. */
  config: { attribute: false } as OptionRow<AuthOptions | undefined>,
  /** For app clients with a secret: computes SECRET_HASH on your server. No secret ever belongs in the browser. */
  secretHash: { attribute: false, engine: true } as OptionRow<SecretHashFn | undefined>,
  /**
   * How tokens are refreshed: auto (default: GetTokensFromRefreshToken, which works with and without refresh-token
   * rotation; REFRESH_TOKEN_AUTH where the endpoint does not know it), GetTokensFromRefreshToken or REFRESH_TOKEN_AUTH.
   */
  refreshCall: { attribute: 'refresh-call', engine: true },
  /**
   * Revokes a refresh token through your server (`({ refreshToken, clientId }) => Promise<void>`): for app clients with
   * a secret, whose RevokeToken needs the secret itself; when set it replaces RevokeToken for any client.
   */
  revokeToken: { attribute: false, engine: true } as OptionRow<RevokeTokenFn | undefined>,
  /**
   * Lets SMS MFA be set up during sign-in: your server checks the password it is given with AdminInitiateAuth, then adds
   * the phone number; see SmsMfaSetupFn and the README's "SMS MFA set-up during sign-in".
   */
  smsMfaSetup: { attribute: false, engine: true } as OptionRow<SmsMfaSetupFn | undefined>,
  /**
   * Per-field label, placeholder, order and requiredness, keyed by input name (e.g. `given_name`); on sign-up also a
   * `type` (checkbox, select, date, tel), its `options`, a checkbox's `link`, and `send: 'metadata'` for a value that
   * goes only to ClientMetadata. A field with a `type` that is not a sign-up attribute is added to the sign-up form.
   */
  formFields: { attribute: false } as OptionRow<ShapedFormFields | undefined>,
  /**
   * Checks the sign-up form before it is sent: `(values) => ({ field: 'message' })`, sync or async; each message
   * shows under its field and blocks the submit. `values` holds what would be sent (never the password).
   */
  validateSignUp: { attribute: false } as OptionRow<SignUpValidator | undefined>,
  /**
   * ClientMetadata for the pool's Lambda triggers, sent with every request that takes it: an object of strings, or
   * `({ operation }) => object` (operation: SignUp, InitiateAuth, …).
   */
  clientMetadata: { attribute: false, engine: true } as OptionRow<ClientMetadataOption | undefined>,
  /**
   * Threat protection data, `(username) => EncodedData`: replaces AWS's collection script
   * (AmazonCognitoAdvancedSecurityData), which is used by itself when it is on the page.
   */
  userContextData: { attribute: false, engine: true } as OptionRow<UserContextDataFn | undefined>,
  /**
   * Shows "Keep me signed in" on sign-in: ticked keeps the user's tokens in localStorage, unticked in sessionStorage
   * (this tab only). Ticked at first when `storage` is local (the default).
   */
  keepSignedIn: { attribute: 'keep-signed-in', type: Boolean, engine: true },
  /**
   * Phrase overrides for this element only, per language: `{ en: { signIn: { title: 'Log in' } }, de: { … } }`, any
   * key of the locale files plus `legal.text`. Assign a new object to change them.
   */
  translations: { attribute: false } as OptionRow<TranslationsByLanguage | undefined>,
  /** The user pool domain for identity providers: https://auth.example.com or <prefix>.auth.<region>.amazoncognito.com. */
  domain: { attribute: 'domain', engine: true },
  /** Where Cognito sends users back after an identity provider (default: this page without query and hash). */
  redirectUri: { attribute: 'redirect-uri', engine: true },
  /** OAuth scopes for identity providers (default: openid email profile). */
  scopes: { attribute: 'scopes', engine: true },
  /**
   * JSON list of { "name", "label"?, "identifiers"? }: Google, Facebook, LoginWithAmazon, SignInWithApple, or your
   * SAML/OIDC provider names (identifiers: email domains routed to that provider).
   */
  identityProviders: { attribute: 'identity-providers', engine: true },
  /**
   * Choice-based sign-in (InitiateAuth USER_AUTH): the ways to offer, space-separated, in the order you prefer them:
   * `password`, `email-otp`, `sms-otp`, `passkey`. The sign-in form then asks for the username first (the password
   * too, optionally, when `password` is listed: typed, it signs in at once), then shows the ways this user has (what
   * the pool allows and the user has set up, ∩ this list; `passkey` only in browsers with passkeys). Absent: the
   * password form with `auth-flow`.
   */
  signInMethods: { attribute: 'sign-in-methods', engine: true },
  /**
   * "Create a passkey" after a sign-in without one: `passkey-prompt="off"` never asks (default: on when
   * `sign-in-methods` lists `passkey`). The user's "Don't ask again on this device" is kept in the device store.
   */
  passkeyPrompt: { attribute: 'passkey-prompt', engine: true, converter: onOff } as OptionRow<boolean | null | undefined>,
  /** Sign-up without a password, then sign in with a code or passkey (default: on when `sign-in-methods` leaves out `password`); "off" to ask for one. */
  passwordlessSignUp: { attribute: 'passwordless-sign-up', engine: true, converter: onOff } as OptionRow<boolean | null | undefined>,
  /**
   * Shows "Remember this device" on the MFA code screen: for pools whose device tracking is "User opt-in" (ticked, the
   * device is remembered and later sign-ins on it skip MFA; pools that always remember devices need no box).
   */
  rememberDevice: { attribute: 'remember-device', type: Boolean },
  /**
   * After sign-in, ask a user whose `email` (or `phone_number`, or both, space-separated) is not verified to verify it:
   * "Verify your email address" with send code, enter code and "Skip for now" (off by default). Account recovery
   * needs a verified contact: this keeps "Forgot your password?" working.
   */
  verifyAttributes: { attribute: 'verify-attributes', engine: true },
  /** With `verify-attributes`: no "Skip for now". */
  verifyAttributesRequired: { attribute: 'verify-attributes-required', type: Boolean, engine: true },
  /** Identity providers only: no user pool sign-in form. */
  hideNative: { attribute: 'hide-native', type: Boolean, engine: true },
  /** auto: a typed email whose domain is an identifier offers "Continue with <provider>" instead of a password. */
  idpRouting: { attribute: 'idp-routing', engine: true },
  /** After signing out of an identity-provider session, go through <domain>/logout back to this URL. */
  logoutUri: { attribute: 'logout-uri', engine: true },
} satisfies Record<string, OptionRow>;

type Options = typeof OPTIONS;
export type OptionName = keyof Options;

type ValueOf<R> = R extends OptionRow<infer T> ? (unknown extends T ? (R extends { type: BooleanConstructor } ? boolean : string | null) : T) : never;

/** The element's option properties, typed from the table (their JSDoc is the row's). */
export type OptionProperties = { -readonly [K in OptionName]: ValueOf<Options[K]> };

/** The options that are also engine options; each must be an `AuthOptions` key (checked where they are copied). */
type EngineOptionName = { [K in OptionName]: Options[K] extends { engine: true } ? K : never }[OptionName];

const rows = Object.entries(OPTIONS) as [OptionName, OptionRow][];

/** The properties whose change restarts the engine: every engine option, and `config`. */
export const ENGINE_PROPERTIES: readonly OptionName[] = ['config', ...rows.filter(([, row]) => row.engine).map(([name]) => name)];

/** Boolean options start false (an absent attribute). */
export function optionDefaults(): Partial<OptionProperties> {
  return Object.fromEntries(rows.filter(([, row]) => row.type === Boolean).map(([name]) => [name, false]));
}

/**
 * The engine's options: `config`, with every engine option the element has set on top (attributes win where both
 * are set; a boolean attribute only ever turns its option on).
 */
export function authOptions(element: OptionProperties): AuthOptions {
  const base: AuthOptions = element.config ?? {};
  const out: Record<string, unknown> = { ...base };
  for (const [name, row] of rows) {
    if (!row.engine) continue;
    const key: keyof AuthOptions = name as EngineOptionName;
    const own = element[name as EngineOptionName];
    out[key] = row.type === Boolean ? own || base[key] : (own ?? base[key]);
  }
  return out as AuthOptions;
}
