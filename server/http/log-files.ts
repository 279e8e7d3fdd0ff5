import { join } from 'node:path';
import pinoRoll from 'pino-roll';

/** Each file's size before the next one starts, and how many old files are kept (about 50 MB in all). */
export const CENTRE_LOG_FILE_SIZE = '10m';
export const CENTRE_LOG_FILES_KEPT = 4;

/**
 * The centre's log as rotating files, <data-dir>/logs/centre.N.log (pino-roll numbers them), for a
 * technician to read or send: the same lines stdout would get, already redacted by the logger.
 */
export function centreLogFiles(dataDir: string): Promise<NodeJS.WritableStream> {
  return pinoRoll({
    file: join(dataDir, 'logs', 'centre'),
    extension: '.log',
    size: CENTRE_LOG_FILE_SIZE,
    limit: { count: CENTRE_LOG_FILES_KEPT },
    mkdir: true,
  });
}
