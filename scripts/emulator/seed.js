// The seed manifest (test/fixtures/seed.json) turned into the files cognito-local reads: .cognito/config.json,
// .cognito/db/clients.json and .cognito/db/<UserPoolId>.json. Pure data, no process: the node tests and the double
// can build or inspect these without starting anything.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST, cognitoLocalDir } from './cognito-local.js';

const require = createRequire(import.meta.url);

/** Absolute path of the default seed manifest. */
export const seedPath = fileURLToPath(new URL('../../test/fixtures/seed.json', import.meta.url));

/** Reads and parses a seed manifest (default: test/fixtures/seed.json). */
export async function loadSeed(file = seedPath) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Synchronous variant of loadSeed, for config files that cannot await. */
export function loadSeedSync(file = seedPath) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** cognito-local's own defaults for a new pool (password policy, standard schema attributes, ...). */
function awsPoolDefaults() {
  try {
    return require(path.join(cognitoLocalDir, 'lib', 'services', 'cognitoService.js')).USER_POOL_AWS_DEFAULTS ?? {};
  } catch {
    return {};
  }
}

/** Cognito's default password policy, should cognito-local ever stop exporting its defaults. */
const DEFAULT_PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

const attr = (Name, Value) => ({ Name, Value: String(Value) });

/** One seed user as cognito-local stores it in a given pool. */
export function userRecord(user, pool, { code = '123456', now = new Date().toISOString() } = {}) {
  const status = user.status ?? 'CONFIRMED';
  const mfa = user.mfa ?? [];
  const attributes = [attr('sub', user.sub)];
  if (user.email) attributes.push(attr('email', user.email), attr('email_verified', status !== 'UNCONFIRMED'));
  if (user.phone_number) {
    attributes.push(attr('phone_number', user.phone_number), attr('phone_number_verified', status !== 'UNCONFIRMED'));
  }
  for (const [name, value] of Object.entries(user.attributes ?? {})) attributes.push(attr(name, value));
  attributes.sort((a, b) => a.Name.localeCompare(b.Name));

  const username = pool.usernameFrom === 'sub' ? user.sub : user.username;
  const record = {
    Username: username,
    Password: user.password,
    Attributes: attributes,
    Enabled: true,
    UserStatus: status,
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: [],
  };
  if (status === 'UNCONFIRMED') record.ConfirmationCode = String(code);
  if (mfa.includes('SMS_MFA')) {
    if (!user.phone_number) throw new Error(`seed user ${user.username}: SMS_MFA needs a phone_number`);
    record.MFAOptions = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }];
  }
  if (mfa.includes('SOFTWARE_TOKEN_MFA')) {
    if (!user.totp?.secret) throw new Error(`seed user ${user.username}: SOFTWARE_TOKEN_MFA needs totp.secret`);
    record.SoftwareTokenMfaConfiguration = {
      Secret: user.totp.secret,
      Verified: true,
      ...(user.totp.deviceName ? { FriendlyDeviceName: user.totp.deviceName } : {}),
    };
  }
  if (mfa.length > 0) record.UserMFASettingList = [...mfa];
  // With exactly one factor Cognito treats it as preferred; with both and no preference it asks SELECT_MFA_TYPE.
  if (mfa.length === 1) record.PreferredMfaSetting = mfa[0];
  return record;
}

/**
 * The files cognito-local reads, generated from a seed manifest: { 'config.json': ..., 'db/clients.json': ...,
 * 'db/<PoolId>.json': ... } (paths relative to .cognito/).
 */
