// Where the renderer lives. Privileged calls (IPC, navigation) are allowed from this origin only.
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it has none or does not parse.
 * Hand-made because WHATWG `URL.origin` is the string "null" for non-special schemes like app://.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The page the window opens, and the only origin trusted to call the core. */
export interface RendererEntry {
  url: string;
  origin: string;
}

/**
 * The built renderer over app://, or — only in an unpackaged `electron-vite dev` run — the dev server,
 * whose address electron-vite passes in ELECTRON_RENDERER_URL. A packaged app ignores the variable.
 */
export function rendererEntry(isPackaged: boolean, env: Record<string, string | undefined>): RendererEntry {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl) {
    const origin = originOf(devUrl);
    if (origin !== null && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) return { url: devUrl, origin };
  }
  return { url: APP_ENTRY_URL, origin: APP_ORIGIN };
}
