/**
 * Sanitizes Cognito hosted-UI CSS (the `CSS` that `GetUICustomization` returns) for `customization-css`.
 *
 * The text comes from outside the page's code, so it is treated as hostile: nothing of it is passed on as written.
 * It is parsed by a small, strict parser that stops at the first structural error (unbalanced braces, an unfinished
 * comment or string, markup such as `</style>`, a nested block), and a new stylesheet is written from what survives:
 * - selectors: only Cognito's customizable classes, alone (`.submitButton-customizable`, `…:hover`, …);
 * - properties: only those Cognito allows for that class (its developer guide, "Customizing hosted UI (classic)
 *   branding", and the keys of its default CSS template);
 * - values: colours, lengths, keywords and a few functions (rgb(), calc(), var(), …); `url()` only for a base64
 *   `data:` image; no `expression()`, no escapes, quotes or markup;
 * - at-rules (`@import`, `@media`, `@supports`, `@page`, `@font-face`, …) are dropped with their blocks.
 * Each kept rule is then scoped to one element instance (`:where(<scope>) .class`, so specificity stays that of the
 * hosted UI's own selector), and the input is capped in size.
 */

/** Cognito's customizable selectors and, for each, the properties it allows. */
export const ALLOWED_CUSTOMIZATION: Readonly<Record<string, readonly string[]>> = {
  '.background-customizable': ['background-color'],
  '.banner-customizable': ['padding', 'background-color'],
  '.errorMessage-customizable': ['margin', 'padding', 'font-size', 'width', 'background', 'border', 'color', 'box-sizing'],
  '.idpButton-customizable': ['height', 'width', 'text-align', 'margin-bottom', 'color', 'background-color', 'border-color'],
  '.idpButton-customizable:hover': ['color', 'background-color'],
  '.idpDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size', 'color'],
  '.inputField-customizable': ['width', 'height', 'color', 'background-color', 'border'],
  '.inputField-customizable:focus': ['border-color', 'outline'],
  '.label-customizable': ['font-weight', 'color'],
  '.legalText-customizable': ['color', 'font-size'],
  '.logo-customizable': ['max-width', 'max-height', 'background-color'],
  '.passwordCheck-valid-customizable': ['color'],
  '.passwordCheck-notValid-customizable': ['color'],
  '.redirect-customizable': ['text-align'],
  '.socialButton-customizable': ['height', 'text-align', 'width', 'margin-bottom', 'border-radius', 'padding'],
  '.submitButton-customizable': ['font-size', 'font-weight', 'margin', 'width', 'height', 'color', 'background-color'],
  '.submitButton-customizable:hover': ['color', 'background-color'],
  '.textDescription-customizable': ['padding-top', 'padding-bottom', 'display', 'font-size', 'color'],
};

/** Customization CSS beyond this many characters is ignored (Cognito itself asks for 3 KB at most). */
export const MAX_CUSTOMIZATION_CSS = 32 * 1024;

export interface CustomizationResult {
  /** The sanitized, scoped stylesheet (empty when nothing survived). */
  css: string;
  /** True when the input was longer than the cap and its end was ignored. */
  capped: boolean;
  /** The first structural parse error, after which everything was ignored. */
  error?: string;
  /** What was dropped and why, in order (selectors, properties, values, at-rules). */
  dropped: string[];
}

export interface SanitizeOptions {
  /** A trusted selector for the one element instance the rules apply to, e.g. `cognito-authenticator[data-x="1"]`. */
  scope?: string;
  /** Input cap in characters (default MAX_CUSTOMIZATION_CSS). */
  maxLength?: number;
}

