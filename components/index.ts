/**
 * cognito-elements: registers <cognito-authenticator> (each screen element is defined the first time it is shown, or
 * all at once by defineAll(); see elements.ts), and exports the elements' API together with the engine's
 * (`cognito-elements/engine`), so one import gives both.
 */
export * from './elements.js';
export * from '../src/index.js';
