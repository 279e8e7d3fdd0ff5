import type { Unit } from '../unit.js';
import { HA_LONG_UNITS } from './ha-long-units.js';
import { QUANG_NINH_2025_UNITS } from './quang-ninh-2025-units.js';

/**
 * Every unit the shipped catalogue holds (the centre's published units are folded over it: unit-change.ts,
 * foldUnitChanges — read the units through CatalogueRepository.units() on a desk, CentreCatalogue.units()
 * at the centre): Hạ Long's 33 of 2020–2025 (for the history desks keep and
 * back-entered dossiers) and Quảng Ninh's 54 from 1/7/2025 (the units desks are set up for today).
 */
export const CATALOGUE_UNITS: readonly Unit[] = [...HA_LONG_UNITS, ...QUANG_NINH_2025_UNITS];
