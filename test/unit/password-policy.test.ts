import { expect } from 'chai';
import {
  checkPassword,
  COGNITO_SYMBOLS,
  DEFAULT_PASSWORD_POLICY,
  isPasswordValid,
  parsePasswordPolicy,
  PasswordPolicyError,
  type PasswordCheck,
  type PasswordPolicy,
  type PasswordRule,
} from '../../src/password-policy.js';

const ALL: PasswordPolicy = { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const LENGTH_ONLY: PasswordPolicy = { minimumLength: 8, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };

function only(rule: Exclude<PasswordRule, 'minLength'>, minimumLength = 1): PasswordPolicy {
  return {
    minimumLength,
    requireUppercase: rule === 'uppercase',
    requireLowercase: rule === 'lowercase',
    requireNumbers: rule === 'number',
    requireSymbols: rule === 'symbol',
  };
}

function result(checks: PasswordCheck[], rule: PasswordRule): boolean {
  const check = checks.find((c) => c.rule === rule);
  expect(check, `a ${rule} check`).to.not.equal(undefined);
  return check!.valid;
}

function policyError(fn: () => unknown): PasswordPolicyError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(PasswordPolicyError);
    return e as PasswordPolicyError;
  }
  expect.fail('expected a PasswordPolicyError');
}

describe('parsePasswordPolicy', () => {
  it("returns Cognito's default policy (8 characters and all four rules) when nothing is given", () => {
    const expected = { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
    expect(DEFAULT_PASSWORD_POLICY).to.deep.equal(expected);
    expect(parsePasswordPolicy(undefined)).to.deep.equal(expected);
    expect(parsePasswordPolicy(null)).to.deep.equal(expected);
    expect(parsePasswordPolicy('')).to.deep.equal(expected);
  });

  it('cannot be changed through the default object', () => {
    const policy = parsePasswordPolicy(undefined) as { minimumLength: number };
    expect(() => {
      policy.minimumLength = 1;
    }).to.throw(TypeError);
    expect(parsePasswordPolicy(undefined).minimumLength).to.equal(8);
  });

  it('treats missing flags as false when an object is given', () => {
    expect(parsePasswordPolicy({})).to.deep.equal({
      minimumLength: 8,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
      requireSymbols: false,
    });
    expect(parsePasswordPolicy({ RequireSymbols: true })).to.deep.equal({
      minimumLength: 8,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
      requireSymbols: true,
    });
  });

  it('reads the JSON text of a PasswordPolicyType', () => {
    const text = JSON.stringify({
      MinimumLength: 10,
      RequireUppercase: true,
      RequireLowercase: false,
      RequireNumbers: true,
      RequireSymbols: false,
      PasswordHistorySize: 5,
      TemporaryPasswordValidityDays: 7,
    });
    expect(parsePasswordPolicy(text)).to.deep.equal({
      minimumLength: 10,
      requireUppercase: true,
      requireLowercase: false,
      requireNumbers: true,
      requireSymbols: false,
    });
  });

  for (const min of [6, 99]) {
    it(`accepts MinimumLength ${min}`, () => {
      expect(parsePasswordPolicy({ MinimumLength: min }).minimumLength).to.equal(min);
      expect(parsePasswordPolicy(`{"MinimumLength":${min}}`).minimumLength).to.equal(min);
    });
  }

  for (const min of [5, 100, 0, -8, 8.5]) {
    it(`refuses MinimumLength ${min}`, () => {
      expect(policyError(() => parsePasswordPolicy({ MinimumLength: min })).message).to.include('MinimumLength');
    });
  }

  it('refuses a MinimumLength that is not a number', () => {
    expect(policyError(() => parsePasswordPolicy('{"MinimumLength":"8"}')).message).to.include('MinimumLength');
  });

  it('refuses unknown keys, naming them', () => {
    expect(policyError(() => parsePasswordPolicy('{"MinLength": 8}')).message).to.include('"MinLength"');
    expect(policyError(() => parsePasswordPolicy({ minimumLength: 8 } as never)).message).to.include('"minimumLength"');
  });

  it('refuses text that is not JSON', () => {
    for (const text of ['{MinimumLength: 8}', 'not json', '{"MinimumLength": 8']) {
      expect(policyError(() => parsePasswordPolicy(text)).message, text).to.include('JSON');
    }
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '8', '"x"', 'null', 'true']) {
      policyError(() => parsePasswordPolicy(text));
    }
  });

  it('refuses flags that are not booleans', () => {
    expect(policyError(() => parsePasswordPolicy('{"RequireNumbers":"true"}')).message).to.include('RequireNumbers');
    expect(policyError(() => parsePasswordPolicy('{"RequireSymbols":1}')).message).to.include('RequireSymbols');
  });
});

