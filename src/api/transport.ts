/**
 * Cognito's user-pool API over fetch. It speaks AWS's JSON 1.1 protocol: a POST of the input as JSON, the operation
 * named in `X-Amz-Target`, a JSON answer; an error is a 4xx/5xx answer naming the exception in the `x-amzn-errortype`
 * header or the body's `__type`. The operations the engine uses are unauthenticated or authorised by the AccessToken in
 * the body, so nothing is signed and no AWS SDK is needed. client.ts loads this module with import(), so the first
 * paint never carries it (its chunk is named `sdk`, see vite.config.ts).
 */
import { authError, toAuthError, type ErrorContext } from '../errors.js';
import { installCognitoErrors } from './cognito-errors.js';

// Every error of a Cognito answer is made below, after this line has run: what each exception means, and its English,
// come with this chunk.
installCognitoErrors();

/** DNS suffixes of the AWS partitions other than `aws` (amazonaws.com), as the SDK's endpoint rules resolve them. */
const PARTITIONS: readonly (readonly [RegExp, string])[] = [
  [/^cn-/, 'amazonaws.com.cn'],
  [/^eusc-/, 'amazonaws.eu'],
  [/^us-isob-/, 'sc2s.sgov.gov'],
  [/^us-isof-/, 'csp.hci.ic.gov'],
  [/^us-iso-/, 'c2s.ic.gov'],
  [/^eu-isoe-/, 'cloud.adc-e.uk'],
];

/** Cognito's regional endpoint, where no `endpoint` is configured. */
export function defaultEndpoint(region: string): string {
  const suffix = PARTITIONS.find(([pattern]) => pattern.test(region))?.[1] ?? 'amazonaws.com';
  return `https://cognito-idp.${region}.${suffix}/`;
}

/** The exception from `x-amzn-errortype` or `__type`: `aws.protocol#Name` and `Name:http://…` both give `Name`. */
function exceptionName(raw: string): string {
  const name = raw.split(',')[0]!.split(':')[0]!;
  return name.slice(name.lastIndexOf('#') + 1).trim();
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Sends one request and returns Cognito's answer, or rejects with an AuthError. Exactly one fetch: nothing is ever
 * re-sent here (a confirmation or MFA code must not be submitted twice behind the user's back); callers retry what is
 * safe to retry. `signal` is the caller's timeout: an aborted request is a 'timeout'.
 */
export async function send(
  endpoint: string,
  operation: string,
  input: object,
  signal: AbortSignal,
  context: ErrorContext,
): Promise<Record<string, unknown>> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(input),
      signal,
      // Cognito needs no cookies, and its answers (tokens) must never land in a cache.
      credentials: 'omit',
      cache: 'no-store',
      // Cognito never redirects; a 307/308 would re-send passwords and codes wherever it pointed.
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
    body = await response.text();
  } catch (err) {
    // No answer: given up by the timeout, or the network (connection refused or reset, DNS, CORS, a redirect).
    throw toAuthError(signal.aborted ? { name: 'TimeoutError', message: 'Request timed out' } : err);
  }

  const { status } = response;
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    parsed = undefined;
  }
  const json = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;

  if (response.ok) {
    // A 200 that is not a JSON object (a truncated answer, a captive portal's page) is no answer from Cognito.
    if (json) return json;
    throw authError('server-error', { status });
  }

  const name = exceptionName(response.headers.get('x-amzn-errortype') || text(json?.__type) || text(json?.code));
  // Without an exception name (a proxy's HTML page, a bare 503) the status alone decides: toAuthError makes any 4xx/5xx
  // a 'server-error' that keeps it. Nothing from a body that is not Cognito's JSON is kept, not even as text.
  const message = text(json?.message) || text(json?.Message);
  throw toAuthError({ name: name.slice(0, 128), message: message.slice(0, 1000), $metadata: { httpStatusCode: status } }, context);
}
