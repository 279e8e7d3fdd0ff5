import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/contract/errors.js';
import { ERROR_TITLES } from '../../../renderer/ui/error-titles.js';

describe('error titles', () => {
  it('gives every error code a distinct Vietnamese title', () => {
    const titles = ERROR_CODES.map((code) => ERROR_TITLES[code]);
    expect(titles.every((title) => typeof title === 'string' && title.length > 0)).toBe(true);
    expect(new Set(titles).size).toBe(ERROR_CODES.length);
    expect(ERROR_TITLES.unauthorized).toBe('Không có quyền truy cập');
  });
});