describe('checkPassword', () => {
  it('lists one entry per rule of the policy, in a fixed order: length, number, symbol, upper case, lower case', () => {
    expect(checkPassword(ALL, '').map((c) => c.rule)).to.deep.equal(['minLength', 'number', 'symbol', 'uppercase', 'lowercase']);
    expect(checkPassword(LENGTH_ONLY, 'x').map((c) => c.rule)).to.deep.equal(['minLength']);
    expect(checkPassword({ ...LENGTH_ONLY, requireLowercase: true, requireNumbers: true }, 'x').map((c) => c.rule)).to.deep.equal([
      'minLength',
      'number',
      'lowercase',
    ]);
  });

  it('reports each rule valid or invalid for a password', () => {
    expect(checkPassword(ALL, '')).to.deep.equal([
      { rule: 'minLength', valid: false, count: 8 },
      { rule: 'number', valid: false },
      { rule: 'symbol', valid: false },
      { rule: 'uppercase', valid: false },
      { rule: 'lowercase', valid: false },
    ]);
    expect(checkPassword(ALL, 'Correct-Horse-9')).to.deep.equal([
      { rule: 'minLength', valid: true, count: 8 },
      { rule: 'number', valid: true },
      { rule: 'symbol', valid: true },
      { rule: 'uppercase', valid: true },
      { rule: 'lowercase', valid: true },
    ]);
  });

  it('carries the required length as count on the minLength entry only', () => {
    const checks = checkPassword({ ...ALL, minimumLength: 12 }, 'abc');
    expect(checks[0]).to.deep.equal({ rule: 'minLength', valid: false, count: 12 });
    for (const c of checks.slice(1)) expect(c.count, c.rule).to.equal(undefined);
  });

  it('checks the minimum length inclusively', () => {
    expect(result(checkPassword(LENGTH_ONLY, 'abcdefg'), 'minLength')).to.equal(false);
    expect(result(checkPassword(LENGTH_ONLY, 'abcdefgh'), 'minLength')).to.equal(true);
    expect(result(checkPassword(LENGTH_ONLY, 'abcdefghi'), 'minLength')).to.equal(true);
  });

  it('counts code points, not UTF-16 units', () => {
    // Each emoji is two UTF-16 units: 7 of them are 14 units but only 7 characters.
    expect('😀'.repeat(7).length).to.equal(14);
    expect(result(checkPassword(LENGTH_ONLY, '😀'.repeat(7)), 'minLength')).to.equal(false);
    expect(result(checkPassword(LENGTH_ONLY, '😀'.repeat(8)), 'minLength')).to.equal(true);
    expect(result(checkPassword(LENGTH_ONLY, `abcd${'𝒳'.repeat(3)}`), 'minLength')).to.equal(false);
  });

  it('number: any ASCII digit', () => {
    expect(result(checkPassword(only('number'), 'abc'), 'number')).to.equal(false);
    for (const d of '0123456789') expect(result(checkPassword(only('number'), `ab${d}c`), 'number'), d).to.equal(true);
    // Digits of other scripts are not what Cognito counts.
    expect(result(checkPassword(only('number'), 'abc٣'), 'number')).to.equal(false);
  });

  it('uppercase: an ASCII capital letter', () => {
    expect(result(checkPassword(only('uppercase'), 'abc1!'), 'uppercase')).to.equal(false);
    expect(result(checkPassword(only('uppercase'), 'abZc'), 'uppercase')).to.equal(true);
    expect(result(checkPassword(only('uppercase'), 'Aaa'), 'uppercase')).to.equal(true);
  });

  it('lowercase: an ASCII small letter', () => {
    expect(result(checkPassword(only('lowercase'), 'ABC1!'), 'lowercase')).to.equal(false);
    expect(result(checkPassword(only('lowercase'), 'ABzC'), 'lowercase')).to.equal(true);
  });

  it('non-ASCII letters count as neither upper nor lower case', () => {
    const policy: PasswordPolicy = { ...LENGTH_ONLY, minimumLength: 1, requireUppercase: true, requireLowercase: true };
    for (const pw of ['ÉÖÑ', 'éöñ', 'ΣΑΣ', 'σας', 'ЖЖ', 'жж', 'Éé']) {
      const checks = checkPassword(policy, pw);
      expect(result(checks, 'uppercase'), pw).to.equal(false);
      expect(result(checks, 'lowercase'), pw).to.equal(false);
    }
  });

  it('symbol: letters and digits are not symbols', () => {
    expect(result(checkPassword(only('symbol'), 'Abcdef123'), 'symbol')).to.equal(false);
  });

  // Cognito's documented special characters, written out here independently of the library's constant.
  const documentedSymbols = ['^', '$', '*', '.', '[', ']', '{', '}', '(', ')', '?', '"', '!', '@', '#', '%', '&', '/', '\\', ',', '>', '<', "'", ':', ';', '|', '_', '~', '`', '=', '+', '-'];

  it("counts every character of Cognito's symbol set as a symbol", () => {
    for (const ch of documentedSymbols) {
      expect(COGNITO_SYMBOLS.includes(ch), `COGNITO_SYMBOLS has ${ch}`).to.equal(true);
      expect(result(checkPassword(only('symbol'), `ab${ch}cd`), 'symbol'), `inside: ${ch}`).to.equal(true);
      expect(result(checkPassword(only('symbol'), `${ch}abcd`), 'symbol'), `leading: ${ch}`).to.equal(true);
      expect(result(checkPassword(only('symbol'), `abcd${ch}`), 'symbol'), `trailing: ${ch}`).to.equal(true);
    }
    for (const ch of COGNITO_SYMBOLS) {
      expect(result(checkPassword(only('symbol'), `ab${ch}cd`), 'symbol'), `COGNITO_SYMBOLS: ${JSON.stringify(ch)}`).to.equal(true);
    }
    // Nothing else: the documented set plus the space.
    expect([...COGNITO_SYMBOLS].sort()).to.deep.equal([...documentedSymbols, ' '].sort());
  });

  it('does not count characters outside the set as symbols', () => {
    for (const ch of ['€', '£', '§', '¿', '×', '😀', '\t']) {
      expect(result(checkPassword(only('symbol'), `ab${ch}cd`), 'symbol'), JSON.stringify(ch)).to.equal(false);
    }
  });

  it('counts a space as a symbol only inside the password', () => {
    expect(result(checkPassword(only('symbol'), 'correct horse'), 'symbol')).to.equal(true);
    expect(result(checkPassword(only('symbol'), ' correcthorse'), 'symbol')).to.equal(false);
    expect(result(checkPassword(only('symbol'), 'correcthorse '), 'symbol')).to.equal(false);
    expect(result(checkPassword(only('symbol'), '  correcthorse  '), 'symbol')).to.equal(false);
    expect(result(checkPassword(only('symbol'), ' correct horse '), 'symbol')).to.equal(true);
  });
});

