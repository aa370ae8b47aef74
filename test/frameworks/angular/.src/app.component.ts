import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
// Registers the elements.
import 'cognito-elements';
import type { CognitoAuthenticator, SignedInDetail } from 'cognito-elements';

// The test opens this page with ?userPoolId=…&clientId=…&endpoint=… (the emulator's). In your app, write your own
// pool and app client here, and leave out endpoint and storage.
const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-root',
  // Lets the template use <cognito-authenticator>: Angular binds [config] and [formFields] to the element's
  // properties and (cognito-signed-in) to its event.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Angular</h1>
      @if (user(); as user) {
        <p id="framework-status">Signed in with Angular as {{ user.username }} ({{ user.email }})</p>
      } @else {
        <p id="framework-status">Not signed in</p>
      }
      <cognito-authenticator [config]="config" [formFields]="formFields" (cognito-signed-in)="onSignedIn($event)" />
    </main>
  `,
})
export class AppComponent {
  readonly config: CognitoAuthenticator['config'] = {
    userPoolId: params.get('userPoolId'),
    clientId: params.get('clientId'),
    endpoint: params.get('endpoint'),
    storage: 'memory',
  };
  readonly formFields: CognitoAuthenticator['formFields'] = { username: { label: 'Your username', placeholder: 'e.g. jane' } };
  readonly user = signal<{ username: string; email: string } | null>(null);

  onSignedIn(event: Event): void {
    const { detail } = event as CustomEvent<SignedInDetail>;
    this.user.set({ username: detail.username, email: String(detail.claims['email']) });
  }
}
