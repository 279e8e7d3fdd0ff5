import { describe, expect, it } from 'vitest';
import { COMMAND_SCHEMAS } from '../../../shared/contract/commands.js';
import { checkArgs, fieldErrorsFromMessage } from '../../../renderer/ui/field-errors.js';

describe('field errors', () => {
  it('puts each schema problem on its field, in Vietnamese', () => {
    const errors = checkArgs(COMMAND_SCHEMAS['dossiers.withdraw'], { dossierId: '01J00000000000000000000000', reason: '  ' });
    expect(Object.keys(errors)).toEqual(['reason']);
    expect(errors.reason).toBe('Lý do rút hồ sơ không được để trống.');
  });

  it('is empty for valid arguments', () => {
    expect(checkArgs(COMMAND_SCHEMAS['auth.signIn'], { username: 'truongbp', password: 'x' })).toEqual({});
  });

  it('splits the core’s schema message back onto fields', () => {
    const message = 'Tham số không hợp lệ — applicant.phone: Số điện thoại không hợp lệ.; sets: Số bộ hồ sơ ít nhất là 1. (và 2 lỗi khác)';
    expect(fieldErrorsFromMessage(message)).toEqual({
      'applicant.phone': 'Số điện thoại không hợp lệ.',
      sets: 'Số bộ hồ sơ ít nhất là 1.',
    });
  });

  it('leaves other messages for the form’s own notice', () => {
    expect(fieldErrorsFromMessage('Không thể chuyển hồ sơ: hồ sơ đã có kết quả.')).toEqual({});
  });
});
