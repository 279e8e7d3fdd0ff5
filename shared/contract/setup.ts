import { z } from 'zod';
import { SlugSchema } from '../domain/catalogue/slug.js';
import { AGENCY_IDENTIFIER_INVALID_MESSAGE, AGENCY_IDENTIFIER_PATTERN } from '../domain/dossier-code/agency-identifier.js';
import { gsoCodeArg, requiredTextArg, stationArg } from './inputs.js';

export const agencyIdArg = z.string().trim().toUpperCase().regex(AGENCY_IDENTIFIER_PATTERN, AGENCY_IDENTIFIER_INVALID_MESSAGE);

export const OFFICER_ROLES = ['officer', 'supervisor'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const passwordArg = z.string().min(8, 'Mật khẩu phải có ít nhất 8 ký tự.').max(200, 'Mật khẩu quá dài.');
export const usernameArg = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.');

export const newOfficerArgs = z.strictObject({
  username: usernameArg,
  fullName: requiredTextArg(120, 'Họ và tên'),
  role: z.enum(OFFICER_ROLES),
  password: passwordArg,
});

/** The desk's own place in the city: chosen at first start, changed by a supervisor. */
export const deskSettingsArgs = z.strictObject({
  unitGsoCode: gsoCodeArg,
  /**
   * The catalogue unit chosen, when the screen knows it: a 2025 unit may reuse a former unit's GSO
   * code, so the code alone names the unit valid today (or, failing that, the latest one).
   */
  unitId: SlugSchema.optional(),
  station: stationArg,
  agencyId: agencyIdArg,
});

export const setupStatusArgs = z.strictObject({});
export const setupInitialiseArgs = deskSettingsArgs.extend({
  supervisor: newOfficerArgs.omit({ role: true }),
});

export interface SetupStatus {
  /** False until the first-start screen has chosen the unit and created the first supervisor. */
  initialised: boolean;
}

export interface Officer {
  id: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  active: boolean;
  /** Set when a supervisor chose the password (a reset, or a creation asking it): changed at the next sign-in. */
  mustChangePassword: boolean;
}

export const authSignInArgs = z.strictObject({ username: usernameArg, password: z.string().min(1, 'Hãy nhập mật khẩu.').max(200) });
export const authSignOutArgs = z.strictObject({});
export const authSessionArgs = z.strictObject({});

export interface SessionInfo {
  officer: Officer | null;
}

export const officersListArgs = z.strictObject({});
export const officersCreateArgs = newOfficerArgs.extend({
  /** The officer chooses their own password at the first sign-in (the desk's screen asks it; older callers do not). */
  mustChangePassword: z.boolean().default(false),
});

const officerIdArg = z.string().min(1, 'Hãy chọn cán bộ.').max(64, 'Mã cán bộ không hợp lệ.');

/** A supervisor sets a new password for an officer who forgot theirs; the officer changes it at the next sign-in. */
export const officersResetPasswordArgs = z.strictObject({ officerId: officerIdArg, password: passwordArg });

/** A supervisor deactivates an officer who left (never deleted: their name stays on the dossiers they handled) or brings one back. */
export const officersSetActiveArgs = z.strictObject({ officerId: officerIdArg, active: z.boolean() });

/** The signed-in officer replaces their password (required after a supervisor set it). */
export const authChangePasswordArgs = z.strictObject({ currentPassword: z.string().min(1, 'Hãy nhập mật khẩu hiện tại.').max(200), newPassword: passwordArg });

export const settingsGetArgs = z.strictObject({});
export const settingsSetArgs = deskSettingsArgs;

/**
 * A supervisor moves the desk of a former unit to a unit of the catalogue that took it over (valid on
 * the desk's day). The agency identifier defaults to the successor's own in the catalogue.
 */
export const settingsMoveUnitArgs = z.strictObject({
  successorId: SlugSchema,
  agencyId: agencyIdArg.optional(),
});

export interface DeskSettings {
  /** `id` is the catalogue unit; null for a desk set up before ids were kept whose unit is ambiguous. */
  unit: { id: string | null; gsoCode: string; name: string; agencyId: string } | null;
  station: number | null;
}
