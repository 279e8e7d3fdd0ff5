import { afterEach, expect, it } from 'vitest';
import { openAttachmentDesk, type AttachmentDesk } from '../attachments/support/attachment-desk.js';

// The bound on disk use for scans fetched from the centre, as a supervisor's setting: set in GB,
// validated, kept across a restart, back to the default when cleared. Real core, real SQLite file.

const opened: AttachmentDesk[] = [];
afterEach(() => {
  for (const desk of opened.splice(0)) desk.dispose();
});

it('is set in GB by a supervisor, refused out of bounds without a change, kept across a restart and cleared to the default', async () => {
  const desk = await openAttachmentDesk();
  opened.push(desk);
  expect(await desk.call('sync.scanDownloadLimit', {})).toEqual({ limitGb: 50, isDefault: true, usedGb: 0 });

  expect(await desk.call('sync.setScanDownloadLimit', { limitGb: 12.5 })).toEqual({ limitGb: 12.5, isDefault: false, usedGb: 0 });
  for (const limitGb of [0, 0.5, 5000, Number.NaN]) {
    const refused = await desk.fail('sync.setScanDownloadLimit', { limitGb });
    expect(refused.code).toBe('invalid_argument');
    expect(refused.message).toMatch(/GB/);
  }
  expect((await desk.fail('sync.setScanDownloadLimit', { limitGb: '12' })).code).toBe('invalid_argument');
  expect((await desk.call('sync.scanDownloadLimit', {})).limitGb).toBe(12.5);

  desk.close();
  const again = await openAttachmentDesk({ dataDir: desk.dataDir, initialise: false });
  opened.push(again);
  expect(await again.call('sync.scanDownloadLimit', {})).toEqual({ limitGb: 12.5, isDefault: false, usedGb: 0 });
  expect(await again.call('sync.setScanDownloadLimit', { limitGb: null })).toEqual({ limitGb: 50, isDefault: true, usedGb: 0 });

  await again.call('auth.signOut', {});
  expect((await again.fail('sync.setScanDownloadLimit', { limitGb: 10 })).code).toBe('unauthorized');
}, 30_000);
