/**
 * Password hashing with scrypt from node:crypto (OpenSSL). The stored string carries its own
 * parameters so they can be raised later without breaking existing accounts.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Cost parameters we accept from a stored hash: a corrupt row must not cost gigabytes per login. */
function isSaneCost(n: number, r: number, p: number): boolean {
  const powerOfTwo = Number.isInteger(n) && n >= 2 ** 10 && n <= 2 ** 20 && (n & (n - 1)) === 0;
  return powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 16 && Number.isInteger(p) && p >= 1 && p <= 16;
}

/** False for a wrong password and for a stored hash it cannot read: login fails, it never throws. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const [cost, blockSize, parallel] = [n, r, p].map((x) => (/^\d{1,8}$/.test(x) ? Number(x) : NaN)) as [number, number, number];
  if (!isSaneCost(cost, blockSize, parallel)) return false;
  const expected = Buffer.from(hash, 'base64url');
  try {
    const key = await derive(password, Buffer.from(salt, 'base64url'), cost, blockSize, parallel);
    return key.length === expected.length && timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

type Estimator = (password: string, userInputs: string[]) => { score: number; feedback: { warning: string | null } };
let estimator: Promise<Estimator> | undefined;

/**
 * zxcvbn-ts with its common-password and word lists, offline. Loaded on the first password set,
 * not at start-up: it takes about a second and 30 MB, and most processes never need it.
 */
function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return (password, userInputs) => zxcvbn.check(password, userInputs);
  })();
  return estimator;
}

/** zxcvbn's warning keys, said as what is wrong with the password. */
function weakness(warning: string | null): string {
  switch (warning) {
    case 'simpleRepeat':
    case 'extendedRepeat':
      return 'repeats itself (like "aaaaaaaaaa" or "abcabcabc")';
    case 'sequences':
    case 'straightRow':
    case 'keyPattern':
      return 'follows a sequence or a row of keys';
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'similarToCommon':
    case 'pwned':
      return 'is a common password, or close to one';
    case 'userInputs':
      return 'is too close to the username';
    case 'dates':
    case 'recentYears':
      return 'is mostly a date or a year';
    case 'wordByItself':
    case 'namesByThemselves':
    case 'commonNames':
      return 'is mostly a single word or name';
    default:
      return 'is too easy to guess';
  }
}

/**
 * What is wrong with a new password for `username`, or undefined. Every way of setting one
 * (`caravan user add`, the first-account page, "My password", an admin's reset) asks this.
 */
export async function passwordProblem(password: string, username: string): Promise<string | undefined> {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  const name = username.trim().normalize('NFKC').toLowerCase();
  // Two-letter names ("al", "ed") sit inside too many good passphrases to forbid.
  if (name.length >= 3 && password.normalize('NFKC').toLowerCase().includes(name)) return 'must not contain the username';
  const estimate = (await loadEstimator())(password, [name, 'caravan']);
  // 3 of 4: about 10^8 guesses or more, beyond an online attack and costly offline against scrypt.
  if (estimate.score < 3) return `${weakness(estimate.feedback.warning)}: too easy to guess; a few unrelated words make a strong password`;
  return undefined;
}
