import { m0010Settings } from './m0010-settings.js';
import { m0020Catalogue } from './m0020-catalogue.js';
import { m0030Officers } from './m0030-officers.js';
import { m0040DossierLog } from './m0040-dossier-log.js';
import type { Migration } from './types.js';

// Ordered registry: append new steps at the end, never edit a released one.
export const MIGRATIONS: readonly Migration[] = [m0010Settings, m0020Catalogue, m0030Officers, m0040DossierLog];
