/**
 * The script-tag build, `dist/cdn/cognito-elements.js`: one `<script type="module" src=…>` registers every element,
 * exactly as `import 'cognito-elements'` does, and loads its lazy chunks (screens, the Cognito client, SRP, the QR
 * code encoder, locales) from beside itself.
 *
 * It exports the elements only (elements.ts, the list the npm entry exports too). The engine's public API
 * (`cognito-elements/engine`) is left out on purpose: every export of an entry is kept by the bundler, and the
 * engine's would pull code the sign-in form does not need before its first paint (the SRP maths, for one, is loaded
 * at the first sign-in). A page that drives the engine itself reaches it as `authenticator.flow`, or imports the npm
 * build.
 */
export * from './elements.js';
