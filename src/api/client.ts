import type { AuthConfig } from '../config.js';
import { AuthError, toAuthError } from '../errors.js';
import { errorContextOf, OPERATIONS, type CognitoApi, type CognitoOperation } from './operations.js';

export type { CognitoApi, CognitoOperation } from './operations.js';

type Transport = typeof import('./transport.js');

let transportPromise: Promise<Transport> | undefined;

function loadTransport(): Promise<Transport> {
  transportPromise ??= import('./transport.js').catch((e: unknown) => {
    // A failed chunk load must not stick: the next call tries again.
    transportPromise = undefined;
    throw e;
  });
  return transportPromise;
}

/**
 * Starts loading the Cognito client (the lazy chunk that speaks Cognito's JSON protocol, named `sdk`) without waiting
 * for it: call right after first paint so the first request is fast.
 */
export function preloadSdk(): Promise<void> {
  return loadTransport().then(() => undefined);
}

/** The real CognitoApi: one fetch per call to Cognito's JSON API, its code loaded lazily (see transport.ts). */
export function createCognitoApi(config: Pick<AuthConfig, 'region' | 'endpoint' | 'timeoutMs'>): CognitoApi {
  async function call(operation: CognitoOperation, input: object): Promise<never> {
    const context = errorContextOf(operation, input);
    // The timeout covers loading the client too: a user waits for both.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const transport = await loadTransport();
      const endpoint = config.endpoint ?? transport.defaultEndpoint(config.region);
      return (await transport.send(endpoint, OPERATIONS[operation].name, input, controller.signal, context)) as never;
    } catch (err) {
      // send() rejects with AuthErrors only; what is left is the chunk failing to load.
      if (err instanceof AuthError) throw err;
      if (controller.signal.aborted) throw toAuthError({ name: 'TimeoutError', message: 'Request timed out' });
      throw toAuthError(err, context);
    } finally {
      clearTimeout(timer);
    }
  }

  const api = {} as Record<CognitoOperation, (input: object) => Promise<never>>;
  for (const operation of Object.keys(OPERATIONS) as CognitoOperation[]) {
    api[operation] = (input) => call(operation, input);
  }
  return api as unknown as CognitoApi;
}
