import { useState } from 'react';
// Registers the elements and types them in JSX (props, and `oncognito-signed-in` with a typed event detail).
import 'cognito-elements/react';

// The test opens this page with ?userPoolId=…&clientId=…&endpoint=… (the emulator's). In your app, write your own
// pool and app client here, and leave out endpoint and storage.
const params = new URLSearchParams(location.search);

/** @type {import('cognito-elements').CognitoAuthenticator['config']} */
const config = {
  userPoolId: params.get('userPoolId'),
  clientId: params.get('clientId'),
  endpoint: params.get('endpoint'),
  storage: 'memory',
};

/** @type {import('cognito-elements').CognitoAuthenticator['formFields']} */
const formFields = { username: { label: 'Your username', placeholder: 'e.g. jane' } };

export function App() {
  const [user, setUser] = useState(/** @type {{ username: string; email: string } | null} */ (null));

  return (
    <main>
      <h1>React</h1>
      {user ? (
        <p id="framework-status">
          Signed in with React as {user.username} ({user.email})
        </p>
      ) : (
        <p id="framework-status">Not signed in</p>
      )}
      {/* React 19 sets `config` and `formFields` as properties, and listens for `cognito-signed-in`. */}
      <cognito-authenticator
        config={config}
        formFields={formFields}
        oncognito-signed-in={(event) => setUser({ username: event.detail.username, email: String(event.detail.claims.email) })}
      />
    </main>
  );
}
