import type { Handlers } from '../../../shared/contract/commands.js';
import { CommandError } from '../../../shared/contract/errors.js';
import type { Officer } from '../../../shared/contract/setup.js';
import { hashPassword, verifyPassword } from '../officers/password-hash.js';
import type { CoreContext } from './context.js';

type OfficerHandlers = Pick<Handlers, 'officers.list' | 'officers.create' | 'officers.resetPassword' | 'officers.setActive' | 'auth.changePassword'>;

// The desk's accounts, kept by its supervisors. An officer is never deleted (their name stays on every
// dossier they handled); one who left is deactivated and can no longer sign in.
export function officerHandlers(ctx: CoreContext): OfficerHandlers {
  const officerOrFail = (id: string): Officer => {
    const officer = ctx.officers.find(id);
    if (officer === null) throw new CommandError('not_found', 'Không có cán bộ này trên bàn làm việc.');
    return officer;
  };

  return {
    'officers.list': () => {
      ctx.session.requireOfficer();
      return ctx.officers.list();
    },

    'officers.create': async (args) => {
      ctx.session.requireOfficer('supervisor');
      if (ctx.officers.exists(args.username)) throw new CommandError('conflict', `Tên đăng nhập "${args.username}" đã có người dùng.`);
      const passwordHash = await hashPassword(args.password);
      return ctx.officers.create(
        { id: ctx.newId(), username: args.username, fullName: args.fullName, role: args.role, passwordHash, mustChangePassword: args.mustChangePassword },
        new Date(ctx.now()).toISOString(),
      );
    },

    // The supervisor now knows the password too: the officer replaces it at the next sign-in.
    'officers.resetPassword': async (args) => {
      const supervisor = ctx.session.requireOfficer('supervisor');
      const officer = officerOrFail(args.officerId);
      if (officer.id === supervisor.id) {
        throw new CommandError('forbidden', 'Không đặt lại mật khẩu của chính mình ở đây: hãy dùng "Đổi mật khẩu" (cần mật khẩu hiện tại).');
      }
      if (!officer.active) throw new CommandError('conflict', `${officer.fullName} đã ngừng hoạt động: hãy cho hoạt động lại trước khi đặt mật khẩu.`);
      ctx.officers.setPassword(officer.id, await hashPassword(args.password), true);
      return officerOrFail(officer.id);
    },

    'officers.setActive': (args) => {
      const supervisor = ctx.session.requireOfficer('supervisor');
      const officer = officerOrFail(args.officerId);
      if (officer.active === args.active) return officer;
      if (!args.active) {
        if (officer.id === supervisor.id) {
          throw new CommandError('forbidden', 'Không thể tự ngừng hoạt động tài khoản đang đăng nhập: hãy nhờ một cán bộ giám sát khác.');
        }
        // Counted inside the write, so two supervisors deactivating each other cannot leave none.
        ctx.db.transaction(() => {
          if (officer.role === 'supervisor' && ctx.officers.activeSupervisorCount() <= 1) {
            throw new CommandError('conflict', `${officer.fullName} là cán bộ giám sát duy nhất còn hoạt động: hãy tạo hoặc cho hoạt động lại một cán bộ giám sát khác trước.`);
          }
          ctx.officers.setActive(officer.id, false);
        })();
      } else {
        ctx.officers.setActive(officer.id, true);
      }
      return officerOrFail(officer.id);
    },

    'auth.changePassword': async (args) => {
      const current = ctx.session.officer;
      if (current === null) throw new CommandError('unauthorized', 'Hãy đăng nhập trước khi đổi mật khẩu.');
      const storedHash = ctx.officers.passwordHashOf(current.id);
      if (storedHash === null || !(await verifyPassword(args.currentPassword, storedHash))) {
        throw new CommandError('unauthorized', 'Mật khẩu hiện tại không đúng.');
      }
      if (args.newPassword === args.currentPassword) throw new CommandError('invalid_argument', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
      ctx.officers.setPassword(current.id, await hashPassword(args.newPassword), false);
      const officer = officerOrFail(current.id);
      ctx.session.signIn(officer);
      return { officer };
    },
  };
}
