import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { errorEnvelope, type Envelope } from '../../shared/contract/envelope.js';
import type { ExportResult } from '../../shared/contract/reports.js';
import { EXPORT_FILE_NAME_PATTERN } from '../../shared/domain/reports/report-kinds.js';
import { sendEnvelope } from './http-io.js';

export const EXPORTS_PREFIX = '/api/exports/';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/**
 * `GET /api/exports/<fileName>` (behind the same bearer token as every /api/ call): hands the browser
 * a report file that `reports.export` wrote. Only files exported through this host are served — the
 * route remembers each successful export's name and path — so no request can name any other file.
 */
export interface ExportRoute {
  /** Called with every invoke's outcome; keeps the files of successful exports. */
  remember(commandName: string, envelope: Envelope<unknown>): void;
  /** Answers the request if it is for this route; false otherwise. */
  serve(pathname: string, method: string | undefined, res: ServerResponse): Promise<boolean>;
}

export function createExportRoute(): ExportRoute {
  const files = new Map<string, string>();
  return {
    remember(commandName, envelope) {
      if (commandName !== 'reports.export' || !envelope.ok) return;
      const value = envelope.value as ExportResult;
      files.set(value.fileName, value.path);
    },

    async serve(pathname, method, res) {
      if (!pathname.startsWith(EXPORTS_PREFIX)) return false;
      if (method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end();
        return true;
      }
      let fileName: string;
      try {
        fileName = decodeURIComponent(pathname.slice(EXPORTS_PREFIX.length));
      } catch {
        fileName = '';
      }
      const match = EXPORT_FILE_NAME_PATTERN.exec(fileName);
      const path = match === null ? undefined : files.get(fileName);
      if (match === null || path === undefined) {
        sendEnvelope(res, errorEnvelope('not_found', 'Không tìm thấy tệp báo cáo này: hãy xuất lại báo cáo.'));
        return true;
      }
      let body: Buffer;
      try {
        body = await readFile(path);
      } catch {
        files.delete(fileName);
        sendEnvelope(res, errorEnvelope('not_found', 'Tệp báo cáo đã bị xoá khỏi máy: hãy xuất lại báo cáo.'));
        return true;
      }
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[match[1] as keyof typeof CONTENT_TYPES],
        'content-length': body.length,
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
      return true;
    },
  };
}
