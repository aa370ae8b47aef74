// What `npm run emulator` and `npm start` print once the emulator is up: its address, the code it sends, the seeded
// pools and clients, the users with their passwords, and the TOTP secrets to add to an authenticator app.

/** The banner for a started emulator (`emu` from startEmulator) whose every code is `code`. */
export function describeEmulator(emu, code) {
  const { seed } = emu;
  const out = [];
  out.push('', `The Cognito double is running at ${emu.endpoint} (in front of cognito-local${emu.upstream ? ` at ${emu.upstream}` : ''}).`, `Every code it sends is ${code}.`, '');
  for (const [key, pool] of Object.entries(seed.pools)) {
    out.push(`Pool "${key}": UserPoolId ${pool.id}   ClientId ${pool.clientId}   (sign in with ${pool.signInWith})`);
    for (const [clientKey, c] of Object.entries(pool.clients ?? {})) out.push(`  client "${clientKey}": ${c.clientId}   ${c.purpose ?? ''}`);
  }
  for (const [key, pool] of Object.entries(seed.doublePools ?? {})) {
    const factors = pool.allowedFirstAuthFactors ? `, sign in with ${pool.allowedFirstAuthFactors.join(' / ')}` : '';
    out.push(`Pool "${key}" (its own users only): UserPoolId ${pool.id}   ClientId ${pool.clientId}   (MFA ${pool.mfaConfiguration ?? 'OPTIONAL'}${factors})`);
  }
  out.push('', 'Users (in every pool):');
  const rows = [['username', 'email', 'password', ''], ...Object.entries(seed.users).map(([key, u]) => {
    const extra = [u.status !== 'CONFIRMED' ? u.status : '', (u.mfa ?? []).join('+')].filter(Boolean).join(', ');
    return [u.username ?? key, u.email ?? '', u.password ?? '(no password)', extra];
  })];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out.push(`  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`);
  const totpUsers = Object.entries(seed.users).filter(([, u]) => u.totp?.secret);
  if (totpUsers.length) {
    out.push('', 'TOTP secrets: add them to an authenticator app (setup key, time-based, 6 digits, SHA-1):');
    for (const [key, u] of totpUsers) {
      const label = encodeURIComponent(`cognito-elements:${u.email ?? key}`);
      out.push(`  ${key.padEnd(width[0])}  ${u.totp.secret}   otpauth://totp/${label}?secret=${u.totp.secret}&issuer=cognito-elements`);
    }
  }
  out.push('', 'Press Ctrl-C to stop.', '');
  return out.join('\n');
}
