/**
 * A CSS tokenizer for the customization-css sanitizer (customization.ts), after CSS Syntax Level 3, §4 "Tokenization".
 *
 * One pass, left to right: every step consumes at least one character and nothing is ever re-read, so the work is
 * linear in the input (no regular expression runs over unbounded text). It differs from the standard where the
 * sanitizer wants to be stricter:
 * - a comment becomes a whitespace token, so a comment between `ex` and `pression(` never joins them into one name;
 * - a `<` outside a string or comment (`</style>`, `<!--`) ends tokenization with a `markup` token;
 * - an unfinished comment or string (EOF, or a newline in a string) ends tokenization with `error` set.
 * Escapes are decoded into `value` (so `u\72 l(` is seen as the browser sees it) and flag the token `escaped`; the
 * sanitizer keeps nothing escaped.
 */

export type TokenType =
  | 'ws' | 'ident' | 'function' | 'at' | 'hash' | 'string' | 'url' | 'bad-url' | 'number' | 'percentage' | 'dimension'
  | 'delim' | 'cdc' | ':' | ';' | ',' | '(' | ')' | '[' | ']' | '{' | '}' | 'markup';

export interface Token {
  type: TokenType;
  /** Source range [start, end). */
  start: number;
  end: number;
  /** Name of an ident, function, at-keyword, hash or dimension unit; contents of a string or url (escapes decoded). */
  value: string;
  /** True when the token's source holds an escape. */
  escaped: boolean;
}

export interface Tokens {
  tokens: Token[];
  /** Why tokenization stopped early (unfinished comment or string); `tokens` ends before it. */
  error?: string;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
const isNewline = (c: string | undefined) => c === '\n' || c === '\r' || c === '\f';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || isNewline(c);
const isIdentStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) >= 0x80);
const isIdentChar = (c: string | undefined) => isIdentStart(c) || isDigit(c) || c === '-';
const isValidEscape = (c1: string | undefined, c2: string | undefined) => c1 === '\\' && c2 !== undefined && !isNewline(c2);

/** Tokenizes `text` in one linear pass. */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let i = 0;
  let escaped = false;
  const at = (k: number) => text[k];
  const startsIdent = (k: number) => {
    const c = at(k);
    if (c === '-') return isIdentStart(at(k + 1)) || at(k + 1) === '-' || isValidEscape(at(k + 1), at(k + 2));
    if (isIdentStart(c)) return true;
    return isValidEscape(c, at(k + 1));
  };
  const startsNumber = (k: number) => {
    const c = at(k);
    if (c === '+' || c === '-') return isDigit(at(k + 1)) || (at(k + 1) === '.' && isDigit(at(k + 2)));
    if (c === '.') return isDigit(at(k + 1));
    return isDigit(c);
  };
  /** Consumes the escape at i (on its `\`) and returns the code point it stands for. */
  const escape = (): string => {
    escaped = true;
    i++;
    if (!isHex(at(i))) return at(i++) ?? '\uFFFD';
    let hex = '';
    while (hex.length < 6 && isHex(at(i))) hex += at(i++);
    if (isSpace(at(i))) i += at(i) === '\r' && at(i + 1) === '\n' ? 2 : 1;
    const cp = parseInt(hex, 16);
    return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp);
  };
  const name = (): string => {
    let out = '';
    for (;;) {
      if (isIdentChar(at(i))) out += at(i++);
      else if (isValidEscape(at(i), at(i + 1))) out += escape();
      else return out;
    }
  };
  const digits = () => {
    while (isDigit(at(i))) i++;
  };
  const push = (type: TokenType, start: number, value = '') => {
    tokens.push({ type, start, end: i, value, escaped });
  };

  while (i < text.length) {
    const start = i;
    const c = text[i]!;
    escaped = false;
    if (c === '/' && at(i + 1) === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { tokens, error: 'unfinished comment' };
      i = end + 2;
      push('ws', start);
    } else if (isSpace(c)) {
      while (isSpace(at(i))) i++;
      push('ws', start);
    } else if (c === '"' || c === "'") {
      let value = '';
      i++;
      for (;;) {
        const d = at(i);
        if (d === undefined || isNewline(d)) return { tokens, error: 'unfinished string' };
        if (d === c) break;
        if (d === '\\') {
          if (isNewline(at(i + 1))) i += at(i + 1) === '\r' && at(i + 2) === '\n' ? 3 : 2;
          else if (at(i + 1) === undefined) i++;
          else value += escape();
        } else value += text[i++];
      }
      i++;
      push('string', start, value);
    } else if (c === '<') {
      push('markup', start);
      return { tokens };
    } else if (c === '#' && (isIdentChar(at(i + 1)) || isValidEscape(at(i + 1), at(i + 2)))) {
      i++;
      push('hash', start, name());
    } else if (startsNumber(i)) {
      if (c === '+' || c === '-') i++;
      digits();
      if (at(i) === '.' && isDigit(at(i + 1))) {
        i++;
        digits();
      }
      if ((at(i) === 'e' || at(i) === 'E') && (isDigit(at(i + 1)) || ((at(i + 1) === '+' || at(i + 1) === '-') && isDigit(at(i + 2))))) {
        i += 2;
        digits();
      }
      if (startsIdent(i)) push('dimension', start, name());
      else if (at(i) === '%') {
        i++;
        push('percentage', start);
      } else push('number', start);
    } else if (c === '-' && at(i + 1) === '-' && at(i + 2) === '>') {
      i += 3;
      push('cdc', start);
    } else if (startsIdent(i)) {
      const value = name();
      if (at(i) !== '(') push('ident', start, value);
      else if (value.toLowerCase() !== 'url') {
        i++;
        push('function', start, value);
      } else {
        i++;
        let k = i;
        while (isSpace(at(k))) k++;
        if (at(k) === '"' || at(k) === "'") push('function', start, value);
        else if (url(start, k)) return { tokens };
      }
    } else if (c === '@' && startsIdent(i + 1)) {
      i++;
      push('at', start, name());
    } else {
      i++;
      push('()[]{}:;,'.includes(c) ? (c as TokenType) : 'delim', start, c);
    }
  }
  return { tokens };

  /** Consumes an unquoted url( … ) from k (past `url(` and its spaces); true when markup ended tokenization. */
  function url(start: number, k: number): boolean {
    let value = '';
    i = k;
    for (;;) {
      const d = at(i);
      if (d === undefined) return push('bad-url', start), false;
      if (d === ')') {
        i++;
        return push('url', start, value), false;
      }
      if (d === '<') return push('markup', i), true;
      if (isSpace(d)) {
        while (isSpace(at(i))) i++;
        if (at(i) === ')' || at(i) === undefined) continue;
      } else if (d === '\\' && isValidEscape(d, at(i + 1))) {
        value += escape();
        continue;
      } else if (d !== '"' && d !== "'" && d !== '(' && d !== '\\' && !(d < ' ' || d === '\x7f')) {
        value += d;
        i++;
        continue;
      }
      // A bad url: the rest up to `)` is swallowed, as a browser does.
      for (;;) {
        const e = at(i);
        if (e === undefined) return push('bad-url', start), false;
        if (e === '<') return push('markup', i), true;
        if (e === ')') {
          i++;
          return push('bad-url', start), false;
        }
        if (isValidEscape(e, at(i + 1))) escape();
        else i++;
      }
    }
  }
}
