import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, originOf, rendererEntry } from '../../../electron/main/app-origin.js';

describe('originOf', () => {
  it('gives scheme and host of the app protocol, which WHATWG URL reports as "null"', () => {
    expect(new URL('app://desk/index.html').origin).toBe('null');
    expect(originOf('app://desk/index.html')).toBe('app://desk');
    expect(originOf('app://desk/a/b.js?x=1#y')).toBe(APP_ORIGIN);
  });

  it('tells apart look-alikes of the app origin', () => {
    expect(originOf('app://desk.evil/index.html')).not.toBe(APP_ORIGIN);
    expect(originOf('app://evil/index.html')).not.toBe(APP_ORIGIN);
    expect(originOf('app://desk:8080/index.html')).not.toBe(APP_ORIGIN);
    expect(originOf('https://desk/index.html')).not.toBe(APP_ORIGIN);
  });

  it('has no origin for host-less or broken URLs', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originOf('')).toBeNull();
  });
});

describe('rendererEntry', () => {
  it('serves the built renderer over app:// in a packaged desk, whatever the environment says', () => {
    expect(rendererEntry(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      url: APP_ENTRY_URL,
      origin: APP_ORIGIN,
    });
    expect(rendererEntry(false, {})).toEqual({ url: APP_ENTRY_URL, origin: APP_ORIGIN });
  });

  it('uses the electron-vite dev server only when unpackaged and on loopback', () => {
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' }).origin).toBe(APP_ORIGIN);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://192.168.1.5:5173/' }).origin).toBe(APP_ORIGIN);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://localhost.evil.example/' }).origin).toBe(APP_ORIGIN);
  });
});
