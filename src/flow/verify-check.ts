import type { AuthConfig } from '../config.js';
import type { Claims, UserSession } from '../session/tokens.js';
import type { VerifiableAttribute, VerifyAttributesState } from '../state/index.js';

// The first-paint half of "verify contact after sign-in": whether to ask, read from the ID token's claims (Cognito puts
// email_verified / phone_number_verified beside email / phone_number), so no request is made and no state flashes.
// The intents are in verify-attributes.ts, loaded with import() when the user acts.

/** The listed attributes the user has but has not verified, in the order the page listed them. */
export function unverifiedAttributes(config: Pick<AuthConfig, 'verifyAttributes'>, claims: Claims): VerifiableAttribute[] {
  return config.verifyAttributes.filter((name) => {
    const value = claims[name];
    const verified = claims[`${name}_verified`];
    // Cognito writes the flag as a boolean; some pools' tokens carry it as the string "true".
    return typeof value === 'string' && value !== '' && verified !== true && verified !== 'true';
  });
}

/** The verify-attributes state for the first of `attributes`, or undefined when there is none. */
export function verifyState(
  config: Pick<AuthConfig, 'verifyAttributesRequired'>,
  session: UserSession,
  attributes: VerifiableAttribute[],
): VerifyAttributesState | undefined {
  const [attribute, ...remaining] = attributes;
  if (!attribute) return undefined;
  return {
    screen: 'verify-attributes',
    username: session.username,
    session,
    attribute,
    value: String(session.claims[attribute] ?? ''),
    remaining,
    codeSent: false,
    required: config.verifyAttributesRequired,
  };
}
