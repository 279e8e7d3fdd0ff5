import { CommandError } from '../../../shared/contract/errors.js';
import type { SyncFailure } from './sync-failure.js';

// What a supervisor reads when the centre could not move this desk to its unit's successor. The move
// needs the centre (it decides which unit the device may sign for), so nothing changes on the desk
// until the centre has said yes.

const NOTHING_CHANGED = 'Bàn làm việc chưa thay đổi gì.';

export function unitMoveError(failure: SyncFailure): CommandError {
  if (failure.kind === 'refused') return new CommandError('conflict', `Trung tâm không chấp nhận chuyển đơn vị: ${failure.message} ${NOTHING_CHANGED}`);
  if (failure.kind === 'offline' || failure.kind === 'timeout') {
    // Same code as an unreachable centre at enrollment: the address or the line is what to check.
    return new CommandError(
      'not_found',
      `Không kết nối được máy chủ trung tâm. Chuyển bàn làm việc sang đơn vị kế thừa cần có mạng, vì trung tâm phải ghi nhận máy thuộc đơn vị mới trước khi máy cấp mã hồ sơ của đơn vị đó. ${NOTHING_CHANGED} Hãy thử lại khi có mạng.`,
    );
  }
  return new CommandError('conflict', `${failure.message} ${NOTHING_CHANGED}`);
}
