import type { z } from 'zod';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import {
  blobPath,
  SYNC_PATHS,
  type EnrollRequest,
  type GapsResponse,
  type EnrollResponse,
  type PullCursor,
  type PulledEntry,
  type UnitBinding,
  type PushResponse,
  type RekeyRequest,
  type RekeyResponse,
  type UnitMoveRequest,
  type UnitMoveResponse,
} from '../../../shared/sync/protocol.js';
import {
  blobsMissingResponseSchema,
  gapsResponseSchema,
  centreErrorBodySchema,
  enrollResponseSchema,
  parsePullEntry,
  pullResponseFrameSchema,
  pushResponseSchema,
  putBlobResponseSchema,
  rekeyResponseSchema,
  unitBindingSchema,
  unitMoveResponseSchema,
} from '../../../shared/sync/schemas.js';
import { deviceStatusResponseSchema, type DeviceStatusRequest, type DeviceStatusResponse } from '../../../shared/sync/device-status.js';
import { SyncFailure } from './sync-failure.js';

// The desk's HTTP client for the centre: every request has a timeout (AbortSignal), every answer is
// parsed with the protocol's schema, and every failure becomes a SyncFailure of a known kind so the
// agent can decide to retry, back off, or stop (revoked) and tell the officer why in Vietnamese.

export interface CentreClientOptions {
  baseUrl: string;
  token?: string;
  /** Per request; a stalled connection is abandoned after this long. */
  timeoutMs: number;
  /** Aborts every request in flight (the agent stopping). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface Timed<T> {
  value: T;
  /** The centre's clock and the desk's clock around the request, to measure skew. */
  centreTime: string;
  sentAtMs: number;
  receivedAtMs: number;
}

/** JSON text sent as it is (the push body built without re-serialising stored payloads). */
class RawJson {
  constructor(readonly text: string) {}
}

/** Bytes sent as they are (a small scan). */
class RawBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** What one small scan's PUT came to: stored (or already held), or a centre too old to take it. */
export type PutBlobOutcome = 'done' | 'unsupported';

export interface PulledPage {
  entries: PulledEntry[];
  next: PullCursor;
  hasMore: boolean;
}

export class CentreClient {
  private readonly fetchImpl: typeof fetch;

