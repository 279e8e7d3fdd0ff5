// The runtime allow-list of command names. Kept free of zod so the sandboxed preload can bundle it
// cheaply; `commands.ts` proves at compile time that it lists exactly the commands with a schema.
export const COMMAND_NAMES = [
  'app.info',
  'setup.status',
  'setup.initialise',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'officers.list',
  'officers.create',
  'settings.get',
  'settings.set',
  'catalogue.units',
  'catalogue.procedures',
  'calendar.get',
  'calendar.set',
  'dossiers.receive',
  'dossiers.refuse',
  'dossiers.previewAppointment',
  'dossiers.get',
  'dossiers.search',
  'dossiers.forward',
  'dossiers.requestSupplement',
  'dossiers.receiveSupplement',
  'dossiers.recordResult',
  'dossiers.reschedule',
  'dossiers.handBack',
  'dossiers.rate',
  'dossiers.withdraw',
  'dossiers.stop',
  'dossiers.recordFee',
  'dossiers.addNote',
  'dossiers.correctField',
  'dossiers.resolveConflict',
  'dossiers.rebuild',
  'tallies.daily',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value);
}