/** Functions a value may call. Everything else (`expression()`, `image-set()`, `element()`, `attr()`, …) is refused. */
const FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  'calc', 'min', 'max', 'clamp', 'var',
]);
/** Keyword values Cognito documents for the properties that take keywords. */
const KEYWORDS: Record<string, ReadonlySet<string>> = {
  display: new Set(['block', 'inline', 'inline-block', 'none']),
  'text-align': new Set(['left', 'right', 'center', 'start', 'end', 'justify']),
};
const DATA_IMAGE = /url\(\s*(["']?)(data:image\/(?:png|jpeg|jpg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2})\1\s*\)/gi;
/** Characters a value may contain once data: images are set aside: no quotes, escapes, colons, braces, `<`, `@`, `!`, `;`. */
const VALUE_CHARS = /^[-a-zA-Z0-9#%.,\s()+*/_]*$/;

class ParseError extends Error {}

/** Replaces comments with a space; throws at an unfinished comment or string. Strings are kept as they are. */
function stripComments(text: string): { text: string; error?: string } {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { text: out, error: 'unfinished comment' };
      out += ' ';
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const start = i;
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n' || text[i] === '\r' || text[i] === '\f') return { text: out, error: 'unfinished string' };
        i++;
      }
      if (i >= text.length) return { text: out, error: 'unfinished string' };
      i++;
      out += text.slice(start, i);
    } else {
      out += c;
      i++;
    }
  }
  return { text: out };
}

/** A strict reader over comment-free CSS. */
class Reader {
  i = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.i >= this.text.length;
  }

  skipSpace(): void {
    while (!this.done && /\s/.test(this.text[this.i]!)) this.i++;
  }

  /** Reads up to (not including) one of `stops` at bracket depth 0, skipping strings; throws on markup or EOF. */
  until(stops: string, what: string): { text: string; stop: string } {
    const start = this.i;
    const closers: string[] = [];
    while (!this.done) {
      const c = this.text[this.i]!;
      if (c === '<') throw new ParseError('markup (<) in CSS');
      if (c === '"' || c === "'") {
        this.i++;
        while (!this.done && this.text[this.i] !== c) this.i += this.text[this.i] === '\\' ? 2 : 1;
        this.i++;
        continue;
      }
      if (closers.length === 0 && stops.includes(c)) return { text: this.text.slice(start, this.i), stop: c };
      if (c === '(' || c === '[') closers.push(c === '(' ? ')' : ']');
      else if (c === ')' || c === ']') {
        if (closers.pop() !== c) throw new ParseError(`unbalanced "${c}" in ${what}`);
      } else if (closers.length > 0 && (c === '{' || c === '}')) {
        throw new ParseError(`"${c}" inside brackets in ${what}`);
      }
      this.i++;
    }
    throw new ParseError(`unfinished ${what}`);
  }

  /** Skips a `{ … }` block with everything nested in it (the reader is on its `{`). */
  skipBlock(what: string): void {
    let depth = 0;
    while (!this.done) {
      const c = this.text[this.i]!;
      if (c === '<') throw new ParseError('markup (<) in CSS');
      if (c === '"' || c === "'") {
        this.i++;
        while (!this.done && this.text[this.i] !== c) this.i += this.text[this.i] === '\\' ? 2 : 1;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.i++;
        return;
      }
      this.i++;
    }
    throw new ParseError(`unfinished ${what}`);
  }
}

function cleanValue(property: string, raw: string, dropped: string[], where: string): string | undefined {
  let value = raw.trim().replace(/\s*!\s*important\s*$/i, '');
  const refuse = (why: string) => {
    dropped.push(`${where} { ${property} }: ${why}`);
    return undefined;
  };
  if (!value) return refuse('empty value');
  const images: string[] = [];
  value = value.replace(DATA_IMAGE, (_m, _q: string, data: string) => {
    images.push(data);
    return `url(${images.length - 1})`;
  });
  if (/url\(/i.test(value.replace(/url\(\d+\)/g, ''))) return refuse('url() other than a data: image');
  if (!VALUE_CHARS.test(value)) return refuse('characters not allowed in a value');
  for (const [, name] of value.matchAll(/([a-zA-Z-]+)\(/g)) {
    if (name!.toLowerCase() !== 'url' && !FUNCTIONS.has(name!.toLowerCase())) return refuse(`${name}() is not allowed`);
  }
  let depth = 0;
  for (const c of value) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) return refuse('unbalanced parentheses');
  }
  if (depth !== 0) return refuse('unbalanced parentheses');
  const keywords = KEYWORDS[property];
  if (keywords && !keywords.has(value.toLowerCase())) return refuse(`"${value}" is not one of ${[...keywords].join(', ')}`);
  value = value.replace(/url\((\d+)\)/g, (_m, n: string) => `url("${images[Number(n)]}")`).replace(/\s+/g, ' ');
  // Outside a browser (no CSSOM) the checks above are all there is.
  if (typeof globalThis.CSS?.supports === 'function' && !globalThis.CSS.supports(property, value)) return refuse('not a valid value');
  return value;
}

