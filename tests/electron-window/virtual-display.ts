import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export type Display = { ok: true; env: Record<string, string>; stop(): void } | { ok: false; reason: string };

/**
 * An Electron window on Linux needs an X or Wayland display. Use the one there is; otherwise start Xvfb
 * on a free display number (it writes the number to the pipe given by -displayfd).
 */
export async function ensureDisplay(env: NodeJS.ProcessEnv = process.env): Promise<Display> {
  if (process.platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true, env: {}, stop: () => {} };
  if (spawnSync('which', ['Xvfb']).status !== 0) {
    return { ok: false, reason: 'no DISPLAY and no Xvfb to make one (apt-get install -y xvfb).' };
  }
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string | null>((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve(null), 15_000);
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    xvfb.once('exit', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (number === null) {
    xvfb.kill();
    return { ok: false, reason: 'Xvfb did not start.' };
  }
  return { ok: true, env: { DISPLAY: `:${number}` }, stop: () => xvfb.kill() };
}
