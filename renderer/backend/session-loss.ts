import type { CommandName } from '../../shared/contract/command-names.js';
import type { DeskBackend } from './desk-backend.js';

/** A wrong password during sign-in or unlock is not a lost session: those screens answer it themselves. */
const ANSWERED_BY_THE_AUTH_SCREENS: ReadonlySet<CommandName> = new Set(['auth.signIn']);

/**
 * Wraps a backend so that the app hears when the core no longer knows who is signed in (the core
 * restarted, or signed the officer out elsewhere): any command answered `unauthorized` calls
 * `onLost`. Without this each screen showed its own "Không có quyền truy cập" box and the officer
 * had no way back but a reload. The answer itself still reaches the caller unchanged.
 */
export function watchSessionLoss(backend: DeskBackend, onLost: () => void): DeskBackend {
  return {
    onEvent: (name, listener) => backend.onEvent(name, listener),
    async invoke(name, args) {
      const envelope = await backend.invoke(name, args);
      if (!envelope.ok && envelope.error.code === 'unauthorized' && !ANSWERED_BY_THE_AUTH_SCREENS.has(name)) onLost();
      return envelope;
    },
  };
}
