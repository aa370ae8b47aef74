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
import type { TranslationsByLanguage } from '../../src/i18n.js';
import type { FormFields } from '../base.js';
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
  /**
   * Never set: names the property's TypeScript type (write the row `{ … } as OptionRow<T>`) when it is not
   * `string | null` (an attribute) or `boolean` (`type: Boolean`).
   */
  readonly value?: T;
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
  /** Lets SMS MFA be set up during sign-in (your server adds the phone number); see SmsMfaSetupFn. */
  smsMfaSetup: { attribute: false, engine: true } as OptionRow<SmsMfaSetupFn | undefined>,
  /** Per-field label, placeholder, order and requiredness, keyed by input name (e.g. `given_name`). */
  formFields: { attribute: false } as OptionRow<FormFields | undefined>,
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
