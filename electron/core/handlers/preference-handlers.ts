import type { Handlers } from '../../../shared/contract/commands.js';
import { readDeskPreferences, writeDeskPreferences } from '../settings/desk-preferences.js';
import type { CoreContext } from './context.js';

type PreferenceHandlers = Pick<Handlers, 'preferences.get' | 'preferences.set'>;

/** The desk's phone for citizens and its CSV dialect: read by any officer (the forms print the phone), set by a supervisor. */
export function preferenceHandlers(ctx: CoreContext): PreferenceHandlers {
  return {
    'preferences.get': () => {
      ctx.session.requireOfficer();
      return readDeskPreferences(ctx.settings);
    },
    'preferences.set': (args) => {
      ctx.session.requireOfficer('supervisor');
      writeDeskPreferences(ctx.settings, args);
      return readDeskPreferences(ctx.settings);
    },
  };
}
