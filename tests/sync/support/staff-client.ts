import {
  revokeDevicePath,
  staffDossierEventsPath,
  SYNC_PATHS,
  type EnrollmentCodeResponse,
  type StaffDossierAction,
  type StaffDossierView,
  type StaffEventResponse,
} from '../../../shared/sync/protocol.js';
import { ADMIN } from './centre-process.js';

/** Centre staff over HTTP, as their web console would be. */
export class StaffClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, credentials: { username: string; password: string } = ADMIN): Promise<StaffClient> {
    const response = await fetch(`${baseUrl}${SYNC_PATHS.staffSession}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return new StaffClient(baseUrl, ((await response.json()) as { token: string }).token);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async record(dossierId: string, action: StaffDossierAction): Promise<StaffEventResponse> {
    const { status, body } = await this.request<StaffEventResponse>('POST', staffDossierEventsPath(dossierId), action);
    if (status !== 200) throw new Error(`record failed: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async view(dossierId: string): Promise<StaffDossierView> {
    const { status, body } = await this.request<StaffDossierView>('GET', `${SYNC_PATHS.staffDossierPrefix}${dossierId}`);
    if (status !== 200) throw new Error(`view failed: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async issueCode(unitGsoCode: string, station: number): Promise<string> {
    const { status, body } = await this.request<EnrollmentCodeResponse>('POST', SYNC_PATHS.adminEnrollmentCodes, { unitGsoCode, station });
    if (status !== 200) throw new Error(`code failed: ${status} ${JSON.stringify(body)}`);
    return body.code;
  }

  async revoke(deviceId: string): Promise<number> {
    return (await this.request('POST', revokeDevicePath(deviceId))).status;
  }
}
