// React 19 (test/frameworks/react/): `config={…}` and `formFields={…}` set as properties, `oncognito-signed-in={…}`
// as the listener (React 19's custom-element support), the detail shown through React state.
import { describeApp } from '../app-test.js';

describeApp({ app: 'react', framework: 'React', root: '#root' });
