// @custom-elements-manifest/analyzer configuration: `npm run build` writes dist/custom-elements.json (package.json
// `customElements` points at it) from the elements' JSDoc (@summary, @attr, @fires, @csspart).
const EVENT_DETAIL = {
  'cognito-signed-in': 'SignedInDetail',
  'cognito-signed-out': 'SignedOutDetail',
  'cognito-signed-up': 'SignedUpDetail',
  'cognito-screen-change': 'ScreenChangeDetail',
  'cognito-error': 'CognitoErrorDetail',
};

/** Tidies what the analyzer infers from the code but is not public API. */
function publicApiOnly() {
  return {
    name: 'cognito-elements-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          // ES #private members and Lit's `_state`-style internals are not API.
          if (decl.members) decl.members = decl.members.filter((m) => !m.name.startsWith('#') && !m.name.startsWith('_'));
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.fieldName?.startsWith('_'));
          if (decl.events) {
            // `new CustomEvent(type, …)` inside a helper reads as an event named "type": keep the documented ones.
            decl.events = decl.events.filter((e) => e.description || e.name !== 'type');
            for (const event of decl.events) {
              if (EVENT_DETAIL[event.name]) {
                event.type = { text: `CustomEvent<${EVENT_DETAIL[event.name]}>` };
              }
            }
          }
        }
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.d.ts', 'components/cdn.ts', 'components/types.ts'],
  outdir: 'dist', // scripts/build.js passes --outdir: its staging folder
  litelement: true,
  quiet: true,
  // package.json's `customElements` is written by hand: the analyzer must not rewrite package.json on every build.
  packagejson: false,
  plugins: [publicApiOnly()],
};
