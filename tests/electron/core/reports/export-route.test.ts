import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../../shared/contract/reports.js';
import { createWebHost, listenOnLoopback } from '../../../../electron/webhost/server.js';
import { buildReferenceDesk, type ReferenceDesk } from './reference-desk.js';

// GET /api/exports/<fileName> on the web host: the browser's way to fetch a file reports.export wrote.

const TOKEN = 'jeton-de-test-du-poste-0123456789';
let ref: ReferenceDesk;
let server: Server;
let base: string;

beforeAll(async () => {
  ref = await buildReferenceDesk();
  server = createWebHost({ handlers: ref.desk.core.handlers, events: ref.desk.core.events, rendererDir: ref.desk.dataDir, token: TOKEN });
  base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  ref.desk.dispose();
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('the export download route', () => {
  it('serves a file exported through this host, with its name, type and bytes', async () => {
    const response = await fetch(`${base}/api/invoke/reports.export`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ report: 'bieu06', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' }),
    });
    const { value } = (await response.json()) as { value: ExportResult };
    const download = await fetch(`${base}/api/exports/${value.fileName}`, { headers: auth });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="Bieu06_PhuongHongGai_2026-11.xlsx"');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(readFileSync(value.path));
  });

  it('needs the token, and serves nothing it did not export', async () => {
    expect((await fetch(`${base}/api/exports/Bieu06_PhuongHongGai_2026-11.xlsx`)).status).toBe(401);
    // Written by the core directly (not through this host): unknown to the route.
    const direct = await ref.desk.call('reports.export', { report: 'bieu06', format: 'csv', from: '2026-11-01', to: '2026-11-30' });
    expect((await fetch(`${base}/api/exports/${direct.fileName}`, { headers: auth })).status).toBe(404);
    for (const probe of ['..%2Fdesk.sqlite', '%2E%2E%2Fdesk.sqlite', 'desk.sqlite', '%E0%A4%A']) {
      const response = await fetch(`${base}/api/exports/${probe}`, { headers: auth });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect((await fetch(`${base}/api/exports/Bieu06_PhuongHongGai_2026-11.xlsx`, { method: 'DELETE', headers: auth })).status).toBe(405);
  });
});
