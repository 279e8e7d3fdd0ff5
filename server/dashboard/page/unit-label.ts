import type { DashboardUnit } from '../dashboard-types.js';
import { html, type Html } from './html.js';

// A unit's name in the dashboard's tables. From 1/7/2025 a former unit ("đơn vị cũ") is listed under the
// unit it became, indented and labelled, so its history stays visible without being taken for a unit of
// today; a note says why its counts stayed on its own line when the others moved.

/** The row header's class: a folded former unit is indented beneath its successor. */
export const unitRowClass = (unit: DashboardUnit): string => (unit.foldedUnder !== null ? 'unit--folded' : '');

export function unitLabel(unit: DashboardUnit): Html {
  return html`${unit.name}${unit.former ? html` <span class="tag tag--former">đơn vị cũ</span>` : ''}${unit.note === null ? '' : html` <span class="tag">${unit.note}</span>`}`;
}