describe('isPasswordValid', () => {
  it('is true only when every rule passes', () => {
    expect(isPasswordValid(ALL, 'Correct-Horse-9')).to.equal(true);
    expect(isPasswordValid(ALL, 'Cor-9a')).to.equal(false); // too short
    expect(isPasswordValid(ALL, 'Correct-Horse-x')).to.equal(false); // no number
    expect(isPasswordValid(ALL, 'CorrectHorse9')).to.equal(false); // no symbol
    expect(isPasswordValid(ALL, 'correct-horse-9')).to.equal(false); // no upper case
    expect(isPasswordValid(ALL, 'CORRECT-HORSE-9')).to.equal(false); // no lower case
    expect(isPasswordValid(LENGTH_ONLY, 'aaaaaaaa')).to.equal(true);
  });

  it('accepts an inner space as the symbol', () => {
    expect(isPasswordValid(ALL, 'Correct Horse 9')).to.equal(true);
  });

  it('refuses leading or trailing white space, even when every rule passes', () => {
    for (const pw of [' Correct-Horse-9', 'Correct-Horse-9 ', '\tCorrect-Horse-9', 'Correct-Horse-9\n', '\u00a0Correct-Horse-9']) {
      expect(checkPassword(ALL, pw).every((c) => c.valid), JSON.stringify(pw)).to.equal(true);
      expect(isPasswordValid(ALL, pw), JSON.stringify(pw)).to.equal(false);
    }
  });
});
