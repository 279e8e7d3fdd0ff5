import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

/**
 * A feature's store passed through React context, so each test (and each window) gets its own instance
 * rather than a module-level singleton: a provider, a hook that reads a slice of the state, and the store
 * itself for actions that read state at call time.
 */
export function createStoreContext<State>(name: string) {
  const Context = createContext<StoreApi<State> | null>(null);
  Context.displayName = `${name}StoreContext`;

  function Provider({ store, children }: { store: StoreApi<State>; children: ReactNode }) {
    return <Context value={store}>{children}</Context>;
  }

  function useStoreApi(): StoreApi<State> {
    const store = useContext(Context);
    if (!store) throw new Error(`the ${name} store must be used inside <${name}StoreProvider>`);
    return store;
  }

  function useSlice<T>(selector: (state: State) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useStoreApi, useStore: useSlice };
}
