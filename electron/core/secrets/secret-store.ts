// The port through which the core keeps what must not sit in plain text in SQLite (today: the centre's
// device token). Asynchronous, because in the packaged app the answer comes from main (Electron's
// safeStorage), possibly across a process boundary; under Node it is a file only the user can read.

/** Every secret the core keeps (a closed set: the process boundary refuses any other name). */
export const SECRET_NAMES = ['centre.token'] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}
