import { fail, oneOf, webUrl, words } from './config-checks.js';
import { normalizeDomain } from './idp-routing.js';

/**
 * Federation options: the user pool domain, where Cognito sends users back, and the identity providers (social,
 * SAML, OIDC) to offer. Parsed and validated once with the rest of AuthConfig; every mistake is a ConfigError naming
 * the attribute.
 */

/** Cognito's names for the social providers it supports. Any other name is a SAML or OIDC provider of the pool. */
export const SOCIAL_PROVIDERS = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'] as const;
export type SocialProviderName = (typeof SOCIAL_PROVIDERS)[number];

/** One provider as a page lists it in `identity-providers`. */
export interface IdentityProviderOption {
  /** The provider name in the user pool: `Google`, `Facebook`, `LoginWithAmazon`, `SignInWithApple`, or yours. */
  name: string;
  /** Button text instead of the name (for SAML/OIDC) or the social brand ("Continue with <label>"). */
  label?: string;
  /** Email domains routed to this provider (SAML/OIDC only), as in the provider's "identifiers" in Cognito. */
  identifiers?: string[];
}

export interface IdentityProvider {
  name: string;
  label?: string;
  /** Lower-cased, as listed. Empty for social providers and for SAML/OIDC providers without identifiers. */
  identifiers: string[];
  kind: 'social' | 'enterprise';
}

export interface FederationOptions {
  /** The user pool domain: `https://auth.example.com` or `<prefix>.auth.<region>.amazoncognito.com`. */
  domain?: string | null;
  /** Where Cognito sends users back (default: the page URL without query and hash). */
  redirectUri?: string | null;
  /** OAuth scopes (default `openid email profile`). */
  scopes?: string | readonly string[] | null;
  /** JSON list (attribute) or array (property) of providers. */
  identityProviders?: string | readonly IdentityProviderOption[] | null;
  /** Offer only the identity providers: no user pool sign-in form. */
  hideNative?: boolean | null;
  /** `auto`: a typed email whose domain is an identifier offers "Continue with <provider>" on the sign-in form. */
  idpRouting?: string | null;
  /** Where Cognito's /logout sends users after signing out of a session that came from an identity provider. */
  logoutUri?: string | null;
  /**
   * Allows a `redirect-uri` on another origin than the page (property only). Off by default: the code comes back to
   * the page that holds the PKCE verifier, never to a page an attacker could choose.
   */
  allowCrossOriginRedirect?: boolean | null;
}

export interface FederationConfig {
  /** Origin of the user pool domain, without a trailing slash: `https://auth.example.com`. */
  domain: string;
  redirectUri: string;
  scopes: string[];
  providers: IdentityProvider[];
  hideNative: boolean;
  idpRouting: 'auto' | 'off';
  logoutUri?: string;
}

function parseDomain(raw: string): string {
  // The console shows the Cognito domain without a scheme: `<prefix>.auth.<region>.amazoncognito.com`.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  const url = webUrl('domain', withScheme);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    fail('domain', 'must be the domain only, without a path, query or fragment (for example https://auth.example.com)');
  }
  return url.origin;
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const KEYS = new Set(['name', 'label', 'identifiers']);

