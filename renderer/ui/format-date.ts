import { format, parseISO } from 'date-fns';
import { vi } from 'date-fns/locale';

/** The one date-time format of the desk, as on the official forms: dd/MM/yyyy HH:mm, local time. */
export function formatDateTime(value: Date | string): string {
  return format(typeof value === 'string' ? parseISO(value) : value, 'dd/MM/yyyy HH:mm', { locale: vi });
}
