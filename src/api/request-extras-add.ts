import type { AuthConfig } from '../config.js';
import type { CognitoOperation, RequestOf } from './operations.js';
import { OPERATIONS } from './operations.js';

// What every request gets from the page, added in ONE place (the CognitoApi seam, wrapped by AuthFlow through
// request-extras.ts, which loads this module only for a page that uses any of it), so that no journey can forget it
// and a new operation gets it by adding one row below:
// - ClientMetadata (config `clientMetadata`), for the pool's Lambda triggers;
// - UserContextData.EncodedData (threat protection: AWS's collection script, or config `userContextData`).
// The tables are typed from the request shapes in types.ts: an operation whose request has ClientMetadata (or
// UserContextData) but no row here is a type error.

type Taking<M extends string> = { [Op in CognitoOperation]: M extends keyof RequestOf<Op> ? Op : never }[CognitoOperation];

const METADATA: Record<Taking<'ClientMetadata'>, true> = {
  initiateAuth: true,
  respondToAuthChallenge: true,
  signUp: true,
  confirmSignUp: true,
  resendConfirmationCode: true,
  forgotPassword: true,
  confirmForgotPassword: true,
  getTokensFromRefreshToken: true,
  updateUserAttributes: true,
  getUserAttributeVerificationCode: true,
};

/** Per operation that takes UserContextData: the username the collector is asked about (undefined: not sent). */
const CONTEXT: { [Op in Taking<'UserContextData'>]: (input: RequestOf<Op>) => string | undefined } = {
  // A refresh has no username and is not a sign-in: managed login sends no context data with it either.
  initiateAuth: (i) => (i.AuthFlow === 'REFRESH_TOKEN_AUTH' ? undefined : i.AuthParameters?.USERNAME),
  respondToAuthChallenge: (i) => i.ChallengeResponses?.USERNAME,
  signUp: (i) => i.Username,
  confirmSignUp: (i) => i.Username,
  resendConfirmationCode: (i) => i.Username,
  forgotPassword: (i) => i.Username,
  confirmForgotPassword: (i) => i.Username,
};

/** The shape of AWS's advanced-security collection script (amazon-cognito-advanced-security-data.min.js). */
interface AdvancedSecurityData {
  getData(username: string, userPoolId: string, clientId: string): unknown;
}

function collector(): AdvancedSecurityData | undefined {
  const c = (globalThis as { AmazonCognitoAdvancedSecurityData?: Partial<AdvancedSecurityData> }).AmazonCognitoAdvancedSecurityData;
  return typeof c?.getData === 'function' ? (c as AdvancedSecurityData) : undefined;
}

export type ExtrasConfig = Pick<AuthConfig, 'userPoolId' | 'clientId' | 'clientMetadata' | 'userContextData'>;

/**
 * The collected threat-protection data for `username`, or undefined. Never throws: the data only helps Cognito score
 * risk, so a collector that fails (a script error, a blocked script, a page function that rejects) must not stop the
 * user from signing in. The request then goes without it, as from a browser without the script.
 */
async function encodedData(config: ExtrasConfig, username: string): Promise<string | undefined> {
  try {
    const data = config.userContextData
      ? await config.userContextData(username)
      : collector()?.getData(username, config.userPoolId, config.clientId);
    return typeof data === 'string' && data ? data : undefined;
  } catch (e) {
    console.warn('cognito-elements: the threat protection data could not be collected; sending the request without it', e);
    return undefined;
  }
}

/** The page's ClientMetadata for `operation` (its wire name), string values only (Cognito's map<string, string>). */
async function pageMetadata(config: ExtrasConfig, operation: string): Promise<Record<string, string>> {
  const m = config.clientMetadata;
  const value = typeof m === 'function' ? await m({ operation }) : m;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `input` with the page's ClientMetadata (the journey's own keys win) and UserContextData where the operation takes them. */
export async function addExtras(config: ExtrasConfig, operation: CognitoOperation, input: object): Promise<object> {
  const out: Record<string, unknown> = { ...input };
  if (operation in METADATA) {
    const own = (input as { ClientMetadata?: Record<string, string> }).ClientMetadata;
    const merged = { ...(await pageMetadata(config, OPERATIONS[operation].name)), ...own };
    if (Object.keys(merged).length) out.ClientMetadata = merged;
  }
  const username = operation in CONTEXT ? (CONTEXT[operation as Taking<'UserContextData'>] as (i: object) => string | undefined)(input) : undefined;
  if (username) {
    const data = await encodedData(config, username);
    if (data) out.UserContextData = { EncodedData: data };
  }
  return out;
}