/**
 * Sanitizes hosted-UI CSS. Never throws: what cannot be kept is listed in `dropped` (or `error` for the point where
 * parsing stopped).
 */
export function sanitizeCustomizationCss(input: string, options: SanitizeOptions = {}): CustomizationResult {
  const max = options.maxLength ?? MAX_CUSTOMIZATION_CSS;
  const capped = input.length > max;
  const dropped: string[] = [];
  const rules: string[] = [];
  const scope = options.scope ? `:where(${options.scope}) ` : '';
  let error: string | undefined;

  const stripped = stripComments(capped ? input.slice(0, max) : input);
  error = stripped.error;
  const reader = new Reader(stripped.text);
  try {
    for (;;) {
      reader.skipSpace();
      if (reader.done) break;
      const c = reader.text[reader.i]!;
      if (c === '}') throw new ParseError('unbalanced "}"');
      if (c === '<') throw new ParseError('markup (<) in CSS');
      if (c === '@') {
        const name = /^@[-\w]*/.exec(reader.text.slice(reader.i))![0];
        reader.i += name.length;
        const { stop } = reader.until('{;}', name);
        if (stop === '}') throw new ParseError(`unbalanced "}" after ${name}`);
        if (stop === '{') reader.skipBlock(name);
        else reader.i++;
        dropped.push(`${name.toLowerCase()}: at-rules are not allowed`);
        continue;
      }
      const prelude = reader.until('{;}', 'selector');
      if (prelude.stop !== '{') throw new ParseError(`"${prelude.stop}" where a rule was expected`);
      reader.i++;
      const body = reader.until('{}', 'rule');
      if (body.stop === '{') throw new ParseError('nested block');
      reader.i++;
      const selectors = prelude.text.split(',').map((s) => s.trim().replace(/\s+/g, ' '));
      const declarations = splitDeclarations(body.text);
      for (const selector of selectors) {
        const allowed = Object.hasOwn(ALLOWED_CUSTOMIZATION, selector) ? ALLOWED_CUSTOMIZATION[selector] : undefined;
        if (!allowed) {
          dropped.push(`selector "${selector.slice(0, 80)}": not one of Cognito's customizable classes`);
          continue;
        }
        const kept: string[] = [];
        for (const d of declarations) {
          const m = /^\s*([a-zA-Z-]+)\s*:([\s\S]*)$/.exec(d);
          if (!m) {
            dropped.push(`${selector} { ${d.trim().slice(0, 40)} }: not a declaration`);
            continue;
          }
          const property = m[1]!.toLowerCase();
          if (!allowed.includes(property)) {
            dropped.push(`${selector} { ${property} }: property not allowed for this class`);
            continue;
          }
          const value = cleanValue(property, m[2]!, dropped, selector);
          if (value !== undefined) kept.push(`${property}: ${value};`);
        }
        if (kept.length) rules.push(`${scope}${selector} { ${kept.join(' ')} }`);
      }
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // Text cut at an unfinished comment or string ends in an unfinished rule: report the cause, not the symptom.
    error = stripped.error && reader.done ? stripped.error : e.message;
  }
  if (error) dropped.push(`parse error (${error}): the rest was ignored`);
  if (capped) dropped.push(`input longer than ${max} characters: the rest was ignored`);
  return { css: rules.join('\n'), capped, ...(error ? { error } : {}), dropped };
}

/** Splits a declaration block at `;` outside strings and brackets; blank parts are skipped. */
function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ';' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.filter((p) => p.trim() !== '');
}