function parseProviders(value: FederationOptions['identityProviders']): IdentityProvider[] {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return [];
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      fail('identity-providers', 'is not valid JSON (expected a list such as [{"name":"Google"}])');
    }
  }
  if (!Array.isArray(list)) fail('identity-providers', 'must be a JSON list of {"name", "label"?, "identifiers"?} objects');
  const providers: IdentityProvider[] = [];
  const owner = new Map<string, string>();
  for (const [i, item] of list.entries()) {
    const where = `item ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail('identity-providers', `${where} must be an object with a "name"`);
    const entry = item as Record<string, unknown>;
    const unknown = Object.keys(entry).filter((k) => !KEYS.has(k));
    if (unknown.length) fail('identity-providers', `${where} has unknown key ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: name, label, identifiers)`);
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    // Cognito: provider names are 1 to 32 characters, without control characters.
    if (!name || name.length > 32 || /\p{Cc}/u.test(name)) fail('identity-providers', `${where} needs a "name" of 1 to 32 characters`);
    if (providers.some((p) => p.name === name)) fail('identity-providers', `"${name}" is listed twice`);
    if (entry.label !== undefined && (typeof entry.label !== 'string' || !entry.label.trim())) {
      fail('identity-providers', `the "label" of "${name}" must be a non-empty string`);
    }
    const kind = (SOCIAL_PROVIDERS as readonly string[]).includes(name) ? 'social' : 'enterprise';
    const identifiers: string[] = [];
    if (entry.identifiers !== undefined) {
      if (!Array.isArray(entry.identifiers) || entry.identifiers.some((d) => typeof d !== 'string')) {
        fail('identity-providers', `the "identifiers" of "${name}" must be a list of email domains`);
      }
      if (kind === 'social' && entry.identifiers.length) {
        fail('identity-providers', `"${name}" is a social provider: identifiers are for SAML and OIDC providers only`);
      }
      for (const raw of entry.identifiers as string[]) {
        const domain = normalizeDomain(raw);
        if (!domain) fail('identity-providers', `identifier "${raw}" of "${name}" is not a domain (for example example.com)`);
        const other = owner.get(domain);
        if (other !== undefined && other !== name) fail('identity-providers', `identifier "${raw}" is used by both "${other}" and "${name}"`);
        if (other === name) continue;
        owner.set(domain, name);
        identifiers.push(raw.trim().replace(/\.$/, '').toLowerCase());
      }
    }
    providers.push({ name, label: typeof entry.label === 'string' ? entry.label.trim() : undefined, identifiers, kind });
  }
  return providers;
}

/** The page URL without query and hash: Cognito's redirect_uri by default. */
function pageUrl(): string | undefined {
  const href = globalThis.location?.href;
  if (!href) return undefined;
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}

/** Federation settings, or undefined when neither `domain` nor `identity-providers` is given. */
export function parseFederation(options: FederationOptions): FederationConfig | undefined {
  const rawDomain = options.domain?.trim() ?? '';
  const providers = parseProviders(options.identityProviders);
  const hideNative = options.hideNative === true;
  const idpRouting = oneOf('idp-routing', options.idpRouting, ['auto', 'off'], 'off');

  if (!rawDomain) {
    if (providers.length) fail('domain', 'is required with identity-providers (the user pool domain, e.g. https://auth.example.com)');
    if (hideNative) fail('hide-native', 'needs identity-providers and a domain to sign in with');
    if (idpRouting === 'auto') fail('idp-routing', 'needs identity-providers with identifiers and a domain');
    for (const [attribute, value] of [
      ['redirect-uri', options.redirectUri],
      ['logout-uri', options.logoutUri],
    ] as const) {
      if (value?.trim()) fail(attribute, 'needs a domain (the user pool domain)');
    }
    return undefined;
  }
  const domain = parseDomain(rawDomain);

  const rawRedirect = options.redirectUri?.trim() || pageUrl();
  if (!rawRedirect) fail('redirect-uri', 'is required outside a browser page');
  const redirect = webUrl('redirect-uri', rawRedirect);
  if (redirect.hash || rawRedirect.includes('#')) fail('redirect-uri', 'must not contain a fragment (#…)');
  const pageOrigin = globalThis.location?.origin;
  if (pageOrigin && pageOrigin !== 'null' && redirect.origin !== pageOrigin && options.allowCrossOriginRedirect !== true) {
    fail('redirect-uri', `must be on this page's origin (${pageOrigin}); set allowCrossOriginRedirect to allow ${redirect.origin}`);
  }

  let scopes: string[];
  if (options.scopes === null || options.scopes === undefined || (typeof options.scopes === 'string' && !options.scopes.trim())) {
    scopes = ['openid', 'email', 'profile'];
  } else {
    scopes = words('scopes', options.scopes, (s) => SCOPE.test(s), 'is not a valid OAuth scope');
    // The session is built from the id token, which Cognito issues only for the openid scope.
    if (!scopes.includes('openid')) fail('scopes', 'must include openid');
  }

  if (hideNative && providers.length === 0) fail('hide-native', 'needs at least one identity provider in identity-providers');
  if (idpRouting === 'auto' && !providers.some((p) => p.identifiers.length)) {
    fail('idp-routing', 'needs at least one SAML/OIDC provider with identifiers in identity-providers');
  }

  let logoutUri: string | undefined;
  if (options.logoutUri?.trim()) {
    logoutUri = options.logoutUri.trim();
    webUrl('logout-uri', logoutUri);
  }

  // Cognito compares redirect_uri with the app client's callback URLs character for character: keep it as written.
  return { domain, redirectUri: rawRedirect, scopes, providers, hideNative, idpRouting, logoutUri };
}
