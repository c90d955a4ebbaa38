import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { newSecret } from '../ids.js';

// Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's baseline). The enum
// is a const enum that isolatedModules cannot read, hence the literal.
const ARGON2ID = 2 as Algorithm;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a hash we cannot read (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one real verification and answers false. Used when the account does not
 * exist (or has no password) so response times do not tell which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(newSecret());
  await verifyPassword(await dummyHash, password);
  return false;
}
