import type http from 'node:http';
import { DefaultHttpStack, type HttpRequest, type HttpStack } from 'tus-js-client';
import type { CentreNetwork } from './centre-network.js';
import { fetchOverAgent } from './fetch-over-agent.js';
import { proxyRuleFromEnv, type ProxyEnvironment } from './proxy-env.js';
import { TunnellingHttpAgent, TunnellingHttpsAgent } from './proxy-tunnel.js';

// The centre's network under Node: direct (the global fetch, tus over Node's http) unless
// HTTPS_PROXY / HTTP_PROXY name a proxy for the centre's address and NO_PROXY does not exempt it;
// then fetch and tus both go through a CONNECT tunnel agent, one per proxy and scheme, kept alive.

/** A request that fails when sent (a bad proxy variable), so tus reports it through its onError like any network error. */
function unsendable(method: string, url: string, error: unknown): HttpRequest {
  const headers: Record<string, string> = {};
  return {
    getMethod: () => method,
    getURL: () => url,
    setHeader: (name, value) => {
      headers[name] = value;
    },
    getHeader: (name) => headers[name],
    setProgressHandler: () => undefined,
    send: () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    abort: () => Promise.resolve(),
    getUnderlyingObject: () => null,
  };
}

export function nodeCentreNetwork(env: ProxyEnvironment): CentreNetwork {
  const rule = proxyRuleFromEnv(env);
  const agents = new Map<string, http.Agent>();
  const direct = new DefaultHttpStack({});

  /** The tunnelling agent for this address, or null to go direct. Throws ProxyConfigError. */
  const agentFor = (target: URL): http.Agent | null => {
    const proxy = rule.proxyFor(target);
    if (proxy === null) return null;
    const key = `${target.protocol} ${proxy.href}`;
    let agent = agents.get(key);
    if (agent === undefined) {
      agent = target.protocol === 'https:' ? new TunnellingHttpsAgent(proxy) : new TunnellingHttpAgent(proxy);
      agents.set(key, agent);
    }
    return agent;
  };

  const tusHttpStack: HttpStack = {
    createRequest(method, url) {
      let agent: http.Agent | null;
      try {
        agent = agentFor(new URL(url));
      } catch (error) {
        return unsendable(method, url, error);
      }
      return (agent === null ? direct : new DefaultHttpStack({ agent })).createRequest(method, url);
    },
    getName: () => 'DeskNodeHttpStack',
  };

  return {
    fetch: async (input, init) => {
      const agent = agentFor(new URL(input instanceof Request ? input.url : input));
      return agent === null ? fetch(input, init) : fetchOverAgent(agent, input, init);
    },
    tusHttpStack,
  };
}
