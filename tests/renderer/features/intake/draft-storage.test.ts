import { describe, expect, it } from 'vitest';
import { storageDraftStorage } from '../../../../renderer/features/intake/store/draft-storage.js';
import { EMPTY_DRAFT } from '../../../../renderer/features/intake/store/intake-draft.js';

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

describe('draft storage', () => {
  it('round-trips a draft', () => {
    const storage = memoryStorage();
    const drafts = storageDraftStorage(storage);
    const draft = { ...EMPTY_DRAFT, notes: 'ghi chú', applicant: { ...EMPTY_DRAFT.applicant, fullName: 'Trần Thị B' } };
    drafts.save(draft);
    expect(drafts.load()).toEqual(draft);
    drafts.clear();
    expect(drafts.load()).toBeNull();
  });

  it('drops a damaged or foreign draft instead of breaking the screen', () => {
    const storage = memoryStorage();
    const drafts = storageDraftStorage(storage);
    storage.setItem('desk.intake-draft', '{not json');
    expect(drafts.load()).toBeNull();
    storage.setItem('desk.intake-draft', JSON.stringify({ version: 99, draft: {} }));
    expect(drafts.load()).toBeNull();
  });

  it('fills fields an older draft did not have', () => {
    const storage = memoryStorage();
    storage.setItem('desk.intake-draft', JSON.stringify({ version: 1, draft: { notes: 'cũ', applicant: { fullName: 'A' } } }));
    const loaded = storageDraftStorage(storage).load();
    expect(loaded?.applicant).toEqual({ ...EMPTY_DRAFT.applicant, fullName: 'A' });
    expect(loaded?.sets).toBe('1');
  });

  it('survives a storage that throws (full or disabled)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const drafts = storageDraftStorage(throwing);
    expect(() => drafts.save(EMPTY_DRAFT)).not.toThrow();
    expect(drafts.load()).toBeNull();
    expect(() => drafts.clear()).not.toThrow();
  });
});
