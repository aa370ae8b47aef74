import { expect } from 'chai';
import { ConfigError, parseConfig, type AuthOptions } from '../../src/config.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicyType } from '../../src/password-policy.js';

const POOL = 'eu-west-1_AbC123';
const CLIENT = '1h57kf5cpq17m0eml12EXAMPLE';

/** A valid configuration plus the options under test. */
function parse(extra: AuthOptions = {}) {
  return parseConfig({ userPoolId: POOL, clientId: CLIENT, ...extra });
}

/** Runs `fn`, expects a ConfigError, and returns it for further checks. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    expect(e).to.be.instanceOf(Error);
    return e as ConfigError;
  }
  expect.fail('expected a ConfigError');
}

function expectRefused(options: AuthOptions, attribute: string, messagePart?: string | RegExp): ConfigError {
  const err = configError(() => parse(options));
  expect(err.attribute, `attribute for ${JSON.stringify(options)}`).to.equal(attribute);
  expect(err.name).to.equal('ConfigError');
  // The message names the attribute so a page author sees what to fix in the console.
  expect(err.message.startsWith(`${attribute}: `), err.message).to.equal(true);
  if (typeof messagePart === 'string') expect(err.message).to.include(messagePart);
  else if (messagePart) expect(err.message).to.match(messagePart);
  return err;
}

describe('parseConfig', () => {
  describe('user-pool-id and client-id', () => {
    it('accepts a valid pool and client and keeps them', () => {
      const config = parse();
      expect(config.userPoolId).to.equal(POOL);
      expect(config.clientId).to.equal(CLIENT);
    });

    it('trims surrounding white space from attribute values', () => {
      const config = parseConfig({ userPoolId: `  ${POOL}\n`, clientId: ` ${CLIENT} ` });
      expect(config.userPoolId).to.equal(POOL);
      expect(config.clientId).to.equal(CLIENT);
    });

    for (const missing of [undefined, null, '', '   ']) {
      it(`requires user-pool-id (${JSON.stringify(missing)})`, () => {
        const err = configError(() => parseConfig({ userPoolId: missing, clientId: CLIENT }));
        expect(err.attribute).to.equal('user-pool-id');
        expect(err.message).to.include('required');
        // The message shows what a pool id looks like.
        expect(err.message).to.match(/[a-z]{2}-[a-z]+-\d_\w+/);
      });

      it(`requires client-id (${JSON.stringify(missing)})`, () => {
        const err = configError(() => parseConfig({ userPoolId: POOL, clientId: missing }));
        expect(err.attribute).to.equal('client-id');
        expect(err.message).to.include('required');
      });
    }

    it('reports user-pool-id before client-id when both are missing', () => {
      expect(configError(() => parseConfig({})).attribute).to.equal('user-pool-id');
    });

    for (const bad of ['us-east-1', 'us-east-1_', '_AbC123', 'us-east-1_AbC-123', 'us-east-1_Ab C', 'us-east-1:AbC123', 'us-east-1_AbC!']) {
      it(`refuses the malformed user pool id ${JSON.stringify(bad)} and quotes it`, () => {
        expectRefused({ userPoolId: bad }, 'user-pool-id', `"${bad}"`);
      });
    }

    it('names user-pool-id when the region part of a pool id is malformed and no region is given', () => {
      // The region is derived from the pool id: a bad prefix is the pool id's fault, not a `region` the page never set.
      expectRefused({ userPoolId: 'US-EAST-1_AbC123' }, 'user-pool-id');
    });

    for (const bad of ['abc-def', 'abc def', 'x'.repeat(129), 'abc.def']) {
      it(`refuses the malformed app client id ${JSON.stringify(bad.length > 20 ? `${bad.slice(0, 8)}…` : bad)}`, () => {
        expectRefused({ clientId: bad }, 'client-id', 'not an app client id');
      });
    }

    it('accepts an app client id of 128 characters', () => {
      expect(parse({ clientId: 'a'.repeat(128) }).clientId).to.equal('a'.repeat(128));
    });
  });

  describe('region', () => {
    it("defaults to the pool id's prefix", () => {
      expect(parse().region).to.equal('eu-west-1');
      expect(parseConfig({ userPoolId: 'ap-southeast-2_Xyz9', clientId: CLIENT }).region).to.equal('ap-southeast-2');
    });

    it('uses an explicit region over the prefix', () => {
      expect(parse({ region: 'us-east-1' }).region).to.equal('us-east-1');
    });

    it('falls back to the prefix when region is blank', () => {
      expect(parse({ region: '  ' }).region).to.equal('eu-west-1');
      expect(parse({ region: null }).region).to.equal('eu-west-1');
    });

    it('refuses a region that is not an AWS region name', () => {
      expectRefused({ region: 'EU West 1' }, 'region', '"EU West 1"');
      expectRefused({ region: 'eu-west-1/../x' }, 'region');
    });
  });

  describe('endpoint', () => {
    it('is undefined unless given', () => {
      expect(parse().endpoint).to.equal(undefined);
      expect(parse({ endpoint: '' }).endpoint).to.equal(undefined);
      expect(parse({ endpoint: '  ' }).endpoint).to.equal(undefined);
    });

    it('accepts https on any host and removes a trailing slash', () => {
      expect(parse({ endpoint: 'https://cognito-proxy.example.com/' }).endpoint).to.equal('https://cognito-proxy.example.com');
      expect(parse({ endpoint: 'https://cognito-proxy.example.com' }).endpoint).to.equal('https://cognito-proxy.example.com');
      expect(parse({ endpoint: 'https://example.com/cognito/' }).endpoint).to.equal('https://example.com/cognito');
      expect(parse({ endpoint: ' https://example.com:8443/ ' }).endpoint).to.equal('https://example.com:8443');
    });

    for (const url of ['http://localhost:9229', 'http://localhost:9229/', 'http://127.0.0.1:9229/', 'http://127.1.2.3', 'http://[::1]:9229/', 'http://cognito.localhost:9229']) {
      it(`accepts http on loopback: ${url}`, () => {
        const endpoint = parse({ endpoint: url }).endpoint;
        expect(endpoint).to.be.a('string');
        expect(endpoint!.startsWith('http://')).to.equal(true);
        expect(endpoint!.endsWith('/')).to.equal(false);
      });
    }

    for (const url of ['http://example.com', 'http://192.168.1.10:9229', 'http://localhost.example.com', 'http://128.0.0.1', 'ftp://localhost/', 'ws://localhost:9229']) {
      it(`refuses ${url}: not https and not loopback http`, () => {
        expectRefused({ endpoint: url }, 'endpoint', 'https');
      });
    }

    it('refuses something that is not a URL, quoting it', () => {
      expectRefused({ endpoint: 'not a url' }, 'endpoint', '"not a url"');
      expectRefused({ endpoint: '/relative/path' }, 'endpoint');
    });

    it('refuses credentials in the URL (https and loopback http alike)', () => {
      expectRefused({ endpoint: 'https://user:secret@example.com/' }, 'endpoint', 'credentials');
      expectRefused({ endpoint: 'https://user@example.com/' }, 'endpoint', 'credentials');
      expectRefused({ endpoint: 'http://admin:admin@localhost:9229' }, 'endpoint', 'credentials');
    });

    it('never echoes the password of a URL with credentials', () => {
      const err = expectRefused({ endpoint: 'https://user:hunter2@example.com/' }, 'endpoint');
      expect(err.message).not.to.include('hunter2');
    });
  });

  describe('auth-flow', () => {
    it('defaults to USER_SRP_AUTH', () => {
      expect(parse().authFlow).to.equal('USER_SRP_AUTH');
      expect(parse({ authFlow: '' }).authFlow).to.equal('USER_SRP_AUTH');
    });

    it('accepts USER_SRP_AUTH and USER_PASSWORD_AUTH', () => {
      expect(parse({ authFlow: 'USER_SRP_AUTH' }).authFlow).to.equal('USER_SRP_AUTH');
      expect(parse({ authFlow: ' USER_PASSWORD_AUTH ' }).authFlow).to.equal('USER_PASSWORD_AUTH');
    });

    for (const flow of ['CUSTOM_AUTH', 'REFRESH_TOKEN_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'user_srp_auth', 'SRP']) {
      it(`refuses ${flow}, naming the accepted values`, () => {
        const err = expectRefused({ authFlow: flow }, 'auth-flow', `"${flow}"`);
        expect(err.message).to.include('USER_SRP_AUTH').and.to.include('USER_PASSWORD_AUTH');
      });
    }
  });

  describe('username-attributes', () => {
    it('defaults to none (the user types a username)', () => {
      expect(parse().usernameAttributes).to.deep.equal([]);
      expect(parse({ usernameAttributes: '' }).usernameAttributes).to.deep.equal([]);
    });

    it('accepts email, phone_number, or both', () => {
      expect(parse({ usernameAttributes: 'email' }).usernameAttributes).to.deep.equal(['email']);
      expect(parse({ usernameAttributes: 'phone_number' }).usernameAttributes).to.deep.equal(['phone_number']);
      expect(parse({ usernameAttributes: 'email phone_number' }).usernameAttributes).to.deep.equal(['email', 'phone_number']);
    });

    it('accepts space- or comma-separated strings and arrays', () => {
      for (const value of ['email,phone_number', 'email, phone_number', '  email\tphone_number ', 'email,,phone_number,']) {
        expect(parse({ usernameAttributes: value }).usernameAttributes, JSON.stringify(value)).to.deep.equal(['email', 'phone_number']);
      }
      expect(parse({ usernameAttributes: ['email', ' phone_number '] }).usernameAttributes).to.deep.equal(['email', 'phone_number']);
      expect(parse({ usernameAttributes: [] }).usernameAttributes).to.deep.equal([]);
    });

    for (const bad of ['username', 'preferred_username', 'Email', 'email;phone_number']) {
      it(`refuses ${JSON.stringify(bad)}`, () => {
        const err = expectRefused({ usernameAttributes: `email ${bad}` }, 'username-attributes');
        expect(err.message).to.include(`"${bad}"`);
      });
    }

    it('refuses unknown names in an array too', () => {
      expectRefused({ usernameAttributes: ['email', 'sub'] }, 'username-attributes', '"sub"');
    });
  });

  describe('sign-up-attributes', () => {
    it('defaults to none', () => {
      expect(parse().signUpAttributes).to.deep.equal([]);
    });

    it('accepts standard attribute names and custom: names, in order', () => {
      const config = parse({ signUpAttributes: 'email, given_name family_name,phone_number custom:tier' });
      expect(config.signUpAttributes).to.deep.equal(['email', 'given_name', 'family_name', 'phone_number', 'custom:tier']);
    });

    it('accepts every standard attribute a user may set at sign-up', () => {
      const standard = [
        'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
        'phone_number', 'picture', 'preferred_username', 'profile', 'website', 'zoneinfo',
      ];
      expect(parse({ signUpAttributes: standard }).signUpAttributes).to.deep.equal(standard);
    });

    it('accepts a custom: name of 20 characters and refuses one of 21', () => {
      const name20 = `custom:${'a'.repeat(20)}`;
      expect(parse({ signUpAttributes: [name20] }).signUpAttributes).to.deep.equal([name20]);
      const name21 = `custom:${'a'.repeat(21)}`;
      expectRefused({ signUpAttributes: [name21] }, 'sign-up-attributes', `"${name21}"`);
    });

    for (const bad of ['custom:', 'favorite_color', 'Email', 'sub', 'email_verified', 'custom:has space', 'dev:custom:tier']) {
      it(`refuses ${JSON.stringify(bad)}`, () => {
        const err = expectRefused({ signUpAttributes: ['email', bad] }, 'sign-up-attributes');
        expect(err.message).to.include(`"${bad}"`);
      });
    }

    it('removes duplicates, keeping the first position', () => {
      expect(parse({ signUpAttributes: 'email given_name email custom:tier given_name' }).signUpAttributes).to.deep.equal([
        'email',
        'given_name',
        'custom:tier',
      ]);
      expect(parse({ signUpAttributes: ['name', 'name'] }).signUpAttributes).to.deep.equal(['name']);
    });
  });

  describe('password-policy', () => {
    it("defaults to Cognito's default policy", () => {
      expect(parse().passwordPolicy).to.deep.equal({
        minimumLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: true,
      });
      expect(parse({ passwordPolicy: '' }).passwordPolicy).to.deep.equal(DEFAULT_PASSWORD_POLICY);
    });

    it('accepts JSON text as DescribeUserPool returns it', () => {
      const policy = parse({ passwordPolicy: '{"MinimumLength": 12, "RequireNumbers": true, "TemporaryPasswordValidityDays": 7}' }).passwordPolicy;
      expect(policy).to.deep.equal({
        minimumLength: 12,
        requireUppercase: false,
        requireLowercase: false,
        requireNumbers: true,
        requireSymbols: false,
      });
    });

    it('accepts an object', () => {
      const input: PasswordPolicyType = { MinimumLength: 6, RequireUppercase: true, RequireLowercase: true, RequireNumbers: false, RequireSymbols: true };
      expect(parse({ passwordPolicy: input }).passwordPolicy).to.deep.equal({
        minimumLength: 6,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: false,
        requireSymbols: true,
      });
    });

    it("reports a bad policy under 'password-policy' with the reason", () => {
      expectRefused({ passwordPolicy: '{MinimumLength: 8' }, 'password-policy', 'JSON');
      expectRefused({ passwordPolicy: '{"MinimumLength": 4}' }, 'password-policy', 'MinimumLength');
      expectRefused({ passwordPolicy: { MinimumLength: 100 } }, 'password-policy', 'MinimumLength');
      expectRefused({ passwordPolicy: '{"MinLength": 8}' }, 'password-policy', '"MinLength"');
      expectRefused({ passwordPolicy: '[8]' }, 'password-policy');
    });

    it("does not repeat 'password-policy' in the message", () => {
      const err = expectRefused({ passwordPolicy: 'nope' }, 'password-policy');
      expect(err.message.match(/password-policy/g)).to.have.length(1);
    });
  });

  describe('storage', () => {
    it("defaults to 'local'", () => {
      expect(parse().storage).to.equal('local');
      expect(parse({ storage: '' }).storage).to.equal('local');
    });

    it('accepts memory, session and local', () => {
      expect(parse({ storage: 'memory' }).storage).to.equal('memory');
      expect(parse({ storage: 'session' }).storage).to.equal('session');
      expect(parse({ storage: ' local ' }).storage).to.equal('local');
    });

    for (const bad of ['cookie', 'localStorage', 'sessionStorage', 'Memory', 'none']) {
      it(`refuses ${bad}`, () => {
        const err = expectRefused({ storage: bad }, 'storage', `"${bad}"`);
        expect(err.message).to.include('memory').and.to.include('session').and.to.include('local');
      });
    }
  });

  describe('timeoutMs', () => {
    it('defaults to 15000', () => {
      expect(parse().timeoutMs).to.equal(15000);
      expect(parse({ timeoutMs: null }).timeoutMs).to.equal(15000);
    });

    it('keeps a positive value', () => {
      expect(parse({ timeoutMs: 5000 }).timeoutMs).to.equal(5000);
    });

    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      it(`refuses ${bad}`, () => {
        const err = configError(() => parse({ timeoutMs: bad }));
        expect(err.attribute).to.equal('timeout');
        expect(err.message).to.include('milliseconds');
      });
    }
  });

  describe('secretHash, totpIssuer and smsMfaSetup', () => {
    it('keeps a secretHash function and leaves it undefined otherwise', () => {
      const secretHash = (username: string) => `hash-of-${username}`;
      expect(parse({ secretHash }).secretHash).to.equal(secretHash);
      expect(parse().secretHash).to.equal(undefined);
      expect(parse({ secretHash: null }).secretHash).to.equal(undefined);
    });

    for (const bad of ['c2VjcmV0', 42, {}]) {
      it(`refuses a secretHash that is not a function (${JSON.stringify(bad)})`, () => {
        const err = configError(() => parse({ secretHash: bad as unknown as AuthOptions['secretHash'] }));
        expect(err.attribute).to.equal('secretHash');
        expect(err.message).to.include('function');
      });
    }

    it('trims totpIssuer and drops a blank one', () => {
      expect(parse({ totpIssuer: ' Example Corp ' }).totpIssuer).to.equal('Example Corp');
      expect(parse({ totpIssuer: '  ' }).totpIssuer).to.equal(undefined);
    });

    it('keeps smsMfaSetup', () => {
      const smsMfaSetup = async () => {};
      expect(parse({ smsMfaSetup }).smsMfaSetup).to.equal(smsMfaSetup);
    });
  });
});
