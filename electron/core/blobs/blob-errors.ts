import { CommandError } from '../../../shared/contract/errors.js';

// What the officer reads when a stored file cannot be given back. Never a blank page: each says what
// happened and what to do. The hash is shortened: enough to find the file, not a wall of hex.

export const shortHash = (sha256: string): string => sha256.slice(0, 12);

export function blobMissing(sha256: string): CommandError {
  return new CommandError(
    'not_found',
    `Không tìm thấy tệp đã số hoá (mã ${shortHash(sha256)}…) trong kho lưu trữ của máy này: tệp có thể chưa được đồng bộ về hoặc đã bị xoá. Hãy đồng bộ hoặc quét lại giấy tờ.`,
  );
}

export function blobCorrupt(sha256: string): CommandError {
  return new CommandError(
    'storage_failure',
    `Tệp đã số hoá (mã ${shortHash(sha256)}…) bị hỏng trên ổ đĩa: nội dung không còn khớp mã kiểm tra SHA-256. Hãy quét hoặc đính kèm lại giấy tờ này và báo bộ phận kỹ thuật kiểm tra ổ đĩa.`,
  );
}

export function blobWriteFailed(cause: unknown): CommandError {
  const detail = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
  return new CommandError('storage_failure', `Không ghi được tệp vào kho lưu trữ${detail}: ổ đĩa có thể đầy hoặc không cho phép ghi.`);
}

export function tooLarge(maxBytes: number): CommandError {
  return new CommandError('invalid_argument', `Tệp quá lớn: tối đa ${Math.round(maxBytes / (1024 * 1024))} MB mỗi tệp.`);
}

export function isNoEntry(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
