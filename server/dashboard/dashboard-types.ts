import type { DailyTally } from '../../shared/domain/dossier/tally.js';
import type { Bieu06Report, Bieu06Row } from '../../shared/domain/reports/bieu06.js';
import type { ReportPeriod } from '../../shared/domain/reports/report-period.js';
import type { SatisfactionLine } from '../../shared/domain/reports/satisfaction.js';

// What the dashboard shows, as its JSON routes return it and its page renders it. Every number is the
// sum, over the units' dossiers the centre holds, of what the desks' own reports count.

export interface DashboardUnit {
  gsoCode: string;
  /** "Phường Hồng Gai". */
  name: string;
  /** The catalogue's id of the unit ("gso:<code>" for a code the catalogue lacks): two units may share a code. */
  unitId: string;
  /** A unit that had ended on the dashboard's date ("đơn vị cũ"), listed for the dossiers it holds. */
  former: boolean;
  /** The id of today's unit this former unit is folded beneath; null for a line of its own. */
  foldedUnder: string | null;
  /** Why the line reads as it does, when it needs saying (e.g. counts kept on a former unit's line). */
  note: string | null;
}

/**
 * Whose line a former unit's dossiers count on over a period: the unit that received them (as stored,
 * the default), or the unit it became by the period's end ("theo đơn vị hiện nay").
 */
export type CountBy = 'received' | 'present';

export interface UnitTally extends DashboardUnit {
  tally: DailyTally;
  /** Desks of the unit enrolled and not revoked (0: the unit has no desk, its numbers are zeros). */
  desks: number;
}

/** The daily tally (thống kê trong ngày) of every unit for one day; overdue counts are as of `asOf`. */
export interface TallyView {
  day: string;
  asOf: string;
  units: UnitTally[];
  total: DailyTally;
}

export interface UnitBieu06 extends DashboardUnit {
  row: Bieu06Row;
}

export interface Bieu06View {
  period: ReportPeriod;
  countBy: CountBy;
  /** The unit the form is drawn up for, or null for the whole city. */
  unit: DashboardUnit | null;
  /** The form per sector (lĩnh vực), as the desks draw it up. */
  form: Bieu06Report;
  /** The per-unit breakdown: each unit's total line (whatever `unit` is)… */
  units: UnitBieu06[];
  /** …and the city's total line over them. */
  unitsTotal: Bieu06Row;
  /** Broken identities between columns; always empty unless there is a bug. */
  problems: string[];
}

export interface OnlineShareLine extends DashboardUnit {
  /** New dossiers received online in the period (Biểu 06 column 4). */
  online: number;
  /** New dossiers received in person or by post (column 5). */
  directOrPostal: number;
  /** online / (online + directOrPostal), 0–1; null when nothing new was received. */
  share: number | null;
  /** Received something and stayed below the target. */
  belowTarget: boolean;
}

export interface OnlineShareView {
  period: ReportPeriod;
  countBy: CountBy;
  /** 0.7: the provinces' target for commune-level units (DOMAIN.md, "Reports"). */
  target: number;
  units: OnlineShareLine[];
  total: OnlineShareLine;
}

export interface SatisfactionView {
  period: ReportPeriod;
  countBy: CountBy;
  /** The lines' units, in the same order as `units` (a line's key is the unit's GSO code, as the desks'). */
  unitLines: DashboardUnit[];
  units: SatisfactionLine[];
  total: SatisfactionLine;
}

/** A dossier on the city's overdue list: no citizen's name, ID number or phone. */
export interface OverdueLine {
  code: string | null;
  unitGsoCode: string;
  unitName: string;
  procedureName: string;
  sectorName: string;
  appointmentAt: string;
  status: number;
  statusLabel: string;
  /** "Quá hạn 3 ngày". */
  overdueFor: string;
}

export interface OverdueView {
  asOf: string;
  /** Every overdue dossier in the city (the list holds at most `limit`). */
  total: number;
  truncated: boolean;
  rows: OverdueLine[];
}

export type DeskSyncState = 'ok' | 'stale' | 'never' | 'revoked';

export interface DeskLine {
  deviceId: string;
  name: string;
  unitGsoCode: string;
  unitName: string;
  station: number;
  enrolledAt: string;
  revokedAt: string | null;
  lastSyncAt: string | null;
  state: DeskSyncState;
}

export interface DesksView {
  asOf: string;
  staleAfterHours: number;
  desks: DeskLine[];
  /** Units of the city without a working (enrolled, not revoked) desk. */
  unitsWithoutDesk: DashboardUnit[];
}

/** Everything the page shows, drawn up at one instant. */
export interface OverviewView {
  generatedAt: string;
  tally: TallyView;
  bieu06: Bieu06View;
  onlineShare: OnlineShareView;
  satisfaction: SatisfactionView;
  overdue: OverdueView;
  desks: DesksView;
}
