import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { redactValue } from '../../../shared/logging/redact.js';

// The desk's log files, in <data folder>/logs: main.log (Electron's main process), core.log (the desk
// core's process, or the web host), renderer.log (the window's warnings and errors, written by main).
// electron-log writes them (synchronously: a line before a crash is not lost) and rotates each at
// LOG_FILE_MAX_BYTES to <name>.old.log. Every line passes the one redaction (shared/logging/redact.ts).

export const LOG_FOLDER = 'logs';
export const LOG_FILE_MAX_BYTES = 2 * 1024 * 1024;
export type DeskLogPart = 'main' | 'core' | 'renderer';

export interface DeskLog {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  info(...data: unknown[]): void;
}

export const logFolderOf = (dataDir: string): string => join(dataDir, LOG_FOLDER);

/** A logger writing <dataDir>/logs/<part>.log; nothing to stdout (the process entries decide that). */
export function openDeskLog(dataDir: string, part: DeskLogPart): DeskLog {
  const logger = electronLog.create({ logId: `desk:${part}:${dataDir}` });
  logger.transports.console.level = false;
  logger.transports.file.level = 'info';
  logger.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  logger.transports.file.resolvePathFn = () => join(logFolderOf(dataDir), `${part}.log`);
  logger.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
  return logger;
}

type ConsoleLevel = 'error' | 'warn' | 'info' | 'log';

/**
 * The process's console also goes to its log file (the existing `console.error('desk core failed to
 * start', error)` lines and any library's warnings), still printed where it was. Returns the undo.
 */
export function copyConsoleToLog(log: DeskLog, target: Pick<Console, ConsoleLevel> = console): () => void {
  const original = { error: target.error, warn: target.warn, info: target.info, log: target.log };
  const levels: readonly [ConsoleLevel, keyof DeskLog][] = [
    ['error', 'error'],
    ['warn', 'warn'],
    ['info', 'info'],
    ['log', 'info'],
  ];
  for (const [method, level] of levels) {
    target[method] = (...data: unknown[]) => {
      original[method].apply(target, data.map((item) => redactValue(item)));
      log[level](...data);
    };
  }
  return () => Object.assign(target, original);
}
