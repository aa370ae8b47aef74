// @custom-elements-manifest/analyzer configuration: `npm run build` writes dist/custom-elements.json (package.json
// `customElements` points at it) from the elements' JSDoc (@summary, @attr, @fires, @csspart).
const EVENT_DETAIL = {
  'cognito-signed-in': 'SignedInDetail',
  'cognito-tokens-refreshed': 'TokensRefreshedDetail',
  'cognito-signed-out': 'SignedOutDetail',
  'cognito-signed-up': 'SignedUpDetail',
  'cognito-account-updated': 'CognitoAccountUpdatedDetail',
  'cognito-screen-change': 'ScreenChangeDetail',
  'cognito-error': 'CognitoErrorDetail',
};

const OPTIONS_MODULE = 'components/authenticator/options.ts';

/**
 * <cognito-authenticator>'s attributes and properties are the rows of its options table (OPTIONS in
 * components/authenticator/options.ts), spread into `static properties`, which the analyzer cannot follow. This reads
 * the table's syntax (each row's attribute, `type: Boolean`, `reflect`, `as OptionRow<T>`, and its JSDoc) and writes
 * the attributes and fields the analyzer would have found for hand-written declarations.
 */
function authenticatorOptions() {
  const rows = [];
  return {
    name: 'cognito-elements-options-table',
    analyzePhase({ ts, node, moduleDoc }) {
      if (moduleDoc.path !== OPTIONS_MODULE || !ts.isVariableDeclaration(node) || node.name.getText() !== 'OPTIONS') return;
      let table = node.initializer;
      while (table && !ts.isObjectLiteralExpression(table)) table = table.expression;
      for (const prop of table?.properties ?? []) {
        let row = prop.initializer;
        let type;
        if (ts.isAsExpression(row)) {
          type = row.type.typeArguments?.[0]?.getText();
          row = row.expression;
        }
        const field = (key) => row.properties.find((p) => p.name?.getText() === key)?.initializer;
        const attribute = field('attribute');
        const boolean = field('type')?.getText() === 'Boolean';
        rows.push({
          name: prop.name.getText(),
          attribute: attribute && ts.isStringLiteral(attribute) ? attribute.text : undefined,
          reflects: field('reflect')?.kind === ts.SyntaxKind.TrueKeyword,
          type: type ?? (boolean ? 'boolean' : 'string | null'),
          default: boolean ? 'false' : undefined,
          description: (prop.jsDoc ?? []).map((doc) => ts.getTextOfJSDocComment(doc.comment)?.replace(/\s*\n\s*/g, ' ')).join(' ').trim() || undefined,
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      if (!rows.length) throw new Error(`${OPTIONS_MODULE}: no OPTIONS table found (the manifest would lose every attribute)`);
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName !== 'cognito-authenticator') continue;
          const fromTable = new Set(rows.flatMap((r) => [r.name, r.attribute]));
          const members = rows.map((r) => ({
            kind: 'field',
            name: r.name,
            privacy: 'public',
            type: { text: r.type },
            ...(r.description ? { description: r.description } : {}),
            ...(r.default ? { default: r.default } : {}),
            ...(r.attribute ? { attribute: r.attribute } : {}),
            ...(r.reflects ? { reflects: true } : {}),
          }));
          const attributes = rows
            .filter((r) => r.attribute)
            .map((r) => ({ name: r.attribute, ...(r.description ? { description: r.description } : {}), type: { text: r.type }, fieldName: r.name }));
          decl.members = [...members, ...(decl.members ?? []).filter((m) => !fromTable.has(m.name))];
          decl.attributes = [...attributes, ...(decl.attributes ?? []).filter((a) => !fromTable.has(a.name))];
        }
      }
    },
  };
}

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
            // `new CustomEvent(type, …)` inside a helper reads as an event named "type", and `new CustomEvent(dom.type,
            // …)` (components/account/section.ts) as one with no name at all: keep the documented ones.
            decl.events = decl.events.filter((e) => e.name && (e.description || e.name !== 'type'));
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
  plugins: [authenticatorOptions(), publicApiOnly()],
};
