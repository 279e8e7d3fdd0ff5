import { describe, expect, it } from 'vitest';
import { nameSearchKey, reversedDigits, searchTokens, startsWordsOf } from '../../../../shared/domain/text/search-key.js';

describe('search keys', () => {
  it('a name key is the folded tokens with single spaces, however the name was typed', () => {
    expect(nameSearchKey('Đặng Văn Đức')).toBe('dang van duc');
    expect(nameSearchKey('  ĐẶNG   VĂN-ĐỨC ')).toBe('dang van duc');
    expect(nameSearchKey('Đặng Văn Đức'.normalize('NFD'))).toBe('dang van duc');
    expect(searchTokens('000.15.20.H49-261123-1001')).toEqual(['000', '15', '20', 'h49', '261123', '1001']);
  });

  it('reverses digits so that a number’s tail becomes a prefix', () => {
    expect(reversedDigits('0912345444')).toBe('4445432190');
  });

  it('matches a pick-list entry when every typed word starts one of its words', () => {
    expect(startsWordsOf('Đăng ký khai sinh', 'dang k sinh')).toBe(true);
    expect(startsWordsOf('Đăng ký khai sinh', 'khai tu')).toBe(false);
    expect(startsWordsOf('Đăng ký khai sinh', '')).toBe(true);
  });
});
