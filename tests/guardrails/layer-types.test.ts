import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => resolve(root, 'tests/guardrails/fixtures', name);

/** Compiles one fixture file with the real compiler options of a layer's tsconfig. */
function diagnosticsUnder(layerTsconfig: string, file: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, layerTsconfig), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${layerTsconfig}`);
  const options = { ...config.options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false };
  const program = ts.createProgram([file], options);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the compiler enforces each layer’s runtime', () => {
  it('shared/ cannot see the DOM', () => {
    expect(diagnosticsUnder('shared/tsconfig.json', fixture('uses-document.ts')).join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('shared/ cannot see Node globals', () => {
    const messages = diagnosticsUnder('shared/tsconfig.json', fixture('uses-node-buffer.ts')).join('\n');
    expect(messages).toMatch(/Cannot find name 'Buffer'/);
    expect(messages).toMatch(/Cannot find name 'process'/);
  });

  it('renderer/ sees the DOM but not Node', () => {
    expect(diagnosticsUnder('renderer/tsconfig.json', fixture('uses-document.ts'))).toEqual([]);
    expect(diagnosticsUnder('renderer/tsconfig.json', fixture('uses-node-buffer.ts')).join('\n')).toMatch(/Cannot find name 'Buffer'/);
  });

  it('electron/core and server see Node but not the DOM', () => {
    for (const layer of ['electron/core/tsconfig.json', 'server/tsconfig.json']) {
      expect(diagnosticsUnder(layer, fixture('uses-node-buffer.ts'))).toEqual([]);
      expect(diagnosticsUnder(layer, fixture('uses-document.ts')).join('\n')).toMatch(/Cannot find name 'document'/);
    }
  });

  it('plain code compiles in every layer', () => {
    for (const layer of ['shared', 'renderer', 'electron/core', 'electron/main', 'server']) {
      expect(diagnosticsUnder(`${layer}/tsconfig.json`, fixture('platform-free.ts'))).toEqual([]);
    }
  });
});
