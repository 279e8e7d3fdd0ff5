import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from '../../../shared/logging/redact.js';

// Fabricated: no such citizen.
const QR = '022301987654|123456789|Lê Thị Bí Mật|01021990|Nữ|Tổ 5, Khu 3, Hồng Gai, Hạ Long|15072021';
const TOKEN = 'q1Vb3nX8kHwZ0pLr7sT2yUe5cA9dF4gJ6mN1oP3rS5t';

describe('one redaction for every log line', () => {
  it('removes a whole CCCD QR line, its name and address with it', () => {
    const line = redactText(`scan failed for ${QR} at the desk`);
    for (const part of ['022301987654', '123456789', 'Lê Thị Bí Mật', 'Hồng Gai']) expect(line).not.toContain(part);
    expect(line).toContain('scan failed for');
  });

  it('removes ID numbers (12-digit CCCD, 9-digit CMND), bearer tokens and long secrets', () => {
    const line = redactText(`id 022301987654 old 123456789 Authorization: Bearer ${TOKEN} and ${TOKEN}`);
    expect(line).not.toMatch(/022301987654|123456789|q1Vb3nX8/);
    expect(line).toContain(REDACTED);
  });

  it('removes the values of listed keys in JSON and query strings, keeps other words', () => {
    const json = JSON.stringify({ fullName: 'Lê Thị Bí Mật', idNumber: '022301987654', step: 'receive' });
    expect(redactText(json)).not.toContain('Bí Mật');
    expect(redactText(json)).toContain('"step":"receive"');
    expect(redactText('GET /v1/enroll?code=7K3M-Q9RT-X2VD&x=1')).not.toContain('7K3M');
    expect(redactText('command dossiers.receive failed: validation_failed')).toBe('command dossiers.receive failed: validation_failed');
  });

  it('makes objects and errors safe: listed keys dropped, strings redacted, depth bounded', () => {
    const error = new Error(`bad QR ${QR}`);
    const safe = JSON.stringify(redactValue({ applicant: { fullName: 'Lê Thị Bí Mật' }, error, note: 'id 022301987654', deep: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } }));
    for (const part of ['Lê Thị Bí Mật', '022301987654']) expect(safe).not.toContain(part);
    expect(safe).toContain('bad QR');
    expect(safe).toContain('[…]');
  });
});

describe('the redaction on long lines', () => {
  it('takes one pass over a long unbroken run, with or without separators', () => {
    const started = performance.now();
    for (const text of ['x'.repeat(200_000), `a=${'x'.repeat(200_000)}`, `${'ab|'.repeat(50_000)}`, `${'key '.repeat(50_000)}`]) redactText(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
