// Vue 3 (test/frameworks/vue/): `:config` and `:form-fields` set as properties (isCustomElement tells Vue's compiler
// the cognito-* tags are custom elements), `@cognito-signed-in` as the listener, the detail shown through a ref.
import { describeApp } from '../app-test.js';

describeApp({ app: 'vue', framework: 'Vue', root: '#app' });
