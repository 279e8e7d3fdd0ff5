import { describe, expect, it } from 'vitest';
import { proxyRuleFromEnv } from '../../../../electron/core/sync/proxy-env.js';
import { ProxyConfigError } from '../../../../electron/core/sync/proxy-refused.js';

// Which centre addresses go through the ward's proxy under Node, as curl and undici read the variables.

const via = (env: Record<string, string>, url: string): string | null => proxyRuleFromEnv(env).proxyFor(new URL(url))?.href ?? null;

describe('proxyRuleFromEnv', () => {
  it('HTTPS_PROXY for https:// centres, HTTP_PROXY for http:// ones, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://proxy.phuong.vn:3128', HTTP_PROXY: 'http://plain.phuong.vn:8080' };
    expect(via(env, 'https://dongbo.halong.gov.vn')).toBe('http://proxy.phuong.vn:3128/');
    expect(via(env, 'http://127.0.0.1:8787')).toBe('http://plain.phuong.vn:8080/');
    expect(via({ ...env, https_proxy: 'http://lower.phuong.vn:3128' }, 'https://dongbo.halong.gov.vn')).toBe('http://lower.phuong.vn:3128/');
    expect(via({}, 'https://dongbo.halong.gov.vn')).toBeNull();
    // A scheme-less proxy address means http://.
    expect(via({ HTTPS_PROXY: 'proxy.phuong.vn:3128' }, 'https://dongbo.halong.gov.vn')).toBe('http://proxy.phuong.vn:3128/');
  });

  it('NO_PROXY exempts hosts, domains with their sub-domains, host:port pairs and IPv6; "*" exempts everything', () => {
    const env = { HTTPS_PROXY: 'http://proxy.phuong.vn:3128', NO_PROXY: 'localhost, .noibo.vn,halong.gov.vn 10.0.0.7:8443,[::1],*.tinh.vn' };
    expect(via(env, 'https://localhost:8787')).toBeNull();
    expect(via(env, 'https://a.noibo.vn')).toBeNull();
    expect(via(env, 'https://noibo.vn')).toBeNull();
    expect(via(env, 'https://dongbo.halong.gov.vn')).toBeNull();
    expect(via(env, 'https://halong.gov.vn')).toBeNull();
    expect(via(env, 'https://10.0.0.7:8443')).toBeNull();
    expect(via(env, 'https://[::1]:8787')).toBeNull();
    expect(via(env, 'https://trungtam.tinh.vn')).toBeNull();
    // Near misses still go through the proxy.
    expect(via(env, 'https://10.0.0.7')).not.toBeNull();
    expect(via(env, 'https://xhalong.gov.vn')).not.toBeNull();
    expect(via(env, 'https://127.0.0.1:8787')).not.toBeNull();
    expect(via({ ...env, no_proxy: '*' }, 'https://dongbo.halong.gov.vn')).toBeNull();
  });

  it('a variable that is not a proxy address is an error naming the variable, not a silent direct connection', () => {
    expect(() => via({ https_proxy: 'socks5://proxy.phuong.vn:1080' }, 'https://dongbo.halong.gov.vn')).toThrow(ProxyConfigError);
    expect(() => via({ HTTPS_PROXY: 'http://' }, 'https://dongbo.halong.gov.vn')).toThrow(/HTTPS_PROXY/);
  });
});
