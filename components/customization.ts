/**
 * Sanitizes Cognito hosted-UI CSS (the `CSS` that `GetUICustomization` returns) for `customization-css`.
 *
 * The text comes from outside the page's code, so it is treated as hostile: nothing of it is passed on as written.
 * It is tokenized once (customization-tokens.ts, after CSS Syntax Level 3) and parsed by a small, strict parser that
 * stops at the first structural error (unbalanced braces, an unfinished comment or string, markup such as
 * `</style>`, a nested block); a new stylesheet is written from what survives:
 * - selectors: only Cognito's customizable classes, alone (`.submitButton-customizable`, `…:hover`, …);
 * - properties: only those Cognito allows for that class (its developer guide, "Customizing hosted UI (classic)
 *   branding", and the keys of its default CSS template);
 * - values: colours, lengths, keywords and a few functions (rgb(), calc(), var(), …); `url()` only for a base64
 *   `data:` image; no `expression()`, no escapes, quotes or markup;
 * - at-rules (`@import`, `@media`, `@supports`, `@page`, `@font-face`, …) are dropped with their blocks.
 * Each kept rule is then scoped to one element instance (`:where(<scope>) .class`, so specificity stays that of the
 * hosted UI's own selector).
 *
 * The text is hostile in size too, and the sanitizer runs on the page's main thread: the input is capped, every
 * step is linear in it (one tokenization, each declaration cleaned once however many selectors share it, a selector
 * listed twice in a rule written once), and the output and the list of what was dropped are capped as well.
 */
import { tokenize, type Token } from './customization-tokens.js';

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
/**
 * The sanitized stylesheet never grows past this many characters; later rules are dropped. Four times the input cap:
 * the scope prefix on every rule makes a sheet of small rules twice its input's size, and a rule listing several
 * classes is written once per class; without a cap 32 KB of input could become megabytes.
 */
