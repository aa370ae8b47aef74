// The smallest page with Amplify's React <Authenticator>, as its documentation sets it up: configure Amplify with a
// user pool, import the styles, render <Authenticator>. The bench measures how soon its sign-in form is usable.
// No request leaves the machine: nothing is sent before a submit, and the endpoint points at this page's own server.
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { createRoot } from 'react-dom/client';

Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: 'us-east-1_AbCdEf123',
      userPoolClientId: '1h57kf5cpq17m0eml12EXAMPLE',
      userPoolEndpoint: `${location.origin}/cognito`,
    },
  },
});

createRoot(document.getElementById('root')).render(
  <Authenticator>{({ signOut, user }) => <button onClick={signOut}>Sign out {user?.username}</button>}</Authenticator>,
);
