// Svelte 5 (test/frameworks/svelte/): `{config}` and `{formFields}` set as properties, `oncognito-signed-in={…}` as
// the listener, the detail shown through $state.
import { describeApp } from '../app-test.js';

describeApp({ app: 'svelte', framework: 'Svelte', root: '#app' });
