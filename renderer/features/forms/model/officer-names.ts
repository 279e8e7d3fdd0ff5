import type { HistoryEntry } from '../../../../shared/contract/dossiers.js';

/** Who an officer id is, from the names the core attached to the dossier's history. */
export type OfficerNameOf = (officerId: string | null) => string | null;

export function officerNamesOf(history: readonly HistoryEntry[]): OfficerNameOf {
  const names = new Map<string, string>();
  for (const entry of history) {
    if (entry.recordedBy.fullName !== null) names.set(entry.recordedBy.officerId, entry.recordedBy.fullName);
  }
  return (officerId) => (officerId === null ? null : (names.get(officerId) ?? null));
}
