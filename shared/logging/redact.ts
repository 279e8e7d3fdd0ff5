// One redaction for every log line the desk and the centre write, and for every crash report: personal
// data (Decree 13/2023) never reaches a file a technician may copy. Code is written so that it never logs
// personal data in the first place (commands log their name, never their arguments); this is the net
// under that rule, for an error message or a stack that quotes what it should not.

/** What replaces a redacted value; the centre's pino redaction uses the same word. */
export const REDACTED = '[ẩn]';

/**
 * Object keys whose values are never logged, whatever they hold: tokens and passwords, and the fields that
 * carry a citizen's name, ID number or papers. The centre's logger redacts the same keys (server/http/logging.ts).
 */
export const REDACTED_KEYS: readonly string[] = [
  'headers',
  'authorization',
  'token',
  'code',
  'password',
  'body',
  'event',
  'events',
  'payload',
  'applicant',
  'idNumber',
  'oldIdNumber',
  'fullName',
  'name',
  'address',
  'qr',
  'args',
];

const REDACTED_KEY_SET = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()));

// A CCCD QR line: fields separated by '|' (…|…|…). Three or more fields is enough to be one; the whole
// line goes, names and addresses with it (they cannot be recognised on their own). Each pattern starts
// only at a word's start (the lookbehinds), so a long unbroken run costs one pass, not one per character.
const QR_LINE = /(?<![^\s"'`=:(])[^\s|"'`]*(?:\|[^|\n"'`]*){2,}/gu;
// ID numbers: the 12-digit CCCD and the old 9-digit CMND (also any 9–12 digit run: a phone number is
// personal data too). Dossier codes' digit groups are shorter.
const ID_DIGITS = /(?<![\d])\d{9,12}(?![\d])/gu;
// Bearer tokens and the centre's random secrets (base64url of 32 bytes, hex digests): long unbroken runs.
const BEARER = /\b(Bearer)\s+\S+/giu;
const LONG_SECRET = /[A-Za-z0-9_-]{40,}/gu;
// key=value and "key":"value" pairs whose key is on the list (URLs' query strings, serialised JSON).
const KEYED_VALUE = /(?<![A-Za-z0-9_])(["']?)([A-Za-z][A-Za-z0-9_]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,&}]+)/gu;

/** The text with every ID number, QR line, token and listed key's value replaced by REDACTED. */
export function redactText(text: string): string {
  return text
    .replace(KEYED_VALUE, (match, quote: string, key: string, separator: string) =>
      REDACTED_KEY_SET.has(key.toLowerCase()) ? `${quote}${key}${quote}${separator}${REDACTED}` : match,
    )
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(QR_LINE, REDACTED)
    .replace(LONG_SECRET, REDACTED)
    .replace(ID_DIGITS, REDACTED);
}

const MAX_DEPTH = 6;

/**
 * A value made safe to log: strings redacted, listed keys' values dropped, errors reduced to their name,
 * message and stack (each redacted), depth bounded. Returns plain data (for JSON or a log line).
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...(value.stack === undefined ? {} : { stack: redactText(value.stack) }) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const safe: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    safe[key] = REDACTED_KEY_SET.has(key.toLowerCase()) ? REDACTED : redactValue(item, depth + 1);
  }
  return safe;
}
