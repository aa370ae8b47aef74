import type { AuthConfig } from '../config.js';
import { OPERATIONS, type CognitoApi, type CognitoOperation } from './operations.js';

// The one place where ClientMetadata and threat protection data join every request (see request-extras-add.ts, the
// tables of which operation takes what). This part is in the first paint and stays tiny: the rest loads with import()
// only on a page that sets clientMetadata or userContextData, or has AWS's collection script.

type Extras = typeof import('./request-extras-add.js');
let loading: Promise<Extras> | undefined;

function load(): Promise<Extras> {
  loading ??= import('./request-extras-add.js').catch((e: unknown) => {
    // A failed chunk load must not stick: the next request tries again.
    loading = undefined;
    throw e;
  });
  return loading;
}

/** Whether anything would be added: without any of these, requests go out exactly as the journeys made them. */
function wanted(config: Pick<AuthConfig, 'clientMetadata' | 'userContextData'>): boolean {
  return Boolean(config.clientMetadata || config.userContextData || (globalThis as { AmazonCognitoAdvancedSecurityData?: unknown }).AmazonCognitoAdvancedSecurityData);
}

/** `api` with the page's extras added to every request (AuthFlow wraps any CognitoApi with it, fakes included). */
export function withRequestExtras(api: CognitoApi, config: Pick<AuthConfig, 'userPoolId' | 'clientId' | 'clientMetadata' | 'userContextData'>): CognitoApi {
  const out = {} as Record<CognitoOperation, (input: object) => Promise<unknown>>;
  for (const op of Object.keys(OPERATIONS) as CognitoOperation[]) {
    const call = (input: object) => (api[op] as (input: object) => Promise<unknown>).call(api, input);
    out[op] = async (input) => call(wanted(config) ? await (await load()).addExtras(config, op, input) : input);
  }
  return out as unknown as CognitoApi;
}
