// A pool's sign-in policy for choice-based sign-in (USER_AUTH): which first factors it allows, and the relying party
// its passkeys belong to. cognito-local stores these pool fields (from the seed) without reading them.
//
// - SignInPolicy.AllowedFirstAuthFactors (PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN; PASSWORD is always allowed and a
//   pool that never set a policy has only PASSWORD):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html
// - ALLOW_USER_AUTH on the app client enables USER_AUTH ("Enable selection-based sign-in with USER_AUTH"):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (ExplicitAuthFlows)
// - WebAuthnConfiguration.RelyingPartyId (the pool's WebAuthnRelyingPartyID in the console; without one and without a
//   domain, passkey operations answer WebAuthnConfigurationMissingException):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
// The origins a passkey ceremony may come from are the double's own rule (Cognito accepts the RP ID's domain and the
// pool's managed-login domain): the pool's seeded `webAuthnOrigins` (stored as WebAuthnOrigins) plus any
// http://localhost:<port> and http://127.0.0.1:<port>, because web-test-runner and the demo serve on free ports.
export const FIRST_FACTORS = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

/** The first factors a pool allows (its SignInPolicy, else Cognito's default: PASSWORD). */
export function allowedFirstFactors(poolOptions) {
  const factors = poolOptions?.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  return Array.isArray(factors) && factors.length > 0 ? factors : ['PASSWORD'];
}

export const allowsUserAuth = (client) => (client?.ExplicitAuthFlows ?? []).includes('ALLOW_USER_AUTH');

/** The pool's relying party: { id, origins } (id undefined when the pool has none). */
export function relyingParty(poolOptions) {
  return { id: poolOptions?.WebAuthnConfiguration?.RelyingPartyId, origins: poolOptions?.WebAuthnOrigins ?? [] };
}

/** True when a WebAuthn ceremony from `origin` may be accepted for this relying party. */
export function originAllowed(origin, rp) {
  if (typeof origin !== 'string') return false;
  if (rp.origins.includes(origin)) return true;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.origin === origin;
}
