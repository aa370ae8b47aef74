// Angular (test/frameworks/angular/): a standalone component with CUSTOM_ELEMENTS_SCHEMA, `[config]` and
// `[formFields]` bound to the element's properties, `(cognito-signed-in)` as the listener, the detail shown through a
// signal.
import { describeApp } from '../app-test.js';

describeApp({ app: 'angular', framework: 'Angular', root: 'app-root' });