  constructor(
    private readonly options: CentreClientOptions,
    private readonly now: () => number,
  ) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  private url(path: string): string {
    return new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`).toString();
  }

  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    return this.options.signal === undefined ? timeout : AbortSignal.any([timeout, this.options.signal]);
  }

  /** `body`: an object to send as JSON, or JSON text already built. */
  private async request(method: string, path: string, body?: unknown): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token !== undefined) headers.authorization = `Bearer ${this.options.token}`;
    if (body !== undefined) headers['content-type'] = body instanceof RawBytes ? 'application/octet-stream' : 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.url(path), {
        method,
        headers,
        signal: this.signal(),
        ...(body === undefined ? {} : { body: body instanceof RawBytes ? body.bytes : body instanceof RawJson ? body.text : JSON.stringify(body) }),
      });
      text = await response.text();
    } catch (error) {
      throw SyncFailure.fromNetwork(error);
    }
    if (!response.ok && response.status !== 404) throw this.failureOf(response.status, text);
    return { response, text };
  }

  private failureOf(status: number, text: string): SyncFailure {
    let parsed: z.infer<typeof centreErrorBodySchema> | null = null;
    try {
      const body = centreErrorBodySchema.safeParse(JSON.parse(text));
      if (body.success) parsed = body.data;
    } catch {
      // Not JSON (a proxy's error page): classified by status alone.
    }
    return SyncFailure.fromStatus(status, parsed?.error.code ?? null, parsed?.error.message ?? null);
  }

  private parse<T>(schema: z.ZodType<T>, text: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncFailure('protocol', 'Trung tâm trả lời không đúng định dạng JSON.');
    }
    const result = schema.safeParse(json);
    if (!result.success) throw new SyncFailure('protocol', 'Trung tâm trả lời không đúng giao thức đồng bộ (có thể khác phiên bản).');
    return result.data;
  }

  private timed<T extends { centreTime: string }>(sentAtMs: number, value: T): Timed<T> {
    return { value, centreTime: value.centreTime, sentAtMs, receivedAtMs: this.now() };
  }

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    const { response, text } = await this.request('POST', SYNC_PATHS.enroll, request);
    if (response.status === 404) throw new SyncFailure('protocol', 'Địa chỉ này không phải máy chủ trung tâm (không có dịch vụ đăng ký).');
    return this.parse(enrollResponseSchema, text);
  }

  /** Asks the centre to rebind this device to its unit's successor (a 404: a centre that cannot). */
  async moveUnit(request: UnitMoveRequest): Promise<UnitMoveResponse> {
    const { response, text } = await this.request('POST', SYNC_PATHS.unitMove, request);
    if (response.status === 404) {
      const failure = this.failureOf(404, text);
      throw failure.centreCode === 'not_found' ? new SyncFailure('refused', failure.message, 404, 'not_found') : new SyncFailure('protocol', 'Máy chủ trung tâm này chưa hỗ trợ chuyển máy sang đơn vị kế thừa; hãy cập nhật trung tâm.');
    }
    return this.parse(unitMoveResponseSchema, text);
  }

  /** A restored desk carries its station over to its new device id (rekey-service.ts on the centre). */
  async rekey(request: RekeyRequest): Promise<RekeyResponse> {
    const { response, text } = await this.request('POST', SYNC_PATHS.rekey, request);
    if (response.status === 404) throw new SyncFailure('protocol', 'Máy chủ trung tâm này chưa hỗ trợ máy khôi phục từ bản sao lưu; hãy cập nhật trung tâm.');
    return this.parse(rekeyResponseSchema, text);
  }

  async push(events: readonly DossierEvent[]): Promise<Timed<PushResponse>> {
    return this.pushJson(JSON.stringify(events));
  }

  /** Pushes events given as a JSON array text (built from the stored payloads, see SyncRepository.waitingBatch). */
  async pushJson(eventsJson: string): Promise<Timed<PushResponse>> {
    const sentAtMs = this.now();
    const { response, text } = await this.request('POST', SYNC_PATHS.push, new RawJson(`{"events":${eventsJson}}`));
    if (response.status === 404) throw new SyncFailure('protocol', 'Máy chủ trung tâm không có dịch vụ đồng bộ.');
    return this.timed(sentAtMs, this.parse(pushResponseSchema, text));
  }

  /** The unit the centre holds this device to (a centre without the route: a 'protocol' failure). */
  async unitBinding(): Promise<UnitBinding> {
    const { response, text } = await this.request('GET', SYNC_PATHS.unitMove);
    if (response.status === 404) throw new SyncFailure('protocol', 'Máy chủ trung tâm này chưa hỗ trợ chuyển máy sang đơn vị kế thừa; hãy cập nhật trung tâm.');
    return this.parse(unitBindingSchema, text);
  }

  async pull(after: PullCursor, limit: number): Promise<Timed<PulledPage & { centreTime: string }>> {
    const sentAtMs = this.now();
    const { response, text } = await this.request('GET', `${SYNC_PATHS.pull}?after=${encodeURIComponent(after)}&limit=${limit}`);
    if (response.status === 404) throw new SyncFailure('protocol', 'Máy chủ trung tâm không có dịch vụ đồng bộ.');
    const frame = this.parse(pullResponseFrameSchema, text);
    const entries: PulledEntry[] = [];
    for (const raw of frame.entries) {
      const entry = parsePullEntry(raw);
      if (entry === null) throw new SyncFailure('protocol', 'Trung tâm gửi về một sự kiện không hợp lệ; trang dữ liệu này chưa được áp dụng.');
      entries.push(entry);
    }
    return this.timed(sentAtMs, { entries, next: frame.next, hasMore: frame.hasMore, centreTime: frame.centreTime });
  }

  /** What the centre holds of this desk's events, and which life of its log it is; null from a centre without the route. */
  async gaps(): Promise<GapsResponse | null> {
    const { response, text } = await this.request('GET', SYNC_PATHS.gaps);
    if (response.status === 404) return null;
    return this.parse(gapsResponseSchema, text) as GapsResponse;
  }

  /** The desk's status and crash reports for the fleet view; null from a centre that predates the route. */
  async postStatus(status: DeviceStatusRequest): Promise<DeviceStatusResponse | null> {
    const { response, text } = await this.request('POST', SYNC_PATHS.deviceStatus, status);
    if (response.status === 404) return null;
    return this.parse(deviceStatusResponseSchema, text);
  }

  /** The scans among `sha256s` the centre lacks (one request for the whole queue). */
  async missingBlobs(sha256s: readonly string[]): Promise<string[]> {
    const { response, text } = await this.request('POST', SYNC_PATHS.blobsMissing, { sha256: sha256s });
    if (response.status === 404) throw new SyncFailure('protocol', 'Máy chủ trung tâm không có dịch vụ nhận tệp quét.');
    return this.parse(blobsMissingResponseSchema, text).missing;
  }

  /**
   * Sends a small scan whole in one request (PUT /v1/blobs/<sha256>); the centre checks the bytes
   * against the SHA-256 (460 when they differ, a 'refused' failure). A 404 means a centre that
   * predates this route: the caller falls back to tus.
   */
  async putBlob(sha256: string, bytes: Uint8Array): Promise<PutBlobOutcome> {
    const { response, text } = await this.request('PUT', blobPath(sha256), new RawBytes(bytes));
    if (response.status === 404) return 'unsupported';
    this.parse(putBlobResponseSchema, text);
    return 'done';
  }

  /** True when the centre already holds the blob (HEAD /v1/blobs/<sha256>). */
  async hasBlob(sha256: string): Promise<boolean> {
    const { response } = await this.request('HEAD', blobPath(sha256));
    return response.status === 200;
  }
}
