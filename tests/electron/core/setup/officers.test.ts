import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../../support/desk-fixture.js';

// A supervisor keeps the desk's accounts: creates officers, resets a forgotten password (the officer then
// chooses their own before doing anything else), deactivates one who left — never themselves, never the
// last active supervisor. Real SQLite file, injected clock.

const SUPERVISOR = { username: 'truongbp', password: 'mat-khau-thu-nghiem' };
const OFFICER = { username: 'canbo.lan', fullName: 'Lê Thị Lan', role: 'officer' as const, password: 'mat-khau-ban-dau' };

let desk: TestDesk;
afterEach(() => desk.dispose());

const signIn = (username: string, password: string) => desk.call('auth.signIn', { username, password });

describe('officers kept by a supervisor', () => {
  it('a reset password lets the officer sign in only to change it; then the desk is theirs again', async () => {
    desk = await openTestDesk();
    const lan = await desk.call('officers.create', OFFICER);
    expect(lan.mustChangePassword).toBe(false);
    const reset = await desk.call('officers.resetPassword', { officerId: lan.id, password: 'mat-khau-tam-thoi' });
    expect(reset).toMatchObject({ id: lan.id, mustChangePassword: true, active: true });

    await desk.call('auth.signOut', {});
    expect(await desk.fail('auth.signIn', { username: OFFICER.username, password: OFFICER.password })).toMatchObject({ code: 'unauthorized' });
    const session = await signIn(OFFICER.username, 'mat-khau-tam-thoi');
    expect(session.officer?.mustChangePassword).toBe(true);
    // Nothing else until the password is the officer's own.
    expect(await desk.fail('dossiers.search', {})).toMatchObject({ code: 'forbidden', message: expect.stringContaining('hãy đổi mật khẩu') });
    expect(await desk.fail('auth.changePassword', { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-cua-lan' })).toMatchObject({ code: 'unauthorized' });
    expect(await desk.fail('auth.changePassword', { currentPassword: 'mat-khau-tam-thoi', newPassword: 'mat-khau-tam-thoi' })).toMatchObject({ code: 'invalid_argument' });
    expect(await desk.fail('auth.changePassword', { currentPassword: 'mat-khau-tam-thoi', newPassword: 'ngan' })).toMatchObject({ code: 'invalid_argument' });

    const changed = await desk.call('auth.changePassword', { currentPassword: 'mat-khau-tam-thoi', newPassword: 'mat-khau-cua-lan' });
    expect(changed.officer).toMatchObject({ id: lan.id, mustChangePassword: false });
    expect(await desk.raw('dossiers.search', {})).toMatchObject({ ok: true });
    await desk.call('auth.signOut', {});
    expect((await signIn(OFFICER.username, 'mat-khau-cua-lan')).officer?.mustChangePassword).toBe(false);
  }, 30_000);

  it('an officer created to choose their own password is asked to at the first sign-in', async () => {
    desk = await openTestDesk();
    expect(await desk.call('officers.create', { ...OFFICER, mustChangePassword: true })).toMatchObject({ mustChangePassword: true });
    await desk.call('auth.signOut', {});
    await signIn(OFFICER.username, OFFICER.password);
    expect(await desk.fail('officers.list', {})).toMatchObject({ code: 'forbidden' });
  });

  it('a deactivated officer cannot sign in, keeps their account and comes back when reactivated', async () => {
    desk = await openTestDesk();
    const lan = await desk.call('officers.create', OFFICER);
    expect(await desk.call('officers.setActive', { officerId: lan.id, active: false })).toMatchObject({ active: false });
    expect((await desk.call('officers.list', {})).find((o) => o.id === lan.id)).toMatchObject({ active: false, fullName: 'Lê Thị Lan' });
    expect(await desk.fail('officers.resetPassword', { officerId: lan.id, password: 'mat-khau-moi-123' })).toMatchObject({ code: 'conflict' });
    await desk.call('auth.signOut', {});
    expect(await desk.fail('auth.signIn', { username: OFFICER.username, password: OFFICER.password })).toMatchObject({ code: 'unauthorized' });
    await signIn(SUPERVISOR.username, SUPERVISOR.password);
    await desk.call('officers.setActive', { officerId: lan.id, active: true });
    await desk.call('auth.signOut', {});
    expect((await signIn(OFFICER.username, OFFICER.password)).officer?.id).toBe(lan.id);
  }, 30_000);

  it('refuses deactivating oneself and the last active supervisor, and changes nothing', async () => {
    desk = await openTestDesk();
    const me = (await desk.call('auth.session', {})).officer!;
    expect(await desk.fail('officers.setActive', { officerId: me.id, active: false })).toMatchObject({ code: 'forbidden', message: expect.stringContaining('đang đăng nhập') });
    expect(await desk.fail('officers.resetPassword', { officerId: me.id, password: 'mat-khau-moi-123' })).toMatchObject({ code: 'forbidden' });

    const hoa = await desk.call('officers.create', { username: 'giamsat.hoa', fullName: 'Ngô Thị Hoa', role: 'supervisor', password: 'mat-khau-hoa-01' });
    // Two cores on one database, each with its own session: while the first deactivates Hoa, she (still
    // signed in on the second) deactivates the first. The count is read inside the write: one stays.
    const second = await openTestDesk({ dataDir: desk.dataDir, initialise: false });
    try {
      await second.call('auth.signIn', { username: 'giamsat.hoa', password: 'mat-khau-hoa-01' });
      await desk.call('officers.setActive', { officerId: hoa.id, active: false });
      const refused = await second.fail('officers.setActive', { officerId: me.id, active: false });
      expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('cán bộ giám sát duy nhất còn hoạt động') });
      expect((await desk.call('officers.list', {})).filter((o) => o.role === 'supervisor' && o.active).map((o) => o.id)).toEqual([me.id]);
    } finally {
      second.core.close();
    }
  }, 30_000);

  it('lets only a supervisor keep accounts', async () => {
    desk = await openTestDesk();
    const lan = await desk.call('officers.create', OFFICER);
    await desk.call('auth.signOut', {});
    await signIn(OFFICER.username, OFFICER.password);
    const me = (await desk.call('auth.session', {})).officer!;
    expect(await desk.fail('officers.setActive', { officerId: me.id, active: false })).toMatchObject({ code: 'forbidden' });
    expect(await desk.fail('officers.resetPassword', { officerId: lan.id, password: 'mat-khau-moi-123' })).toMatchObject({ code: 'forbidden' });
    expect(await desk.fail('officers.setActive', { officerId: 'khong-co', active: false })).toMatchObject({ code: 'forbidden' });
  }, 30_000);

  it('names an unknown officer as not found', async () => {
    desk = await openTestDesk();
    expect(await desk.fail('officers.resetPassword', { officerId: 'khong-co', password: 'mat-khau-moi-123' })).toMatchObject({ code: 'not_found' });
    expect(await desk.fail('officers.setActive', { officerId: 'khong-co', active: false })).toMatchObject({ code: 'not_found' });
  });
});
