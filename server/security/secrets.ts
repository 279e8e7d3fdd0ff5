import { createHash, randomBytes } from 'node:crypto';

// Secrets the centre hands out (device tokens, staff session tokens, enrollment codes) are random and
// stored only as SHA-256 digests: a copy of the database lets nobody sync or sign in. SHA-256 without
// salt is enough here because the secrets are 256-bit (or 60-bit and single-use, rate-limited) random.

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A bearer token: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

// Crockford's base32: no I, L, O, U — read aloud over the phone and typed without confusion.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code: 12 base32 characters (60 bits) in three groups, e.g. `7K3M-Q9RT-X2VD`. */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CROCKFORD[b & 31]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What a person typed, reduced to the code's 12 characters (case, dashes, spaces and look-alikes forgiven). */
export function normaliseEnrollmentCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function enrollmentCodeHash(typed: string): string {
  return sha256Hex(`enrollment:${normaliseEnrollmentCode(typed)}`);
}

/** The bearer token in an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(header.trim());
  return match?.[1] ?? null;
}