export function buildCognitoFiles(seed, { code = seed.code ?? '123456', port } = {}) {
  const now = new Date().toISOString();
  const region = seed.region ?? 'us-east-1';
  const defaults = awsPoolDefaults();
  const files = {
    'config.json': {
      ...(port ? { TokenConfig: { IssuerDomain: `http://${HOST}:${port}` } } : {}),
    },
  };
  const clients = {};
  // `doublePools`: pools only the double's node tests use, kept out of `pools` (which e2e tests and the demo iterate);
  // they hold only the users that name them in `pools`.
  const allPools = [
    ...Object.entries(seed.pools ?? {}).map(([key, pool]) => [key, pool, false]),
    ...Object.entries(seed.doublePools ?? {}).map(([key, pool]) => [key, pool, true]),
  ];
  for (const [poolKey, pool, onlyNamed] of allPools) {
    const users = {};
    for (const [userKey, user] of Object.entries(seed.users ?? {})) {
      if (user.pools ? !user.pools.includes(poolKey) : onlyNamed) continue;
      const record = userRecord({ username: userKey, ...user }, pool, { code, now });
      if (users[record.Username]) throw new Error(`seed: duplicate username ${record.Username} in pool ${poolKey}`);
      users[record.Username] = record;
    }
    const options = {
      ...defaults,
      // The seed's pool may set its own policy (the double enforces it); otherwise Cognito's default.
      Policies: {
        ...(pool.passwordPolicy
          ? { PasswordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...pool.passwordPolicy } }
          : (defaults.Policies ?? { PasswordPolicy: DEFAULT_PASSWORD_POLICY })),
        // Choice-based sign-in (USER_AUTH): the first factors the pool allows; without them only PASSWORD (the double's
        // scripts/double/sign-in-policy.js reads it).
        ...(pool.allowedFirstAuthFactors ? { SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors } } : {}),
      },
      // Passkeys: the relying party ID, and (read by the double only) extra origins a ceremony may come from.
      ...(pool.webAuthnRelyingPartyId ? { WebAuthnConfiguration: { RelyingPartyId: pool.webAuthnRelyingPartyId, UserVerification: 'preferred' } } : {}),
      ...(pool.webAuthnOrigins ? { WebAuthnOrigins: pool.webAuthnOrigins } : {}),
      Id: pool.id,
      Name: pool.name ?? poolKey,
      Arn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${pool.id}`,
      AutoVerifiedAttributes: pool.autoVerifiedAttributes ?? ['email'],
      MfaConfiguration: pool.mfaConfiguration ?? 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsAuthenticationMessage: 'Your authentication code is {####}. ',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      EstimatedNumberOfUsers: Object.keys(users).length,
      CreationDate: now,
      LastModifiedDate: now,
    };
    if (pool.usernameAttributes?.length) options.UsernameAttributes = pool.usernameAttributes;
    else delete options.UsernameAttributes;
    files[`db/${pool.id}.json`] = { Users: users, Groups: {}, Options: options };

    // The pool's main app client, then any extra ones (`clients`: e.g. without SRP, with device tracking or
    // refresh-token rotation, which the double models).
    for (const c of [pool, ...Object.entries(pool.clients ?? {}).map(([key, c]) => ({ clientName: `${poolKey}-${key}`, ...c }))]) {
      clients[c.clientId] = appClient(c, pool, poolKey, now);
    }
  }
  files['db/clients.json'] = { Clients: clients };
  return files;
}

/** One app client as cognito-local stores it; the double reads the extra fields (DeviceTracking, RefreshTokenRotation). */
function appClient(c, pool, poolKey, now) {
  return {
    ClientId: c.clientId,
    ClientName: c.clientName ?? `${poolKey}-client`,
    UserPoolId: pool.id,
    ExplicitAuthFlows: c.explicitAuthFlows ?? [
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ],
    // Cognito's defaults for a new app client.
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    EnableTokenRevocation: true,
    PreventUserExistenceErrors: 'ENABLED',
    // Read by the double only (scripts/double/devices.js, refresh.js): device tracking (true, or "opt-in" when devices
    // are remembered only on the user's prompt), refresh-token rotation (grace period 0 unless seeded), a client secret.
    ...(c.deviceTracking ? { DeviceTracking: c.deviceTracking } : {}),
    ...(c.refreshTokenRotation ? { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: c.retryGracePeriodSeconds ?? 0 } } : {}),
    ...(c.clientSecret ? { ClientSecret: c.clientSecret } : {}),
    CreationDate: now,
    LastModifiedDate: now,
  };
}
