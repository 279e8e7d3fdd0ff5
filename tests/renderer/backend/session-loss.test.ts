import { describe, expect, it } from 'vitest';
import { watchSessionLoss } from '../../../renderer/backend/session-loss.js';
import { createScriptedBackend, fail } from '../support/scripted-backend.js';

describe('watchSessionLoss', () => {
  it('reports a command refused as unauthorized and still hands the answer to the caller', async () => {
    let lost = 0;
    const backend = watchSessionLoss(
      createScriptedBackend({
        'dossiers.search': () => fail('unauthorized', 'Hãy đăng nhập trước khi thực hiện thao tác này.'),
        'app.info': () => fail('storage_failure', 'Không đọc được cơ sở dữ liệu.'),
      }),
      () => (lost += 1),
    );
    const answer = await backend.invoke('dossiers.search', { query: '', limit: 10 } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(lost).toBe(1);
    await backend.invoke('app.info', {});
    expect(lost).toBe(1);
  });

  it('leaves a wrong password to the sign-in and lock screens', async () => {
    let lost = 0;
    const backend = watchSessionLoss(createScriptedBackend({ 'auth.signIn': () => fail('unauthorized', 'Mật khẩu không đúng.') }), () => (lost += 1));
    await backend.invoke('auth.signIn', { username: 'canbo', password: 'sai-mat-khau' });
    expect(lost).toBe(0);
  });

  it('passes events through', () => {
    const inner = createScriptedBackend({});
    const seen: unknown[] = [];
    const stop = watchSessionLoss(inner, () => {}).onEvent('dossiers.changed', (payload) => seen.push(payload));
    inner.emit('dossiers.changed', { dossierIds: ['d-1'] });
    stop();
    inner.emit('dossiers.changed', { dossierIds: ['d-2'] });
    expect(seen).toEqual([{ dossierIds: ['d-1'] }]);
  });
});
