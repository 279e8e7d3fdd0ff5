import { describe, expect, it } from 'vitest';
import type { FileGrant, PickedFile } from '../../../../shared/contract/shell.js';
import type { DeskBridge } from '../../../../renderer/backend/desk-bridge.js';
import { createElectronFileTransfer, pickFilesWithDialog } from '../../../../renderer/features/attachments/transfer/electron-file-transfer.js';
import { selectFileTransfer } from '../../../../renderer/features/attachments/transfer/file-transfer.js';

// The Electron window's file route: names and grants cross the bridge, never bytes or paths. The
// bridge here records what the page asks; main's side is tested in tests/electron/main, and the two
// together in tests/browser/electron-bridge.spec.ts.

const GRANT: FileGrant = { uploadId: 'g'.repeat(24), fileName: 'to-khai.pdf', sizeBytes: 1234, mediaType: 'application/pdf' };

function fakeBridge(answer: (name: string, args: unknown) => unknown): { bridge: DeskBridge; calls: { name: string; args: unknown }[] } {
  const calls: { name: string; args: unknown }[] = [];
  return {
    calls,
    bridge: {
      invoke: (name, args) => {
        calls.push({ name, args });
        return Promise.resolve(answer(name, args));
      },
      on: () => () => {},
    },
  };
}

describe('picking files in main’s dialog', () => {
  it('turns each chosen file into a stand-in File whose upload answers its grant, without asking again', async () => {
    const refused: PickedFile = { fileName: 'anh.gif', granted: false, error: { code: 'invalid_argument', message: 'Không nhận tệp "anh.gif": chỉ nhận tệp PDF, JPEG, PNG hoặc TIFF.' } };
    const { bridge, calls } = fakeBridge(() => ({ ok: true, value: { files: [{ fileName: GRANT.fileName, granted: true, grant: GRANT }, refused] } }));
    const picked = await pickFilesWithDialog(bridge);
    expect(calls).toEqual([{ name: 'shell.pickFiles', args: {} }]);
    if (!picked.ok) throw new Error('pick failed');
    expect(picked.value.map((file) => file.name)).toEqual(['to-khai.pdf', 'anh.gif']);
    expect(picked.value.every((file) => file.size === 0)).toBe(true); // names only: no bytes in the page

    const transfer = createElectronFileTransfer(bridge);
    expect(await transfer.upload(picked.value[0]!, 'to-khai.pdf')).toEqual({ ok: true, value: { uploadId: GRANT.uploadId, sha256: null, size: 1234, mediaType: 'application/pdf' } });
    expect(await transfer.upload(picked.value[1]!, 'anh.gif')).toEqual({ ok: false, error: refused.error });
    expect(calls).toHaveLength(1);
  });

  it('gives an empty list when the officer cancels, and main’s refusal as it is', async () => {
    expect(await pickFilesWithDialog(fakeBridge(() => ({ ok: true, value: { files: [] } })).bridge)).toEqual({ ok: true, value: [] });
    const tooMany = { ok: false, error: { code: 'invalid_argument', message: 'Tối đa 50 tệp một lần.' } };
    expect(await pickFilesWithDialog(fakeBridge(() => tooMany).bridge)).toEqual(tooMany);
  });

  it('says the core cannot be reached when the bridge throws or answers nonsense', async () => {
    const broken: DeskBridge = { invoke: () => Promise.reject(new Error('gone')), on: () => () => {} };
    expect(await pickFilesWithDialog(broken)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await pickFilesWithDialog(fakeBridge(() => 'nonsense').bridge)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('dropped files', () => {
  it('hands the dropped File itself to the bridge (the preload resolves its path) and answers the grant', async () => {
    const { bridge, calls } = fakeBridge(() => ({ ok: true, value: GRANT }));
    const dropped = new File(['%PDF-1.7'], 'to-khai.pdf', { type: 'application/pdf' });
    const answer = await createElectronFileTransfer(bridge).upload(dropped, 'to-khai.pdf');
    expect(answer).toMatchObject({ ok: true, value: { uploadId: GRANT.uploadId } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('shell.grantDroppedFile');
    expect((calls[0]?.args as { file: unknown }).file).toBe(dropped);
  });

  it('passes main’s refusal through with its message', async () => {
    const refusal = { ok: false, error: { code: 'invalid_argument', message: 'Tệp quá lớn: tối đa 100 MB mỗi tệp.' } };
    const answer = await createElectronFileTransfer(fakeBridge(() => refusal).bridge).upload(new File(['x'], 'lon.pdf'), 'lon.pdf');
    expect(answer).toEqual(refusal);
  });
});

describe('stored scans over app://', () => {
  it('fetches /blobs/<sha256> on the page’s own origin and passes the route’s error envelope through', async () => {
    const seen: string[] = [];
    const answers = [
      new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { status: 200, headers: { 'content-type': 'application/pdf' } }),
      new Response(JSON.stringify({ ok: false, error: { code: 'storage_failure', message: 'Tệp đã số hoá (mã abc…) bị hỏng trên ổ đĩa.' } }), { status: 500 }),
    ];
    const fetchImpl = ((input: RequestInfo | URL) => {
      seen.push(String(input));
      return Promise.resolve(answers.shift()!);
    }) as typeof fetch;
    const transfer = createElectronFileTransfer(fakeBridge(() => null).bridge, fetchImpl);
    const good = await transfer.fetchBlob('a'.repeat(64));
    expect(good.ok && good.value.size).toBe(4);
    expect(await transfer.fetchBlob('b'.repeat(64))).toEqual({ ok: false, error: { code: 'storage_failure', message: 'Tệp đã số hoá (mã abc…) bị hỏng trên ổ đĩa.' } });
    expect(seen).toEqual([`/blobs/${'a'.repeat(64)}`, `/blobs/${'b'.repeat(64)}`]);
  });
});

describe('choosing the route', () => {
  it('uses files by path where window.desk exists, and HTTP uploads elsewhere', async () => {
    const { bridge, calls } = fakeBridge(() => ({ ok: true, value: GRANT }));
    const electron = selectFileTransfer({ desk: bridge } as unknown as Window, {} as Document);
    await electron.upload(new File(['%PDF-'], 'a.pdf'), 'a.pdf');
    expect(calls[0]?.name).toBe('shell.grantDroppedFile');
    const browser = selectFileTransfer({} as Window, { querySelector: () => null } as unknown as Document);
    expect(browser.available).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
