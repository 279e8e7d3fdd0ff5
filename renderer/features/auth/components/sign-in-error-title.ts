import type { CommandErrorData } from '../../../../shared/contract/errors.js';

/** A refused password is a failed sign-in to the officer, not "no access"; other codes keep their title. */
export function signInErrorTitle(error: CommandErrorData): string | undefined {
  return error.code === 'unauthorized' ? 'Đăng nhập không thành công' : undefined;
}
