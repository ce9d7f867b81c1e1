// The bench user of node-oidc-provider's peer, and its password check. The password is stored and checked as
// Latchkey stores user passwords (ASP.NET Core Identity's default: PBKDF2-HMAC-SHA512, 100,000 iterations,
// 128-bit salt, 256-bit key), so a login costs both servers the same hash. node-oidc-provider leaves accounts
// and passwords to its host; this file is that host's part.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);
const ITERATIONS = 100_000;

export const username = 'bench-user';
export const accountId = 'bench-user-sub';
const salt = randomBytes(16);
let hash;

export async function setPassword(password) {
  hash = await derive(password, salt, ITERATIONS, 32, 'sha512');
}

/** The account id when the username and password match, else undefined (always one PBKDF2, like Latchkey). */
export async function authenticate(name, password) {
  const candidate = await derive(password ?? '', salt, ITERATIONS, 32, 'sha512');
  const ok = timingSafeEqual(candidate, hash);
  return ok && name === username ? accountId : undefined;
}

export async function findAccount(_ctx, id) {
  if (id !== accountId) return undefined;
  return {
    accountId: id,
    claims: () => ({
      sub: id, email: 'bench@example.com', email_verified: true, name: 'Bench User', given_name: 'Bench', family_name: 'User',
    }),
  };
}
