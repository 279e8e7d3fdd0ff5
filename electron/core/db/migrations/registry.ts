import { m0010Settings } from './m0010-settings.js';
import { m0020Catalogue } from './m0020-catalogue.js';
import { m0030Officers } from './m0030-officers.js';
import { m0040DossierLog } from './m0040-dossier-log.js';
import { m0050Attachments } from './m0050-attachments.js';
import { m0060Sync } from './m0060-sync.js';
import { m0070Reports } from './m0070-reports.js';
import { m0080PersonSearch } from './m0080-person-search.js';
import { m0090CodeConflicts } from './m0090-code-conflicts.js';
import { m0100TokenOutOfDatabase } from './m0100-token-out-of-database.js';
import { m0110OfficerPasswordChange } from './m0110-officer-password-change.js';
import { m0120CrashReports } from './m0120-crash-reports.js';
import type { Migration } from './types.js';

// Ordered registry: append new steps at the end, never edit a released one.
export const MIGRATIONS: readonly Migration[] = [m0010Settings, m0020Catalogue, m0030Officers, m0040DossierLog, m0050Attachments, m0060Sync, m0070Reports, m0080PersonSearch, m0090CodeConflicts, m0100TokenOutOfDatabase, m0110OfficerPasswordChange, m0120CrashReports];
