import { ProxyConfigError } from './proxy-refused.js';

// Which proxy, if any, a request to the centre goes through under Node (web host, tests, a desk run
// with `node`), read from the variables every command-line tool honours: HTTPS_PROXY for https://
// centres, HTTP_PROXY for http:// ones, NO_PROXY for the hosts that go direct. Lower-case names win
// over upper-case ones (curl's rule). Loopback is not exempt unless NO_PROXY says so: a ward that
// proxies everything and a test proxy on 127.0.0.1 both need that. The packaged app uses Chromium's
// own proxy settings (system proxy, PAC) instead, through Electron's net.

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

export interface ProxyRule {
  /** The proxy for this request, or null to connect directly. Throws ProxyConfigError for a bad variable. */
  proxyFor(target: URL): URL | null;
}

function variable(env: ProxyEnvironment, name: string): { name: string; value: string } | null {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') return { name: key, value };
  }
  return null;
}

const bare = (host: string): string => host.replace(/^\[|\]$/g, '').toLowerCase();

function defaultPort(url: URL): string {
  return url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
}

interface Bypass {
  host: string;
  port: string | null;
}

/** "a.example,.b.example, 10.0.0.7:8787 *.c.example" → entries; "*" → everything. */
function parseNoProxy(text: string): Bypass[] | 'all' {
  const entries: Bypass[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    if (raw === '') continue;
    if (raw === '*') return 'all';
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(raw);
    if (match === null) continue;
    entries.push({ host: bare(match[1]!).replace(/^\*?\./, ''), port: match[2] ?? null });
  }
  return entries;
}

function bypassed(target: URL, entries: readonly Bypass[]): boolean {
  const host = bare(target.hostname);
  const port = defaultPort(target);
  // A domain covers its sub-domains ("example.vn" and ".example.vn" both match "sync.example.vn").
  return entries.some((entry) => (entry.port === null || entry.port === port) && (host === entry.host || host.endsWith(`.${entry.host}`)));
}

function parseProxy(found: { name: string; value: string }): URL {
  // "proxy.ward.vn:3128" is as common as "http://proxy.ward.vn:3128".
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProxyConfigError(found.name);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') throw new ProxyConfigError(found.name);
  return url;
}

export function proxyRuleFromEnv(env: ProxyEnvironment): ProxyRule {
  const https = variable(env, 'https_proxy');
  const http = variable(env, 'http_proxy');
  const noProxy = variable(env, 'no_proxy');
  const entries = noProxy === null ? [] : parseNoProxy(noProxy.value);
  return {
    proxyFor(target) {
      const found = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
      if (found === null || entries === 'all' || bypassed(target, entries)) return null;
      return parseProxy(found);
    },
  };
}
