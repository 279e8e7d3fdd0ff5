import { describe, expect, it } from 'vitest';
import { COMMAND_SCHEMAS } from '../../../shared/contract/commands.js';
import { CENTRE_URL_NOT_ENCRYPTED, isEncryptedOrLoopbackCentreUrl, isLoopbackHostname } from '../../../shared/sync/centre-url.js';
import { syncEnrollArgs } from '../../../shared/sync/desk-commands.js';

// Personal data and the desk's token go to the centre over TLS only; http:// is left for a centre on
// this very machine. The host is the one a request would really reach (the WHATWG URL parser's).

const enroll = (centreUrl: string) => syncEnrollArgs.safeParse({ centreUrl, code: '7K3M-Q9RT-X2VD', deviceName: 'Phường Hồng Gai – quầy 2' });
const messagesOf = (centreUrl: string) => {
  const result = enroll(centreUrl);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('which centre addresses may carry personal data', () => {
  it('accepts https:// to any host, and http:// to this machine only', () => {
    for (const url of [
      'https://trungtam.halong.gov.vn',
      'https://10.0.0.5:8787/',
      'http://127.0.0.1:8787',
      'http://127.8.9.10',
      'http://localhost:8787',
      'HTTP://LOCALHOST:8787',
      'http://[::1]:8787',
      'http://127.1:8787', // the URL parser reads it as 127.0.0.1
    ]) {
      expect(isEncryptedOrLoopbackCentreUrl(url), url).toBe(true);
    }
  });

  it('refuses clear text to another machine, however the host is dressed up', () => {
    for (const url of [
      'http://example.org',
      'http://10.0.0.5:8787',
      'http://192.168.1.20',
      'http://128.0.0.1',
      'http://localhost.example.org', // a public name that merely starts with localhost
      'http://127.0.0.1.nip.io',
      'http://127.0.0.1@example.org', // user info: the host is example.org
      'http://example.org#@127.0.0.1',
      'http://[::2]',
      'https:example.org', // not spelled out with ://
      'ftp://127.0.0.1',
      'motcua.halong.gov.vn',
      '',
    ]) {
      expect(isEncryptedOrLoopbackCentreUrl(url), url).toBe(false);
    }
  });

  it('knows the loopback host names as URL.hostname spells them', () => {
    expect(['localhost', '127.0.0.1', '127.255.255.254', '[::1]'].every(isLoopbackHostname)).toBe(true);
    expect(['::1', 'localhost.', '10.0.0.1', 'example.org', '0.0.0.0'].some(isLoopbackHostname)).toBe(false);
  });
});

describe('sync.enroll arguments', () => {
  it('is the schema the contract checks', () => {
    expect(COMMAND_SCHEMAS['sync.enroll']).toBe(syncEnrollArgs);
  });

  it('refuses http://example.org with the reason, on the address field only', () => {
    expect(messagesOf('http://example.org')).toEqual([`centreUrl: ${CENTRE_URL_NOT_ENCRYPTED}`]);
    expect(CENTRE_URL_NOT_ENCRYPTED).toMatch(/^Địa chỉ máy chủ trung tâm phải bắt đầu bằng https:\/\/ — dữ liệu cá nhân/);
    // The core joins issues with "; " and the form splits them back: the message must not contain it.
    expect(CENTRE_URL_NOT_ENCRYPTED).not.toContain('; ');
  });

  it('accepts http://127.0.0.1:8787 and https://trungtam.halong.gov.vn (trimmed)', () => {
    expect(enroll('http://127.0.0.1:8787')).toMatchObject({ success: true, data: { centreUrl: 'http://127.0.0.1:8787' } });
    expect(enroll('  https://trungtam.halong.gov.vn ')).toMatchObject({ success: true, data: { centreUrl: 'https://trungtam.halong.gov.vn' } });
  });

  it('gives a malformed address one message, not two', () => {
    expect(messagesOf('motcua.halong.gov.vn')).toEqual(['centreUrl: Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:// hoặc https://.']);
    expect(messagesOf('ftp://10.0.0.5/')).toEqual(['centreUrl: Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:// hoặc https://.']);
  });
});
