// Events the core pushes to the UI. Names are nouns of what changed.
export const EVENT_NAMES = ['sync.status', 'dossiers.changed', 'inbox.changed', 'scan.progress', 'reports.progress', 'core.status', 'backup.progress'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
