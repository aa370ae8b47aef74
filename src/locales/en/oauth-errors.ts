/**
 * English for the errors of a sign-in with an identity provider (an OAuth redirect coming back, the token endpoint's
 * answers, an email with no provider): only src/flow/hosted.ts and the code grant (src/oauth/token-endpoint.ts, in
 * grant.ts's chunk) raise them, and both register this module when they load (src/oauth/english.ts), so a page
 * without identity providers never downloads it. Shares the `errors` namespace with ./first-paint.ts.
 */
export default {
  errors: {
    'oauth-no-provider': 'There is no single sign-on for this email address. Check the address.',
    'oauth-state-mismatch': 'This sign-in response does not match the sign-in started in this browser, so it was ignored. Start again.',
    'oauth-missing-verifier': 'This sign-in response was already used, or the sign-in was started in another tab or window. Start again.',
    'oauth-access-denied': 'Sign-in was cancelled, or your identity provider did not allow it.',
    'oauth-server-error': 'Your identity provider or the sign-in service had a problem. Try again.',
    'oauth-invalid-grant': 'The sign-in was not accepted: it has expired or was already used. Start again.',
    'oauth-invalid-request': 'Sign-in with this provider is not set up correctly for this site.',
    'oauth-error': 'Sign-in with your identity provider did not work. Try again.',
  },
};