export const MAX_CUSTOMIZATION_OUTPUT = 4 * MAX_CUSTOMIZATION_CSS;
/** At most this many entries are listed in `dropped`; one more line counts the rest. */
const MAX_DROPPED = 200;
/** Brackets nest no deeper than this in a value, and a value has no more tokens than this (no real one comes close). */
const MAX_DEPTH = 16;
const MAX_VALUE_TOKENS = 200;

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
  /** Filled with the units of work done (tokens read, declarations checked): for tests and the benchmark. */
  stats?: { steps: number };
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
/** The one url() a value may hold: a base64 data: image (checked on the url's whole, unescaped text). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/i;
/** What a kept token may be written with: no quotes, escapes, colons, braces, `<`, `@`, `!`, `;`, non-ASCII. */
const SAFE = /^[-a-zA-Z0-9#%.,+*/_]+$/;
const PROPERTY = /^[a-zA-Z-]+$/;

class ParseError extends Error {}

/** The `dropped` list, capped: past MAX_DROPPED entries only a count is kept. */
class Dropped {
  readonly list: string[] = [];
  more = 0;
  add(why: string): void {
    if (this.list.length < MAX_DROPPED) this.list.push(why);
    else this.more++;
  }
}

interface Declaration {
  /** Lower-cased property name, or undefined when the part is not a declaration. */
  property?: string;
  /** The value's token range [from, to). */
  from: number;
  to: number;
  /** The cleaned value once checked: a string when kept, null when refused. */
  value?: string | null;
}

class Sanitizer {
  readonly tokens: Token[];
  readonly tokenError?: string;
  readonly dropped = new Dropped();
  readonly rules: string[] = [];
  i = 0;
  steps = 0;
  size = 0;
  full = false;

  constructor(
    readonly text: string,
    readonly scope: string,
  ) {
    const t = tokenize(text);
    this.tokens = t.tokens;
    this.tokenError = t.error;
    this.steps = t.tokens.length;
  }

  run(): void {
    const t = this.tokens;
    while (!this.full) {
      this.skipSpace();
      if (this.i >= t.length) return;
      const token = t[this.i]!;
      if (token.type === '}') throw new ParseError('unbalanced "}"');
      if (token.type === 'markup') throw new ParseError('markup (<) in CSS');
      if (token.type === 'at' || (token.type === 'delim' && token.value === '@')) {
        const name = token.type === 'at' ? `@${token.value.slice(0, 40).toLowerCase()}` : '@';
        this.i++;
        const stop = this.until('{;}', name);
        if (stop === '}') throw new ParseError(`unbalanced "}" after ${name}`);
        if (stop === '{') this.skipBlock(name);
        else this.i++;
        this.dropped.add(`${name}: at-rules are not allowed`);
        continue;
      }
      const prelude = this.i;
      const stop = this.until('{;}', 'selector');
      if (stop !== '{') throw new ParseError(`"${stop}" where a rule was expected`);
      const body = ++this.i;
      if (this.until('{}', 'rule') === '{') throw new ParseError('nested block');
      this.rule(prelude, body - 1, body, this.i++);
    }
  }

  skipSpace(): void {
    while (this.i < this.tokens.length && this.tokens[this.i]!.type === 'ws') this.i++;
  }

  /** Moves to the first of `stops` outside brackets and returns it; throws on markup, a brace in brackets, or EOF. */
  until(stops: string, what: string): string {
    const t = this.tokens;
    const closers: string[] = [];
    for (; this.i < t.length; this.i++) {
      const type = t[this.i]!.type;
      if (type === 'markup') throw new ParseError('markup (<) in CSS');
      if (closers.length === 0 && stops.includes(type)) return type;
      if (type === '(' || type === 'function') closers.push(')');
      else if (type === '[') closers.push(']');
      else if (type === closers[closers.length - 1]) closers.pop();
      else if (closers.length > 0 && (type === '{' || type === '}')) throw new ParseError(`"${type}" inside brackets in ${what}`);
    }
    throw new ParseError(`unfinished ${what}`);
  }

  /** Skips a `{ … }` block with everything nested in it (on its `{`). */
  skipBlock(what: string): void {
    const t = this.tokens;
    for (let depth = 0; this.i < t.length; this.i++) {
      const type = t[this.i]!.type;
      if (type === 'markup') throw new ParseError('markup (<) in CSS');
      if (type === '{') depth++;
      else if (type === '}' && --depth === 0) {
        this.i++;
        return;
      }
    }
    throw new ParseError(`unfinished ${what}`);
  }

  /** The source of tokens [from, to), comments and whitespace runs as one space, trimmed; cut past `limit`. */
  source(from: number, to: number, limit: number): string {
    let out = '';
    for (let k = from; k < to && out.length <= limit; k++) {
      const token = this.tokens[k]!;
      out += token.type === 'ws' ? ' ' : this.text.slice(token.start, Math.min(token.end, token.start + limit));
    }
    return out.replace(/ {2,}/g, ' ').trim();
  }

  /** Writes the rule with prelude tokens [p0, p1) and body tokens [b0, b1). */
  rule(p0: number, p1: number, b0: number, b1: number): void {
    const t = this.tokens;
    const selectors = new Set<string>();
    for (let k = p0, from = p0; k <= p1; k++) {
      if (k < p1 && t[k]!.type !== ',') continue;
      const selector = this.source(from, k, 100);
      from = k + 1;
      if (Object.hasOwn(ALLOWED_CUSTOMIZATION, selector)) selectors.add(selector);
      else this.dropped.add(`selector "${selector.slice(0, 80)}": not one of Cognito's customizable classes`);
    }
    if (selectors.size === 0) return;
    const declarations = this.declarations(b0, b1);
    for (const selector of selectors) {
      const allowed = ALLOWED_CUSTOMIZATION[selector]!;
      const kept: string[] = [];
      for (const d of declarations) {
        this.steps++;
        if (d.property === undefined) {
          this.dropped.add(`${selector} { ${this.source(d.from, d.to, 40).slice(0, 40)} }: not a declaration`);
        } else if (!allowed.includes(d.property)) {
          this.dropped.add(`${selector} { ${d.property} }: property not allowed for this class`);
        } else {
          if (d.value === undefined) d.value = this.clean(d, selector);
          if (d.value !== null) kept.push(`${d.property}: ${d.value};`);
        }
      }
      if (!kept.length) continue;
      const rule = `${this.scope}${selector} { ${kept.join(' ')} }`;
      this.size += rule.length + 1;
      if (this.size > MAX_CUSTOMIZATION_OUTPUT) {
        this.full = true;
        return;
      }
      this.rules.push(rule);
    }
  }

  /** Splits body tokens [b0, b1) at `;` outside brackets into declarations; blank parts are skipped. */
  declarations(b0: number, b1: number): Declaration[] {
    const t = this.tokens;
    const out: Declaration[] = [];
    let depth = 0;
    let from = b0;
    for (let k = b0; k <= b1; k++) {
      const type = k < b1 ? t[k]!.type : ';';
      if (type === '(' || type === 'function' || type === '[') depth++;
      else if ((type === ')' || type === ']') && depth > 0) depth--;
      if (type !== ';' || (depth > 0 && k < b1)) continue;
      let s = from;
      from = k + 1;
      while (s < k && t[s]!.type === 'ws') s++;
      if (s === k) continue;
      let c = s + 1;
      while (c < k && t[c]!.type === 'ws') c++;
      const name = t[s]!;
      const isDeclaration = name.type === 'ident' && !name.escaped && PROPERTY.test(name.value) && t[c]?.type === ':' && c < k;
      out.push(isDeclaration ? { property: name.value.toLowerCase(), from: c + 1, to: k } : { from: s, to: k });
    }
    return out;
  }

  /** The value of `d` as it may be written, or null (and why, in `dropped`). Runs once per declaration. */
  clean(d: Declaration, where: string): string | null {
    const t = this.tokens;
    const property = d.property!;
    const refuse = (why: string) => (this.dropped.add(`${where} { ${property} }: ${why}`), null);
    let from = d.from;
    let to = d.to;
    const trim = () => {
      while (from < to && t[from]!.type === 'ws') from++;
      while (to > from && t[to - 1]!.type === 'ws') to--;
    };
    trim();
    // A trailing `!important` is dropped: the hosted-UI rules win by being unlayered, not by importance.
    if (to > from && t[to - 1]!.type === 'ident' && !t[to - 1]!.escaped && t[to - 1]!.value.toLowerCase() === 'important') {
      let bang = to - 2;
      while (bang > from && t[bang]!.type === 'ws') bang--;
      if (bang >= from && t[bang]!.type === 'delim' && t[bang]!.value === '!') {
        to = bang;
        trim();
      }
    }
    if (from >= to) return refuse('empty value');
    if (to - from > MAX_VALUE_TOKENS) return refuse('value too long');
    let out = '';
    let depth = 0;
    for (let k = from; k < to; k++) {
      this.steps++;
      const token = t[k]!;
      const raw = this.text.slice(token.start, token.end);
      switch (token.type) {
        case 'ws':
          out += ' ';
          break;
        case 'url':
        case 'bad-url':
          if (token.type === 'bad-url' || token.escaped || !DATA_IMAGE.test(token.value)) return refuse('url() other than a data: image');
          out += `url("${token.value}")`;
          break;
        case 'function': {
          const name = token.value.toLowerCase();
          if (token.escaped) return refuse('characters not allowed in a value');
          if (name === 'url') {
            // url("…"): one string, nothing else. Its text is checked whole, as the browser will read it.
            let s = k + 1;
            while (s < to && t[s]!.type === 'ws') s++;
            let e = s + 1;
            while (e < to && t[e]!.type === 'ws') e++;
            const data = t[s];
            if (data?.type !== 'string' || data.escaped || t[e]?.type !== ')' || e >= to || !DATA_IMAGE.test(data.value)) {
              return refuse('url() other than a data: image');
            }
            out += `url("${data.value}")`;
            k = e;
            break;
          }
          if (!FUNCTIONS.has(name)) return refuse(`${token.value.slice(0, 40)}() is not allowed`);
          out += raw;
          if (++depth > MAX_DEPTH) return refuse('brackets nested too deeply');
          break;
        }
        case '(':
          out += '(';
          if (++depth > MAX_DEPTH) return refuse('brackets nested too deeply');
          break;
        case ')':
          if (--depth < 0) return refuse('unbalanced parentheses');
          out += ')';
          break;
        case 'ident':
        case 'number':
        case 'percentage':
        case 'dimension':
        case 'hash':
        case 'delim':
        case ',':
          if (token.escaped || !SAFE.test(raw)) return refuse('characters not allowed in a value');
          out += raw;
          break;
        default:
          return refuse('characters not allowed in a value');
      }
    }
    if (depth !== 0) return refuse('unbalanced parentheses');
    const value = out.replace(/ {2,}/g, ' ');
    const keywords = KEYWORDS[property];
    if (keywords && !keywords.has(value.toLowerCase())) return refuse(`"${value.slice(0, 40)}" is not one of ${[...keywords].join(', ')}`);
    // Outside a browser (no CSSOM) the checks above are all there is.
    if (typeof globalThis.CSS?.supports === 'function' && !globalThis.CSS.supports(property, value)) return refuse('not a valid value');
    return value;
  }
}

/**
 * Sanitizes hosted-UI CSS. Never throws: what cannot be kept is listed in `dropped` (or `error` for the point where
 * parsing stopped).
 */
export function sanitizeCustomizationCss(input: string, options: SanitizeOptions = {}): CustomizationResult {
  const max = options.maxLength ?? MAX_CUSTOMIZATION_CSS;
  const capped = input.length > max;
  const s = new Sanitizer(capped ? input.slice(0, max) : input, options.scope ? `:where(${options.scope}) ` : '');
  let error: string | undefined;
  try {
    s.run();
    // Past the output cap the rest was never read: an unfinished comment or string there is not worth a mention.
    if (!s.full) error = s.tokenError;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // Text cut at an unfinished comment or string ends in an unfinished rule: report the cause, not the symptom.
    error = s.tokenError && s.i >= s.tokens.length ? s.tokenError : e.message;
  }
  if (options.stats) options.stats.steps = s.steps;
  const dropped = s.dropped.list;
  if (s.dropped.more) dropped.push(`… and ${s.dropped.more} more`);
  if (s.full) dropped.push(`output longer than ${MAX_CUSTOMIZATION_OUTPUT} characters: the rest was ignored`);
  if (error) dropped.push(`parse error (${error}): the rest was ignored`);
  if (capped) dropped.push(`input longer than ${max} characters: the rest was ignored`);
  return { css: s.rules.join('\n'), capped, ...(error ? { error } : {}), dropped };
}
