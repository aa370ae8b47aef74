import type { Translate } from '../../src/i18n.js';
import type { FlowEvent } from '../../src/state/index.js';
import { errorText } from '../parts/form.js';
import type { CognitoEventMap } from '../types.js';

type Detail<K extends keyof CognitoEventMap> = CognitoEventMap[K]['detail'];
type DomEvent = { [K in keyof CognitoEventMap]: [K, Detail<K>] }[keyof CognitoEventMap];

/**
 * The `cognito-*` DOM event for an engine event: its type and detail. `t` is the element's language, so the
 * `cognito-error` message is the very text the screen shows for that error. Tokens in details never include the
 * refresh token: the events bubble and are composed, so every script on the page reads them; a page that needs the
 * refresh token reads `el.session`.
 */
export function domEventOf(event: FlowEvent, t: Translate): DomEvent {
  switch (event.type) {
    case 'signed-in': {
      const { tokens, claims, username } = event.session;
      const { idToken, accessToken, expiresAt } = tokens;
      return ['cognito-signed-in', { username, claims, tokens: { idToken, accessToken, expiresAt }, restored: event.restored }];
    }
    case 'tokens-refreshed': {
      const { tokens, claims, username } = event.session;
      const { idToken, accessToken, expiresAt } = tokens;
      return ['cognito-tokens-refreshed', { username, claims, tokens: { idToken, accessToken, expiresAt } }];
    }
    case 'signed-out':
      return ['cognito-signed-out', { reason: event.reason }];
    case 'signed-up':
      return ['cognito-signed-up', { username: event.username, userSub: event.userSub, confirmed: event.confirmed }];
    case 'error':
      return ['cognito-error', { ...event.error.toJSON(), message: errorText(t, event.error), screen: event.screen }];
  }
}
