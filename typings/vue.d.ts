/**
 * Vue 3 typings for the cognito-* elements (template type-checking with vue-tsc / Volar). Bring them in once:
 *
 *   import 'cognito-elements/vue'; // registers the elements and adds them to Vue's GlobalComponents
 *
 * then `<cognito-authenticator user-pool-id="…" :config="…" @cognito-signed-in="(e) => e.detail.claims" />`
 * type-checks. Tell Vue's compiler these are custom elements (`compilerOptions.isCustomElement: (tag) =>
 * tag.startsWith('cognito-')`); Vue then sets props as DOM properties when the element has them.
 *
 * This follows the pattern of Vue's own guide for non-Vue web components: `$props` and `$emit` exist for template
 * type-checking only. This package does not depend on Vue: these declarations only augment the `vue` your app has.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CognitoElementEvents, CognitoElementProps, CognitoTagName } from '../components/types.js';

export * from '../components/index.js';

export type CognitoVueElement<T extends CognitoTagName> = new () => HTMLElementTagNameMap[T] & {
  /** @deprecated For template type-checking only; do not use on an element reference. */
  $props: HTMLAttributes & CognitoElementProps<HTMLElementTagNameMap[T]> & PublicProps;
  /** @deprecated For template type-checking only; do not use on an element reference. */
  $emit: EmitFn<{ [K in keyof CognitoElementEvents<T>]: (event: CognitoElementEvents<T>[K]) => void }>;
};

type CognitoGlobalComponents = { [T in CognitoTagName]: CognitoVueElement<T> };

declare module 'vue' {
  interface GlobalComponents extends CognitoGlobalComponents {}
}
