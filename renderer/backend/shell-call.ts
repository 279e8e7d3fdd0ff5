import type { Envelope } from '../../shared/contract/envelope.js';
import type { ShellOperation, ShellResults } from '../../shared/contract/shell.js';
import type { DeskBridge } from './desk-bridge.js';
import { isEnvelope, unreachableCoreEnvelope } from './unreachable-core.js';

// The Electron shell's own operations (shared/contract/shell.ts: dialogs, files by path, saving,
// printing to PDF), called through the same bridge as the contract. Only the Electron window has them;
// features test for `window.desk` and do the browser's own thing otherwise.

/** What the page passes for each operation (the preload turns a dropped File into its path). */
export interface ShellPageArgs {
  'shell.pickFiles': Record<string, never>;
  'shell.grantDroppedFile': { file: File };
  'shell.saveExport': { fileName: string };
  'shell.savePdf': { fileName: string };
  'shell.updateState': Record<string, never>;
  'shell.setIntakeOpen': { open: boolean };
  'shell.installUpdate': Record<string, never>;
  'shell.saveSupportLogs': Record<string, never>;
  'shell.pickFolder': { title: string };
}

export async function callShell<O extends ShellOperation>(bridge: DeskBridge, operation: O, args: ShellPageArgs[O]): Promise<Envelope<ShellResults[O]>> {
  try {
    const envelope = await bridge.invoke(operation, args);
    // Main validated the arguments and typed the answer against the same list.
    return isEnvelope(envelope) ? (envelope as Envelope<ShellResults[O]>) : unreachableCoreEnvelope();
  } catch {
    return unreachableCoreEnvelope();
  }
}
