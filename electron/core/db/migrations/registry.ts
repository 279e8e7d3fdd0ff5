import { m0010Settings } from './m0010-settings.js';
import type { Migration } from './types.js';

// Ordered registry: append new steps at the end, never edit a released one.
export const MIGRATIONS: readonly Migration[] = [m0010Settings];
