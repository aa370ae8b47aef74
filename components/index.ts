/**
 * cognito-elements: registers <cognito-authenticator> and every screen element (see elements.ts), and exports the
 * elements' API together with the engine's (`cognito-elements/engine`), so one import gives both.
 */
export * from './elements.js';
export * from '../src/index.js';
