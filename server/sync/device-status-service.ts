import { redactText } from '../../shared/logging/redact.js';
import type { DeviceStatusRequest, DeviceStatusResponse } from '../../shared/sync/device-status.js';
import type { DashboardStore } from '../dashboard/dashboard-store.js';

/** Crash reports kept per device (the latest): enough to see a pattern, bounded whatever a desk sends. */
export const CRASHES_KEPT_PER_DEVICE = 20;

/**
 * A desk's status on a sync round: stored for the fleet view with the centre's time of the request and
 * the desk clock's offset from it. The schema bounded every field; the texts pass the redaction again
 * (the centre trusts no desk to have done it).
 */
export async function recordDeviceStatus(store: DashboardStore, deviceId: string, request: DeviceStatusRequest, nowMs: number): Promise<DeviceStatusResponse> {
  const at = new Date(nowMs).toISOString();
  await store.recordDeviceStatus(
    deviceId,
    {
      appVersion: request.appVersion,
      reportedAt: at,
      clockOffsetMs: Date.parse(request.deskClock) - nowMs,
      eventsWaiting: request.eventsWaiting,
      scansWaiting: request.scansWaiting,
      lastError: request.lastError === null ? null : redactText(request.lastError),
    },
    request.crashes.map((crash) => ({
      id: crash.id,
      occurredAt: crash.occurredAt,
      kind: crash.kind,
      where: redactText(crash.where),
      message: redactText(crash.message),
      stack: crash.stack === undefined ? null : redactText(crash.stack),
      appVersion: crash.appVersion,
      os: redactText(crash.os),
    })),
    at,
    CRASHES_KEPT_PER_DEVICE,
  );
  return { stored: request.crashes.map((crash) => crash.id), centreTime: at };
}
