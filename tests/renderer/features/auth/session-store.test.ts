import { describe, expect, it } from 'vitest';
import type { Officer } from '../../../../shared/contract/setup.js';
import { memoryLockFlag, storageLockFlag } from '../../../../renderer/features/auth/store/lock-flag.js';
import { createSessionStore, SESSION_ENDED_NOTICE } from '../../../../renderer/features/auth/store/session-store.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

const OFFICER: Officer = { id: 'o-1', username: 'truongbp', fullName: 'Phạm Thu Trang', role: 'supervisor', active: true, mustChangePassword: false };

function signedInBackend(password = 'dung-mat-khau') {
  return createScriptedBackend({
    'setup.status': () => ok({ initialised: true }),
    'auth.session': () => ok({ officer: OFFICER }),
    'auth.signIn': (args) => (args.username === OFFICER.username && args.password === password ? ok({ officer: OFFICER }) : fail('unauthorized', 'Tên đăng nhập hoặc mật khẩu không đúng.')),
    'auth.signOut': () => ok({ officer: null }),
  });
}

describe('session store', () => {
  it('sends a desk without setup to the first-start screen', async () => {
    const backend = createScriptedBackend({ 'setup.status': () => ok({ initialised: false }) });
    const store = createSessionStore(backend);
    await store.getState().check();
    expect(store.getState().phase).toBe('setup');
    expect(backend.callsOf('auth.session')).toHaveLength(0);
  });

  it('finds the signed-in officer, or asks for a sign-in', async () => {
    const store = createSessionStore(signedInBackend());
    await store.getState().check();
    expect(store.getState()).toMatchObject({ phase: 'signedIn', officer: OFFICER });

    const nobody = createScriptedBackend({ 'setup.status': () => ok({ initialised: true }), 'auth.session': () => ok({ officer: null }) });
    const other = createSessionStore(nobody);
    await other.getState().check();
    expect(other.getState().phase).toBe('signedOut');
  });

  it('reports a core that does not answer', async () => {
    const backend = createScriptedBackend({ 'setup.status': () => fail('internal', 'Không kết nối được với lõi ứng dụng.') });
    const store = createSessionStore(backend);
    await store.getState().check();
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().error?.message).toContain('Không kết nối');
  });

  it('checks the username’s shape before asking the core', async () => {
    const backend = signedInBackend();
    const store = createSessionStore(backend);
    expect(await store.getState().signIn('A B', 'x')).toBe(false);
    expect(store.getState().fieldErrors.username).toMatch(/Tên đăng nhập/);
    expect(backend.callsOf('auth.signIn')).toHaveLength(0);
  });

  it('shows the core’s refusal and signs in with the right password', async () => {
    const store = createSessionStore(signedInBackend());
    expect(await store.getState().signIn('truongbp', 'sai')).toBe(false);
    expect(store.getState().error?.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await store.getState().signIn('truongbp', 'dung-mat-khau')).toBe(true);
    expect(store.getState()).toMatchObject({ phase: 'signedIn', officer: OFFICER, error: null });
  });

  it('locks the screen and opens it only with the same officer’s password', async () => {
    const flag = memoryLockFlag();
    const backend = signedInBackend();
    const store = createSessionStore(backend, flag);
    await store.getState().check();
    store.getState().lock();
    expect(store.getState().phase).toBe('locked');
    expect(flag.isSet()).toBe(true);

    expect(await store.getState().unlock('')).toBe(false);
    expect(store.getState().fieldErrors.password).toBe('Hãy nhập mật khẩu.');
    expect(await store.getState().unlock('sai')).toBe(false);
    expect(store.getState().phase).toBe('locked');
    expect(store.getState().error?.message).toBe('Mật khẩu không đúng.');

    expect(await store.getState().unlock('dung-mat-khau')).toBe(true);
    expect(store.getState().phase).toBe('signedIn');
    expect(flag.isSet()).toBe(false);
    expect(backend.callsOf('auth.signIn').at(-1)).toEqual({ username: 'truongbp', password: 'dung-mat-khau' });
  });

  it('stays locked across a reload (the flag outlives the page)', async () => {
    const flag = memoryLockFlag();
    flag.set();
    const store = createSessionStore(signedInBackend(), flag);
    await store.getState().check();
    expect(store.getState().phase).toBe('locked');
  });

  it('signs out and forgets the lock', async () => {
    const flag = memoryLockFlag();
    const store = createSessionStore(signedInBackend(), flag);
    await store.getState().check();
    store.getState().lock();
    await store.getState().signOut();
    expect(store.getState()).toMatchObject({ phase: 'signedOut', officer: null });
    expect(flag.isSet()).toBe(false);
  });

  it('takes the session the first-start screen created', () => {
    const store = createSessionStore(createScriptedBackend());
    store.getState().acceptSession({ officer: OFFICER });
    expect(store.getState()).toMatchObject({ phase: 'signedIn', officer: OFFICER });
  });

  it('keeps the lock flag in a Storage', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const flag = storageLockFlag(storage);
    flag.set();
    expect(storageLockFlag(storage).isSet()).toBe(true);
    flag.clear();
    expect(data.size).toBe(0);
  });

  it('goes back to the sign-in screen, saying why, when the core no longer knows the officer', async () => {
    const backend = signedInBackend();
    const flag = memoryLockFlag();
    const store = createSessionStore(backend, flag);
    await store.getState().check();
    expect(store.getState().phase).toBe('signedIn');

    // The core still knows the officer (a refusal for another reason): nothing changes.
    await store.getState().sessionLost();
    expect(store.getState()).toMatchObject({ phase: 'signedIn', officer: OFFICER, notice: null });

    backend.script['auth.session'] = () => ok({ officer: null });
    await Promise.all([store.getState().sessionLost(), store.getState().sessionLost()]);
    expect(store.getState()).toMatchObject({ phase: 'signedOut', officer: null, notice: SESSION_ENDED_NOTICE });
    // Several refusals at once ask the core once.
    expect(backend.callsOf('auth.session')).toHaveLength(3);

    await store.getState().signIn(OFFICER.username, 'dung-mat-khau');
    expect(store.getState()).toMatchObject({ phase: 'signedIn', notice: null });
  });

  it('leaves a locked screen to its own unlock', async () => {
    const backend = signedInBackend();
    const store = createSessionStore(backend);
    await store.getState().check();
    store.getState().lock();
    backend.script['auth.session'] = () => ok({ officer: null });
    await store.getState().sessionLost();
    expect(store.getState().phase).toBe('locked');
  });
});
