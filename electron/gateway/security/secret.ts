import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Secrets are compared in constant time so response timing does not reveal how many leading
 * characters of a guess were right. Both sides are hashed first: timingSafeEqual needs equal-length
 * buffers, and comparing digests also hides the length of the configured secret.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * True when `given` equals any of `expected`. Every candidate is compared (no early exit), so the
 * timing does not tell which position in the list matched.
 */
export function matchesAnySecret(given: string, expected: readonly string[]): boolean {
  let found = false;
  for (const candidate of expected) {
    const same = sameSecret(given, candidate);
    found = found || same;
  }
  return found;
}

/**
 * A short, stable, non-reversible name for a secret (8 hex characters of its SHA-256), safe to put in
 * metrics and logs where the secret itself must never appear.
 */
export function fingerprint(secret: string): string {
  return sha256(secret).toString('hex').slice(0, 8);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
