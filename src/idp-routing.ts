/**
 * Email address -> IdP identifier -> provider, as Cognito's hosted UI routes "Sign in with your corporate ID": the
 * domain after the last `@`, lower-cased, matched exactly against the identifiers of the SAML/OIDC providers.
 * A sub-domain never matches its parent (`eu.example.com` is not `example.com`) unless it is listed itself.
 *
 * Internationalised domains are compared in their ASCII (punycode) form after the URL standard's host parsing
 * (UTS #46 mapping: case folding, NFC, full-width dots), so `bücher.example`, `BÜCHER.example` and
 * `xn--bcher-kva.example` are one domain, whichever way the page lists it or the user types it.
 */

/** The providers routing looks at: only their names and identifiers matter here. */
export interface RoutableProvider {
  name: string;
  identifiers: readonly string[];
}

export interface IdpRoute<P extends RoutableProvider = RoutableProvider> {
  provider: P;
  /** The identifier as the page listed it (lower-cased): what `idp_identifier` carries to Cognito. */
  identifier: string;
  /** The domain the user typed, normalised (ASCII form). */
  domain: string;
}

// Characters that make a host parser read something other than a plain domain (port, path, userinfo, IPv6, escapes).
const NOT_IN_DOMAIN = /[\s/?#:@\\[\]%<>"'`^{|}]/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The ASCII form of a domain name, lower-cased, without a trailing dot; undefined when `value` is not a domain name
 * with at least two labels (IP addresses, single labels and anything with a port or path are not).
 */
export function normalizeDomain(value: string): string | undefined {
  let input = value.trim();
  if (input.endsWith('.')) input = input.slice(0, -1);
  if (!input || input.length > 253 || NOT_IN_DOMAIN.test(input)) return undefined;
  let host: string;
  try {
    host = new URL(`http://${input}/`).hostname;
  } catch {
    return undefined;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  // A numeric last label is an IPv4 address (which the URL parser has already rewritten), never a domain.
  if (/^\d+$/.test(labels[labels.length - 1]!)) return undefined;
  return host;
}

/** The domain of an email address: what follows the last `@`, normalised; undefined when there is none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  return normalizeDomain(email.slice(at + 1));
}

/** The provider whose identifiers list the email's domain, or undefined. */
export function routeEmail<P extends RoutableProvider>(providers: readonly P[], email: string): IdpRoute<P> | undefined {
  const domain = emailDomain(email);
  if (!domain) return undefined;
  for (const provider of providers) {
    for (const identifier of provider.identifiers) {
      if (normalizeDomain(identifier) === domain) return { provider, identifier: identifier.trim().toLowerCase(), domain };
    }
  }
  return undefined;
}
