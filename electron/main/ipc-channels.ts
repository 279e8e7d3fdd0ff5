// The IPC channels between main and preload: contract commands, core events, shell operations. The preload keeps its own copy (it may import only
// the contract's name lists); tests/electron/preload checks that the two copies agree.
export const INVOKE_CHANNEL = 'app:invoke';
export const EVENT_CHANNEL = 'app:event';
/** Shell operations (shared/contract/shell.ts): dialogs, files by path, saving, printing to PDF. */
export const SHELL_CHANNEL = 'app:shell';
