import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptForm } from '../../../../renderer/features/forms/components/ReceiptForm.js';
import { qrCodeImage } from '../../../../renderer/features/forms/model/barcode-images.js';
import { createPrintStore } from '../../../../renderer/features/forms/store/print-store.js';
import { SYNC_PATHS } from '../../../../shared/sync/protocol.js';
import { startTestCentre, type TestCentre } from '../../../server/support/test-centre.js';
import { inProcessClient } from '../../../support/clients.js';
import type { TestDesk } from '../../../support/desk-fixture.js';
import { MONDAY_MORNING, openDesk, receive } from './desk-with-dossiers.js';

// What form 01's QR code holds: the status page of the centre this desk is enrolled with (a real
// centre on loopback, enrolled through the desk's own command), or no QR code at all when the desk is
// not enrolled. No QR decoder is installed here, so the test compares the image with the one bwip-js
// draws for the expected text (the same text gives the same symbol; any other text a different one).

let desk: TestDesk | null = null;
let centre: TestCentre | null = null;
afterEach(async () => {
  desk?.dispose();
  desk = null;
  await centre?.close();
  centre = null;
});

/** Form 01 as the print view loads and draws it; returns the QR images' sources. */
async function printedQrCodes(target: TestDesk, dossierId: string): Promise<{ qr: string[]; code: string }> {
  const store = createPrintStore(inProcessClient(target.core));
  await store.getState().load({ kind: 'dossier', dossierId });
  const { detail, centreUrl, deskPhone, status } = store.getState();
  expect(status).toBe('loaded');
  const html = renderToStaticMarkup(<ReceiptForm detail={detail!} centreUrl={centreUrl} deskPhone={deskPhone} />);
  const qr = [...html.matchAll(/<img src="([^"]+)" alt="Mã QR tra cứu tình trạng hồ sơ"/gu)].map((m) => m[1]!.replace(/&amp;/gu, '&'));
  return { qr, code: detail!.state.code! };
}

describe('the receipt’s QR code', { timeout: 30_000 }, () => {
  it('opens the enrolled centre’s status page for the dossier, on both copies', async () => {
    centre = await startTestCentre({ at: Date.parse(MONDAY_MORNING) });
    desk = await openDesk();
    const issued = await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 1 } });
    await desk.call('sync.enroll', { centreUrl: centre.url, code: (issued.body as { code: string }).code, deviceName: 'Phường Hồng Gai – quầy 1' });
    const received = await receive(desk);

    const { qr, code } = await printedQrCodes(desk, received.state.id);
    expect(qr).toHaveLength(2);
    const expected = qrCodeImage(`${centre.url}/tra-cuu/${code}`);
    expect(qr).toEqual([expected, expected]);
    expect(qr[0]).not.toBe(qrCodeImage(`https://motcua.halong.example/v1/lookup/${code}`));
    // And that address is the centre's page for the code (the page itself is tested in tests/server/lookup).
    expect((await fetch(`${centre.url}/tra-cuu/${code}`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('is left off when the desk is not enrolled with a centre', async () => {
    desk = await openDesk();
    const received = await receive(desk);
    const { qr } = await printedQrCodes(desk, received.state.id);
    expect(qr).toEqual([]);
  });
});
