import '../contract/zod-vietnamese.js';
import { z } from 'zod';
import { requiredTextArg, ulidArg } from '../contract/inputs.js';
import { CENTRE_URL_NOT_ENCRYPTED, isEncryptedOrLoopbackCentreUrl } from './centre-url.js';

// The desk's sync commands (contract: shared/contract/commands.ts). Results are the SyncStatus the
// status bar shows (shared/contract/events.ts) and, per dossier, whether its changes reached the centre.

export const syncStatusArgs = z.strictObject({});

export const syncEnrollArgs = z.strictObject({
  /**
   * The centre's address, e.g. https://motcua.halong.gov.vn; http:// only for a centre on this machine
   * (http://127.0.0.1:8787): personal data never crosses a network in clear (centre-url.ts).
   */
  centreUrl: z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/, abort: true, error: 'Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:// hoặc https://.' }))
    .refine(isEncryptedOrLoopbackCentreUrl, { error: CENTRE_URL_NOT_ENCRYPTED }),
  /** The one-time code the centre's administrator gave (dashes and case do not matter). */
  code: z.string().trim().min(8, 'Mã đăng ký gồm 12 ký tự, ví dụ 7K3M-Q9RT-X2VD.').max(40),
  deviceName: requiredTextArg(100, 'Tên máy'),
});

export const syncNowArgs = z.strictObject({
  /** Resolve when this round of sync has finished (else at once, while it runs in the background). */
  wait: z.boolean().default(false),
});

/**
 * A supervisor ends this desk's enrollment: the token leaves the secrets store and sync stops. Refused
 * while local changes have not reached the centre, unless forced: forcing deletes nothing on the desk
 * (the changes stay in its log and go to the centre of the next enrollment), it only stops sending them now.
 */
export const syncUnenrollArgs = z.strictObject({ force: z.boolean().default(false) });

/** A scan this desk lacks, fetched from the centre now (the officer opened it before its turn came). */
export const syncFetchScanArgs = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã SHA-256 của tệp phải gồm 64 chữ số thập lục phân viết thường.'),
});

/** The most disk the scans fetched from the centre may take (a replaced desk's ward), in GB; null: the default. */
export const SCAN_DOWNLOAD_LIMIT_GB = { min: 1, max: 4096 } as const;
export const syncScanDownloadLimitArgs = z.strictObject({});
export const syncSetScanDownloadLimitArgs = z.strictObject({
  limitGb: z
    .number('Giới hạn dung lượng bản quét tải về phải là một số (GB).')
    .min(SCAN_DOWNLOAD_LIMIT_GB.min, `Giới hạn dung lượng bản quét tải về ít nhất là ${SCAN_DOWNLOAD_LIMIT_GB.min} GB.`)
    .max(SCAN_DOWNLOAD_LIMIT_GB.max, `Giới hạn dung lượng bản quét tải về tối đa là ${SCAN_DOWNLOAD_LIMIT_GB.max} GB.`)
    .nullable(),
});

export interface ScanDownloadLimit {
  /** The bound in force, in GB. */
  limitGb: number;
  /** True when no supervisor set one (the default applies). */
  isDefault: boolean;
  /** What the scans fetched so far take, in GB. */
  usedGb: number;
}

export interface FetchedScan {
  /** True once the scan is in this desk's store. */
  fetched: boolean;
}

export const syncDossierStatesArgs = z.strictObject({
  dossierIds: z.array(ulidArg).min(1).max(500),
});

/** 'synced': every change made here is at the centre; 'pending': some wait to go; 'rejected': the centre refused one. */
export type DossierSyncState = 'synced' | 'pending' | 'rejected';

export interface DossierSyncInfo {
  dossierId: string;
  state: DossierSyncState;
  /** Local changes not yet at the centre. */
  waitingEvents: number;
}

export interface DossierSyncStates {
  dossiers: DossierSyncInfo[];
}
