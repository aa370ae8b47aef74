import { errorContextOf, OPERATIONS, type CognitoApi, type CognitoOperation } from '../../src/api/operations.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { parseConfig, type AuthOptions } from '../../src/config.js';
import { installCognitoErrors } from '../../src/api/cognito-errors.js';
import { toAuthError } from '../../src/errors.js';
import { MemoryStorage } from '../../src/session/index.js';
import type { AuthState, FlowEvent } from '../../src/state/index.js';
import { FakeClock } from './clock.js';
import { settle } from './until.js';

export { FakeClock, settle };

// The real seam's chunk (src/api/transport.ts) brings the English of Cognito's errors; this fake stands in for it.
installCognitoErrors();

export interface Call {
  op: CognitoOperation;
  input: Record<string, unknown>;
}

type Handler = (input: Record<string, unknown>) => unknown;

/**
 * A CognitoApi that records every request and answers from scripted handlers, queued per operation. A handler that
 * throws `{ name: 'XxxException', message }` is turned into an AuthError exactly as the real seam does, with the error
 * context from src/api/operations.ts (the table the fetch client uses).
 */
export class FakeCognito {
  readonly calls: Call[] = [];
  readonly #queues = new Map<CognitoOperation, Handler[]>();

  /** Queues answers for an operation, used in order; the last one repeats. */
  on(op: CognitoOperation, ...handlers: Handler[]): this {
    this.#queues.set(op, [...(this.#queues.get(op) ?? []), ...handlers]);
    return this;
  }

  callsOf(op: CognitoOperation): Record<string, unknown>[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.input);
  }

  get api(): CognitoApi {
    const handle = async (op: CognitoOperation, input: Record<string, unknown>): Promise<unknown> => {
      this.calls.push({ op, input: structuredClone(input) });
      const queue = this.#queues.get(op);
      const handler = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
      if (!handler) throw toAuthError({ name: 'UnexpectedCall', message: `no handler for ${op}` });
      try {
        return await handler(input);
      } catch (e) {
        // The production table says what an exception means for this request, so the fake cannot drift from it.
        throw toAuthError(e, errorContextOf(op, input));
      }
    };
    // Exactly the table's operations: a method the table does not have is a TypeError here as in production.
    const methods = Object.keys(OPERATIONS).map((op) => [op, (input: Record<string, unknown>) => handle(op as CognitoOperation, input)]);
    return Object.fromEntries(methods) as unknown as CognitoApi;
  }
}

export function exception(name: string, message = name): never {
  throw { name, message, $metadata: { httpStatusCode: 400 } };
}

function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function jwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', kid: 'test' })}.${b64url(claims)}.c2ln`;
}

let tokenSerial = 0;

/** An AuthenticationResult as Cognito returns it, for user `sub` (cognito:username = sub). */
export function authResult(sub = 'user-sub-1', extra: Record<string, unknown> = {}) {
  const n = ++tokenSerial;
  return {
    AuthenticationResult: {
      IdToken: jwt({ sub, 'cognito:username': sub, email: 'ada@example.com', token_use: 'id', n }),
      AccessToken: jwt({ sub, username: sub, token_use: 'access', scope: 'aws.cognito.signin.user.admin', n }),
      RefreshToken: `refresh-${n}`,
      ExpiresIn: 3600,
      TokenType: 'Bearer',
      ...extra,
    },
  };
}

export const POOL = 'us-east-1_TestPool1';
export const CLIENT = 'testclient123';

export interface Harness {
  flow: AuthFlow;
  cognito: FakeCognito;
  clock: FakeClock;
  storage: MemoryStorage;
  states: AuthState[];
  events: FlowEvent[];
}

export function harness(options: AuthOptions = {}, deps: FlowDeps = {}): Harness {
  const cognito = new FakeCognito();
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const config = parseConfig({ userPoolId: POOL, clientId: CLIENT, authFlow: 'USER_PASSWORD_AUTH', ...options });
  const flow = new AuthFlow(config, { api: cognito.api, clock, storage, ...deps });
  const states: AuthState[] = [];
  const events: FlowEvent[] = [];
  flow.subscribe((s) => states.push(s));
  flow.onEvent((e) => events.push(e));
  return { flow, cognito, clock, storage, states, events };
}
