// A test's way to make a screen throw while rendering (tests/browser/error-boundary.spec.ts). The flag is
// defined true only by the web host's build (renderer/vite.config.ts, what the browser tests run) and
// false by the Electron build (electron.vite.config.ts), where the branch is removed as dead code: an
// installed desk cannot reach it.
declare const __DESK_TEST_HOOKS__: boolean | undefined;

/** The key a test sets in the page's storage to the name of the screen that must throw. */
export const RENDER_FAULT_KEY = 'desk.test.throwOnRender';

export function RenderFaultProbe({ screen }: { screen: string }) {
  if (typeof __DESK_TEST_HOOKS__ !== 'undefined' && __DESK_TEST_HOOKS__ && window.localStorage.getItem(RENDER_FAULT_KEY) === screen) {
    throw new Error(`render fault asked for by a test on ${screen}`);
  }
  return null;
}
