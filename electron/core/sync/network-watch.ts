import { networkInterfaces } from 'node:os';

// Node has no "online" event: the desk notices the network coming back by its addresses changing
// (a cable plugged in, Wi-Fi joined, a VPN up). Cheap enough to poll every few seconds.

function signature(): string {
  const addresses: string[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const address of list ?? []) if (!address.internal) addresses.push(`${name}/${address.address}`);
  }
  return addresses.sort().join(',');
}

/** Calls `onChange` when the machine's external addresses change; returns a function that stops watching. */
export function watchNetwork(onChange: () => void, intervalMs: number): () => void {
  let last = signature();
  const timer = setInterval(() => {
    const now = signature();
    if (now !== last) {
      last = now;
      onChange();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
