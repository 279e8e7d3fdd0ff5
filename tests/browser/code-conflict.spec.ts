import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { CalendarRepository } from '../../electron/core/calendar/calendar-repository.js';
import type { DeskCore } from '../../electron/core/start-core.js';
import { RemoteApplier } from '../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../electron/core/sync/sync-repository.js';
import { FakeDevice, HONG_GAI_UNIT } from '../server/support/fabricate-events.js';
import { expectNoSeriousAccessibilityViolations } from './support/accessibility.js';
import { call, initialiseDesk, pressConfirm, receiveThroughCore } from './support/desk-session.js';
import { watchPageProblems } from './support/page-problems.js';
import { expect, test } from './support/web-host.js';

// Issue 11, point 2: a dossier set aside because another dossier of the unit holds its code. The desk
// gets there as it does in the field: it pulls a reception (from a restored or misconfigured desk of its
// station) that the centre stored under a code this desk had already issued. The page says why; a
// supervisor gives a new code and prints the receipt again; an officer is told a supervisor must act.

/**
 * Applies a pulled page holding one reception under `code`, from another desk of the unit, through the
 * desk's own sync applier (what a pull from the centre does); returns the pulled dossier's id.
 */
async function pullReceptionHolding(core: DeskCore, code: string, nowMs: number): Promise<string> {
  const restoredDesk = new FakeDevice('desk-restored', HONG_GAI_UNIT, nowMs - 10 * 60_000);
  const reception = restoredDesk.receive({ fullName: 'Đỗ Thị Khác' });
  const pulled = { ...reception, payload: { ...reception.payload, code } } as DossierEvent;
  const sync = new SyncRepository(core.db);
  const { deviceId } = (await call(core, 'app.info', {})).desk;
  new RemoteApplier(core.db, { deviceId, now: () => nowMs, calendar: new CalendarRepository(core.db), sync }).apply([{ kind: 'event', event: pulled }], '1');
  return pulled.dossierId;
}

/** A desk whose own dossier (received here) has its code taken by a pulled one. */
async function setAsideDossier(core: DeskCore, nowMs: number): Promise<{ id: string; code: string }> {
  await initialiseDesk(core);
  const mine = await receiveThroughCore(core, 'Lê Văn Khách');
  await pullReceptionHolding(core, mine.state.code!, nowMs);
  return { id: mine.state.id, code: mine.state.code! };
}

test("a supervisor finds the dossier in the work list, gives it a new code and prints the citizen's receipt again", async ({ page, webHost }) => {
  test.setTimeout(60_000); // two accessibility scans and a print view
  const problems = watchPageProblems(page);
  const dossier = await setAsideDossier(webHost.core, webHost.clock.now());

  // The work list marks it, with the code its receipt holds.
  await page.goto(`${webHost.url}#/ho-so`);
  const row = page.getByTestId('worklist-row').filter({ hasText: 'Lê Văn Khách' });
  await expect(row).toContainText(dossier.code);
  await expect(row).toContainText('Trùng mã, chờ cấp mã mới');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/ho-so/${dossier.id}$`));

  // The page says why, in words a supervisor understands, and prints nothing under the taken code.
  const panel = page.getByTestId('code-conflict');
  await expect(panel.getByRole('heading')).toHaveText(`Hồ sơ bị trùng mã ${dossier.code}`);
  await expect(panel).toContainText(`Mã hồ sơ ${dossier.code} đã được trung tâm ghi cho một hồ sơ khác của đơn vị`);
  await expect(page.getByTestId('dossier-code-conflict-badge')).toBeVisible();
  await expect(page.getByRole('group', { name: 'In biểu mẫu' })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);

  // By keyboard: the button, then the confirmation with its reason already written.
  const reissue = panel.getByRole('button', { name: 'Cấp mã mới' });
  await reissue.focus();
  await page.keyboard.press('Enter');
  const reason = page.getByLabel('Lý do cấp lại mã');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue(`Mã ${dossier.code} trùng với một hồ sơ khác của đơn vị.`);
  await pressConfirm(page);

  const done = page.getByTestId('code-reissued');
  await expect(done).toContainText('Mã hồ sơ mới:');
  const newCode = (await page.getByTestId('dossier-code').textContent())!;
  expect(newCode).not.toBe(dossier.code);
  expect(newCode.startsWith(`${HONG_GAI_UNIT.agencyId}-`)).toBe(true);
  await expect(done).toContainText(newCode);
  await expect(done).toContainText(`mang mã cũ ${dossier.code}`);
  await expect(page.getByTestId('code-conflict')).toHaveCount(0);
  await expect(page.getByTestId('dossier-code-conflict-badge')).toHaveCount(0);
  await expect(page.getByTestId('dossier-history')).toContainText('Cấp lại mã hồ sơ');
  const reprint = page.getByTestId('code-reissued-reprint');
  await expect(reprint).toBeFocused();
  await expectNoSeriousAccessibilityViolations(page);

  // The receipt again, through the usual print view, now under the new code.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/in/01/${dossier.id}$`));
  await expect(page.locator('.print-sheets')).toContainText(`Mã hồ sơ: ${newCode}`);
  await expect(page.locator('.print-sheets')).not.toContainText(dossier.code);

  // The core agrees: the dossier holds its new code, the pulled one the old.
  const stored = await call(webHost.core, 'dossiers.get', { id: dossier.id });
  expect(stored.state.code).toBe(newCode);
  expect(stored.codeConflict).toBeNull();
  const list = await call(webHost.core, 'dossiers.search', { text: 'Lê Văn Khách', limit: 5, offset: 0 });
  expect(list.rows.map((r) => [r.code, r.setAsideCode, r.needsReview])).toEqual([[newCode, null, false]]);
  expect(problems).toEqual([]);
});

test('an officer sees why and that a supervisor must give the new code', async ({ page, webHost }) => {
  const problems = watchPageProblems(page);
  const dossier = await setAsideDossier(webHost.core, webHost.clock.now());
  await call(webHost.core, 'officers.create', { username: 'canbo.mot', fullName: 'Vũ Văn Tiếp', role: 'officer', password: 'mat-khau-can-bo' });
  await call(webHost.core, 'auth.signIn', { username: 'canbo.mot', password: 'mat-khau-can-bo' });

  await page.goto(`${webHost.url}#/ho-so/${dossier.id}`);
  const panel = page.getByTestId('code-conflict');
  await expect(panel).toContainText(`Mã hồ sơ ${dossier.code} đã được trung tâm ghi cho một hồ sơ khác của đơn vị`);
  await expect(page.getByTestId('code-conflict-supervisor-needed')).toContainText('Cần cán bộ giám sát cấp mã mới cho hồ sơ này');
  await expect(panel.getByRole('button', { name: 'Cấp mã mới' })).toHaveCount(0);
  await expectNoSeriousAccessibilityViolations(page);
  // The core refuses the officer too: the page is not the only guard.
  await expect(call(webHost.core, 'dossiers.reissueCode', { dossierId: dossier.id, reason: 'Thử' })).rejects.toThrow('forbidden');
  expect(problems).toEqual([]);
});
