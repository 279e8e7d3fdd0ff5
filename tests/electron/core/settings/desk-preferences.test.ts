import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../../../support/desk-fixture.js';

// The desk's phone for citizens and its CSV dialect: a supervisor sets them, every officer's forms read them.

let desk: TestDesk;
afterEach(() => desk.dispose());

const OFFICER = { username: 'canbo1', fullName: 'Lê Văn Cán Bộ', role: 'officer' as const, password: 'mat-khau-can-bo' };

describe('desk preferences', () => {
  it('start with no phone and Vietnamese Excel; a supervisor sets the phone (kept as digits) and clears it', async () => {
    desk = await openTestDesk({ at: '2026-11-25T03:00:00Z' });
    expect(await desk.call('preferences.get', {})).toEqual({ phone: null, csvDialect: 'excel-vi' });
    expect(await desk.call('preferences.set', { phone: '0203.3825.123' })).toEqual({ phone: '02033825123', csvDialect: 'excel-vi' });
    expect(await desk.call('preferences.set', { csvDialect: 'rfc4180' })).toEqual({ phone: '02033825123', csvDialect: 'rfc4180' });
    expect(await desk.call('preferences.set', { phone: '' })).toEqual({ phone: null, csvDialect: 'rfc4180' });
  });

  it('refuses a phone that is not one with a Vietnamese reason, and changes nothing', async () => {
    desk = await openTestDesk({ at: '2026-11-25T03:00:00Z' });
    await desk.call('preferences.set', { phone: '02033825123' });
    const error = await desk.fail('preferences.set', { phone: 'gọi bảo vệ', csvDialect: 'rfc4180' });
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('Số điện thoại của bộ phận không hợp lệ.');
    expect(await desk.call('preferences.get', {})).toEqual({ phone: '02033825123', csvDialect: 'excel-vi' });
  });

  it('lets an officer read them (the forms print the phone) but only a supervisor change them', async () => {
    desk = await openTestDesk({ at: '2026-11-25T03:00:00Z' });
    await desk.call('preferences.set', { phone: '02033825123' });
    await desk.call('officers.create', OFFICER);
    await desk.call('auth.signIn', { username: OFFICER.username, password: OFFICER.password });
    expect((await desk.call('preferences.get', {})).phone).toBe('02033825123');
    expect((await desk.fail('preferences.set', { phone: '0912345678' })).code).toBe('forbidden');
    await desk.call('auth.signOut', {});
    expect((await desk.fail('preferences.get', {})).code).toBe('unauthorized');
  });
});
