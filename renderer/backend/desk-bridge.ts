/**
 * What Electron's preload exposes as `window.desk` (contextBridge): only the allow-listed contract,
 * untyped at this boundary because it crosses a process. The IPC transport checks each answer is an
 * envelope and gives it the contract's types.
 */
export interface DeskBridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window; the web host's page talks HTTP instead. */
    desk?: DeskBridge;
  }
}
