import type { Officer, OfficerRole } from '../../../shared/contract/setup.js';
import { CommandError } from '../../../shared/contract/errors.js';

/**
 * Who is signed in at this desk. One desk, one officer at a time: Electron has one window and the
 * web host one token, so the session lives in the core process.
 */
export class DeskSession {
  private current: Officer | null = null;

  get officer(): Officer | null {
    return this.current;
  }

  signIn(officer: Officer): void {
    this.current = officer;
  }

  signOut(): void {
    this.current = null;
  }

  /**
   * The signed-in officer, or an 'unauthorized' error; with a role, also a 'forbidden' one. An officer
   * whose password a supervisor chose may do nothing but change it (auth.changePassword reads `officer`).
   */
  requireOfficer(role?: OfficerRole): Officer {
    if (this.current === null) throw new CommandError('unauthorized', 'Hãy đăng nhập trước khi thực hiện thao tác này.');
    if (this.current.mustChangePassword) {
      throw new CommandError('forbidden', 'Mật khẩu này do cán bộ giám sát đặt: hãy đổi mật khẩu của mình trước khi làm việc.');
    }
    if (role === 'supervisor' && this.current.role !== 'supervisor') {
      throw new CommandError('forbidden', 'Chỉ cán bộ giám sát (trưởng bộ phận) được thực hiện thao tác này.');
    }
    return this.current;
  }
}
