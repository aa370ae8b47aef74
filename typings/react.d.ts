/**
 * React 19 typings for the cognito-* elements. Bring them in once, e.g. in your entry file:
 *
 *   import 'cognito-elements/react'; // registers the elements and types them in JSX
 *
 * then `<cognito-authenticator userPoolId="…" clientId="…" config={…} oncognito-signed-in={(e) => e.detail.claims} />`
 * type-checks. React 19 sets a prop as a DOM property when the element has that property (so objects and functions
 * such as `config` or `secretHash` pass as they are) and turns an `on<event-type>` prop of a custom element into a
 * listener for `<event-type>`. Hyphenated attributes (`user-pool-id="…"`) are accepted too, as JSX always does.
 *
 * This package does not depend on React: these declarations only augment the `react` your app already has.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CognitoElementEvents, CognitoElementProps, CognitoTagName } from '../components/types.js';

export * from '../components/index.js';

type ElementOf<T extends CognitoTagName> = HTMLElementTagNameMap[T];

/** `oncognito-signed-in`, … : React 19 listens for the event named after `on`. */
type ReactEventProps<T extends CognitoTagName> = {
  [K in keyof CognitoElementEvents<T> & string as `on${K}`]?: (event: CognitoElementEvents<T>[K]) => void;
};

export type CognitoReactProps<T extends CognitoTagName> = DetailedHTMLProps<HTMLAttributes<ElementOf<T>>, ElementOf<T>> &
  CognitoElementProps<ElementOf<T>> &
  ReactEventProps<T>;

type CognitoIntrinsicElements = { [T in CognitoTagName]: CognitoReactProps<T> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CognitoIntrinsicElements {}
  }
}
