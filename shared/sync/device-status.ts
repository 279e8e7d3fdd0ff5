import '../contract/zod-vietnamese.js';
import { z } from 'zod';
import { CRASH_KINDS, CRASH_MESSAGE_MAX, CRASH_STACK_MAX, CRASH_WHERE_MAX } from '../contract/crash-report.js';
import { instantSchema, ulidSchema } from '../domain/dossier/event-schemas.js';

// What a desk tells the centre about itself on each sync round, for the city's fleet view: its version,
// its clock (the centre compares it with its own at the request), what waits to be sent, its last sync
// error, and the crash reports it queued. Every field is bounded: the centre trusts none of it.

/** Crash reports per status request; more wait for the next round. */
export const STATUS_MAX_CRASHES = 10;
export const LAST_ERROR_MAX = 300;

const versionSchema = z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'Phiên bản không hợp lệ.');
const countSchema = z.int().min(0).max(100_000_000);

export const crashReportSchema = z.strictObject({
  id: ulidSchema,
  occurredAt: instantSchema,
  kind: z.enum(CRASH_KINDS),
  where: z.string().min(1).max(CRASH_WHERE_MAX),
  message: z.string().max(CRASH_MESSAGE_MAX),
  stack: z.string().max(CRASH_STACK_MAX).optional(),
  appVersion: versionSchema,
  os: z.string().min(1).max(80),
});
export type CrashReport = z.infer<typeof crashReportSchema>;

export const deviceStatusRequestSchema = z.strictObject({
  appVersion: versionSchema,
  /** The desk's wall clock when it sent the request. */
  deskClock: instantSchema,
  eventsWaiting: countSchema,
  scansWaiting: countSchema,
  lastError: z.string().max(LAST_ERROR_MAX).nullable(),
  crashes: z.array(crashReportSchema).max(STATUS_MAX_CRASHES),
});
export type DeviceStatusRequest = z.infer<typeof deviceStatusRequestSchema>;

export const deviceStatusResponseSchema = z.strictObject({
  /** The crash reports the centre holds now (stored now or before): the desk drops them from its queue. */
  stored: z.array(ulidSchema),
  centreTime: instantSchema,
});
export type DeviceStatusResponse = z.infer<typeof deviceStatusResponseSchema>;
