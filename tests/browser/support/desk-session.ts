import { expect, type Page } from '@playwright/test';
import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import type { DeskCore } from '../../../electron/core/start-core.js';
import { requiredPapers } from '../../support/required-papers.js';

// Arranging a desk through the real core the web host serves. The core's session is the desk's: a
// supervisor initialised here is the officer the page finds signed in. All people are fabricated.

export async function call<N extends CommandName>(core: DeskCore, name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
  const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as CommandResult<N>;
}

export const DESK = { unitGsoCode: '06691', unitName: 'Phường Hồng Gai', agencyId: '000.15.20.H49', station: 2 } as const;
export const SUPERVISOR = { username: 'truongbp', fullName: 'Phạm Thu Trang', password: 'mat-khau-thu-nghiem' } as const;

/** First start done through the core: the supervisor is signed in. */
export async function initialiseDesk(core: DeskCore): Promise<void> {
  await call(core, 'setup.initialise', { unitGsoCode: DESK.unitGsoCode, agencyId: DESK.agencyId, station: DESK.station, supervisor: SUPERVISOR });
}

/** The synthetic CCCD QR line from DOMAIN.md, as a keyboard-wedge scanner types it. */
export const SAMPLE_QR_LINE = '022190000123||Trần Thị B|05061990|Nữ|Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh|10052021';

/** A dossier received straight through the core (for screens that need one to exist). */
export function receiveThroughCore(core: DeskCore, fullName: string, phone = '0912000111') {
  return call(core, 'dossiers.receive', {
    procedureId: 'ho-tich.dang-ky-khai-sinh',
    channel: 1,
    applicant: { fullName, idNumber: null, birthDate: null, sex: null, phone, email: null },
    owner: null,
    documents: requiredPapers('ho-tich.dang-ky-khai-sinh'),
  });
}

/** Ticks every required paper of the intake checklist as received (they start unticked). */
export async function tickRequiredPapers(page: Page): Promise<void> {
  const checks = page.locator('.checklist__row:has(.tag--required) .checklist__check');
  await expect(checks.first()).toBeVisible();
  for (const check of await checks.all()) await check.check();
}

/** Playwright's Ctrl+Enter. */
export async function pressConfirm(page: Page): Promise<void> {
  await page.keyboard.press('Control+Enter');
}
