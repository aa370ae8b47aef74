/**
 * English for the `keep-signed-in` option's box under the sign-in form: components/parts/sign-in-options.ts (loaded
 * only on pages with the option) registers it, so a page without the option never carries it.
 */
export default {
  signIn: {
    keepSignedIn: 'Keep me signed in',
  },
};
