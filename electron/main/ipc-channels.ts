// The two IPC channels between main and preload. The preload keeps its own copy (it may import only
// the contract's name lists); tests/electron/preload checks that the two copies agree.
export const INVOKE_CHANNEL = 'app:invoke';
export const EVENT_CHANNEL = 'app:event';
