/** Where the UI remembers it is locked, so reloading the page does not skip the idle lock. */
export interface LockFlag {
  isSet(): boolean;
  set(): void;
  clear(): void;
}

export function storageLockFlag(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key = 'desk.ui-locked'): LockFlag {
  return {
    isSet: () => {
      try {
        return storage.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    set: () => {
      try {
        storage.setItem(key, '1');
      } catch {
        // A full or disabled storage loses only the reload protection, never the lock itself.
      }
    },
    clear: () => {
      try {
        storage.removeItem(key);
      } catch {
        // as above
      }
    },
  };
}

export function memoryLockFlag(): LockFlag {
  let set = false;
  return { isSet: () => set, set: () => void (set = true), clear: () => void (set = false) };
}
