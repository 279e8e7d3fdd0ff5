import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `filePath` and returns the import-rule messages. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint enforces the layer table and says where to go instead', () => {
  it('shared/ may not import Node built-ins, Electron, desk or UI code', async () => {
    expect(await importProblems('shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual([
      expect.stringContaining('put code that needs Node in electron/core'),
    ]);
    expect(await importProblems('shared/domain/x.ts', "import { a } from '../../electron/core/handlers.js';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('call a command of the contract'),
    ]);
    expect(await importProblems('shared/domain/x.ts', "import { useState } from 'react';\nexport const s = useState;\n")).toEqual([
      expect.stringContaining('UI code goes in renderer/'),
    ]);
  });

  it('renderer/ may not import electron, Node or the core', async () => {
    expect(await importProblems('renderer/app/x.ts', "import { shell } from 'electron';\nexport const s = shell;\n")).toHaveLength(1);
    expect(await importProblems('renderer/app/x.ts', "import { join } from 'path';\nexport const j = join;\n")).toHaveLength(1);
    expect(await importProblems('renderer/app/x.ts', "import { dispatch } from '../../electron/core/dispatch.js';\nexport const d = dispatch;\n")).toHaveLength(1);
    expect(await importProblems('renderer/app/x.ts', "import { COMMAND_NAMES } from '../../shared/contract/command-names.js';\nexport const c = COMMAND_NAMES;\n")).toEqual([]);
  });

  it('electron/core may not import electron', async () => {
    expect(await importProblems('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringContaining("Only electron/main may import 'electron'"),
    ]);
  });

  it('raw ipcMain lives only in the main-process wrapper', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";
    expect(await importProblems('electron/main/window.ts', code)).toEqual([expect.stringContaining('electron/main/ipc-wrapper.ts')]);
    expect(await importProblems('electron/main/ipc-wrapper.ts', code)).toEqual([]);
  });

  it('raw ipcRenderer lives only in the preload entry, which imports only name lists', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n";
    expect(await importProblems('electron/preload/helpers.ts', code)).toEqual([expect.stringContaining('electron/preload/index.ts')]);
    expect(await importProblems('electron/preload/index.ts', code)).toEqual([]);
    expect(await importProblems('electron/main/window.ts', code)).toEqual([expect.stringContaining('electron/preload/index.ts')]);
    expect(
      await importProblems('electron/preload/index.ts', "import { COMMAND_SCHEMAS } from '../../shared/contract/commands.js';\nexport const c = COMMAND_SCHEMAS;\n"),
    ).toEqual([expect.stringContaining('only the contract name lists')]);
    expect(
      await importProblems('electron/preload/index.ts', "import { COMMAND_NAMES } from '../../shared/contract/command-names.js';\nexport const c = COMMAND_NAMES;\n"),
    ).toEqual([]);
  });

  it('a migration imports only files beside it, better-sqlite3 and Node built-ins: never application code', async () => {
    const migration = 'electron/core/db/migrations/m9990-x.ts';
    const frozen = expect.stringContaining('A migration is frozen');
    for (const module of [
      '../../dossiers/event-log-repository.js', // a repository
      '../../reports/report-projection.js', // a projection
      '../../dossiers/dossier-service.js', // a service
      '../../../../shared/domain/dossier/fold.js', // the domain
      '../../../../shared/contract/errors.js', // anything in shared/
      '../migrate.js', // the runner beside the folder
      './sub/../../migrate.js', // climbing out through a sub-folder
      'zod', // a package
      'electron',
    ]) {
      expect(await importProblems(migration, `import { x } from '${module}';\nexport const y = x;\n`), module).toEqual([frozen]);
    }
    for (const module of ['./types.js', './m0010-settings.js', 'better-sqlite3', 'node:crypto', 'crypto']) {
      expect(await importProblems(migration, `import { x } from '${module}';\nexport const y = x;\n`), module).toEqual([]);
    }
  });

  it('no migration in the registry imports anything but its own folder', async () => {
    const results = await eslint.lintFiles(['electron/core/db/migrations/**/*.ts']);
    expect(results.length).toBeGreaterThan(5);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('server/ may not import desk code', async () => {
    expect(await importProblems('server/x.ts', "import { dispatch } from '../electron/core/dispatch.js';\nexport const d = dispatch;\n")).toHaveLength(1);
  });
});

describe('lint does not mistake package subpaths for Node built-ins', () => {
  it("allows 'date-fns/constants' in shared/ while refusing 'constants' and 'node:test'", async () => {
    expect(await importProblems('shared/domain/x.ts', "import { millisecondsInHour } from 'date-fns/constants';\nexport const m = millisecondsInHour;\n")).toEqual([]);
    expect(await importProblems('shared/domain/x.ts', "import c from 'constants';\nexport const k = c;\n")).toHaveLength(1);
    expect(await importProblems('shared/domain/x.ts', "import t from 'node:test';\nexport const k = t;\n")).toHaveLength(1);
  });
});
