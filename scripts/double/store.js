// Read-only view of cognito-local's state (its StormDB JSON files under <dir>/.cognito/db). cognito-local stays the
// owner of pools, clients, users, passwords and codes; the double reads them instead of keeping a second copy that
// could drift (every password change - SignUp, ConfirmForgotPassword, ChangePassword, NEW_PASSWORD_REQUIRED,
// AdminSetUserPassword - lands in this one place). cognito-local awaits its file write before it answers, so a read
// after its answer sees the change; a read racing a concurrent write may see a half-written file, hence the retry.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function createStore(dir) {
  const dbDir = path.join(dir, '.cognito', 'db');
  async function readJson(name) {
    for (let attempt = 0; ; attempt++) {
      try {
        return JSON.parse(await readFile(path.join(dbDir, name), 'utf8'));
      } catch (error) {
        if (attempt >= 20 || error.code === 'ENOENT') throw error;
        await sleep(10);
      }
    }
  }
  return {
    /** The app client, or null. */
    async client(clientId) {
      const { Clients = {} } = await readJson('clients.json');
      return Clients[clientId] ?? null;
    },
    /** The pool's record: { Users, Groups, Options }. */
    async pool(poolId) {
      return readJson(`${poolId}.json`);
    },
    /** A user by username, sub or (when the pool signs in with them) email / phone number, as cognito-local finds them. */
    async user(poolId, name) {
      const { Users = {}, Options = {} } = await this.pool(poolId);
      if (Users[name]) return Users[name];
      const aliases = Options.UsernameAttributes ?? [];
      const has = (user, attr) => user.Attributes?.some((a) => a.Name === attr && a.Value === name);
      return (
        Object.values(Users).find(
          (u) => has(u, 'sub') || (aliases.includes('email') && has(u, 'email')) || (aliases.includes('phone_number') && has(u, 'phone_number')),
        ) ?? null
      );
    },
  };
}

/** The value of one attribute of a cognito-local user record. */
export const attribute = (user, name) => user?.Attributes?.find((a) => a.Name === name)?.Value;
