import type { CommandArgs } from '../../../../shared/contract/commands.js';
import type { Channel, StatusCode } from '../../../../shared/domain/dossier/events.js';
import { parseTypedDate } from '../../../ui/format-date.js';

/** The search box and filters as the officer sets them (strings as the inputs hold them). */
export interface WorklistFilters {
  text: string;
  /** '' for every status. */
  status: '' | `${StatusCode}`;
  overdue: boolean;
  dueSoon: boolean;
  procedureId: string;
  channel: '' | `${Channel}`;
  /** As typed, dd/MM/yyyy; ignored until it reads as a real date. */
  receivedFrom: string;
  receivedTo: string;
}

export const NO_FILTERS: WorklistFilters = {
  text: '',
  status: '',
  overdue: false,
  dueSoon: false,
  procedureId: '',
  channel: '',
  receivedFrom: '',
  receivedTo: '',
};

/** Due soon: within a day, as the core's work-list flag and the daily tally count it. */
export const DUE_SOON_HOURS = 24;

export function searchArgs(filters: WorklistFilters, limit: number, offset: number): CommandArgs<'dossiers.search'> {
  const args: CommandArgs<'dossiers.search'> = { limit, offset };
  if (filters.text.trim() !== '') args.text = filters.text.trim();
  if (filters.status !== '') args.statuses = [Number(filters.status) as StatusCode];
  if (filters.overdue) args.overdue = true;
  if (filters.dueSoon) args.dueWithinHours = DUE_SOON_HOURS;
  if (filters.procedureId !== '') args.procedureId = filters.procedureId;
  if (filters.channel !== '') args.channel = Number(filters.channel) as Channel;
  const from = parseTypedDate(filters.receivedFrom);
  const to = parseTypedDate(filters.receivedTo);
  if (from !== null) args.receivedFrom = from;
  if (to !== null) args.receivedTo = to;
  return args;
}

export function hasActiveFilters(filters: WorklistFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}
