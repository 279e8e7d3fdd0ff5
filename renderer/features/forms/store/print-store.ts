import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskClient } from '../../../../shared/contract/commands.js';
import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import type { Envelope } from '../../../../shared/contract/envelope.js';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { isLocalDate } from '../../../../shared/domain/calendar/vietnam-time.js';
import { logBookEntryOf, sortLogBook, type LogBookEntry } from '../model/log-book.js';
import { lookupCentreOf } from '../model/lookup-url.js';

// What a print view needs from the core: one dossier (forms 01–05), or every dossier received in a
// date range with its detail (the log book, form 06).

export type PrintRequest = { kind: 'dossier'; dossierId: string } | { kind: 'logBook'; from: string; to: string };

export interface LogBook {
  from: string;
  to: string;
  /** The unit whose book it is (the desk's own, from its settings). */
  unitName: string;
  unitGsoCode: string;
  entries: LogBookEntry[];
}

export type PrintStatus = 'idle' | 'loading' | 'loaded' | 'failed';

export interface PrintState {
  status: PrintStatus;
  detail: DossierDetail | null;
  /** The centre whose status page form 01's QR code opens; null when no centre will know the dossier. */
  centreUrl: string | null;
  /** The desk's phone for citizens, printed on forms 01–03 when a supervisor has set it. */
  deskPhone: string | null;
  logBook: LogBook | null;
  /** Log book: dossiers whose detail has arrived, of how many. */
  progress: { loaded: number; total: number } | null;
  error: CommandErrorData | null;
  load(request: PrintRequest): Promise<void>;
}

export type PrintStore = StoreApi<PrintState>;

/** The search command's largest page. */
export const SEARCH_PAGE_SIZE = 500;
/** A book longer than this is printed in several ranges: the officer narrows the dates. */
export const LOG_BOOK_MAX_ENTRIES = 5_000;
/** Detail requests in flight at once: enough to hide latency, few enough not to starve the desk's own work. */
const DETAIL_CONCURRENCY = 4;

class LoadFailed extends Error {
  constructor(readonly data: CommandErrorData) {
    super(data.message);
  }
}

async function valueOf<T>(envelope: Promise<Envelope<T>>): Promise<T> {
  const answer = await envelope;
  if (!answer.ok) throw new LoadFailed(answer.error);
  return answer.value;
}

export interface PrintStoreOptions {
  /** Rows per search page (tests use a small page to cross page boundaries cheaply). */
  pageSize?: number;
}

export function createPrintStore(client: DeskClient, options: PrintStoreOptions = {}): PrintStore {
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  let latestRequest = 0;

  return createStore<PrintState>()((set) => {
    async function loadLogBook(from: string, to: string, isCurrent: () => boolean): Promise<LogBook> {
      if (!isLocalDate(from) || !isLocalDate(to)) {
        throw new LoadFailed({ code: 'invalid_argument', message: 'Khoảng ngày của sổ theo dõi phải ở dạng yyyy-MM-dd (ví dụ 2026-11-23).' });
      }
      if (from > to) throw new LoadFailed({ code: 'invalid_argument', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
      const settings = await valueOf(client.invoke('settings.get', {}));
      if (settings.unit === null) throw new LoadFailed({ code: 'not_found', message: 'Máy này chưa chọn đơn vị, nên chưa có sổ theo dõi hồ sơ.' });

      const ids = new Set<string>();
      for (let offset = 0; ; offset += pageSize) {
        const page = await valueOf(client.invoke('dossiers.search', { receivedFrom: from, receivedTo: to, limit: pageSize, offset }));
        // Refused dossiers have no code: they were never received, so they are not in the book.
        for (const row of page.rows) if (row.code !== null) ids.add(row.id);
        if (ids.size > LOG_BOOK_MAX_ENTRIES) {
          throw new LoadFailed({
            code: 'invalid_argument',
            message: `Khoảng ngày có hơn ${LOG_BOOK_MAX_ENTRIES.toLocaleString('vi-VN')} hồ sơ: hãy in sổ theo từng khoảng ngắn hơn.`,
          });
        }
        if (page.rows.length < pageSize) break;
      }

      const pending = [...ids];
      const details: DossierDetail[] = [];
      if (isCurrent()) set({ progress: { loaded: 0, total: pending.length } });
      const worker = async (): Promise<void> => {
        for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
          details.push(await valueOf(client.invoke('dossiers.get', { id })));
          if (isCurrent()) set({ progress: { loaded: details.length, total: ids.size } });
        }
      };
      await Promise.all(Array.from({ length: DETAIL_CONCURRENCY }, worker));
      const entries = details.map(logBookEntryOf).filter((entry): entry is LogBookEntry => entry !== null);
      return { from, to, unitName: settings.unit.name, unitGsoCode: settings.unit.gsoCode, entries: sortLogBook(entries) };
    }

    return {
      status: 'idle',
      detail: null,
      centreUrl: null,
      deskPhone: null,
      logBook: null,
      progress: null,
      error: null,
      async load(request) {
        const current = ++latestRequest;
        const isCurrent = () => current === latestRequest; // a newer request decides what is shown
        set({ status: 'loading', error: null, progress: null });
        try {
          if (request.kind === 'dossier') {
            const [detail, sync, preferences] = await Promise.all([
              valueOf(client.invoke('dossiers.get', { id: request.dossierId })),
              client.invoke('sync.status', {}),
              client.invoke('preferences.get', {}),
            ]);
            // The desk's own sync state and preferences: should either fail, the form still prints,
            // without a QR code / with the dotted line for the phone.
            const centreUrl = sync.ok ? lookupCentreOf(sync.value) : null;
            const deskPhone = preferences.ok ? preferences.value.phone : null;
            if (isCurrent()) set({ status: 'loaded', detail, centreUrl, deskPhone, logBook: null });
          } else {
            const logBook = await loadLogBook(request.from, request.to, isCurrent);
            if (isCurrent()) set({ status: 'loaded', logBook, detail: null, progress: null });
          }
        } catch (error) {
          if (!isCurrent()) return;
          if (error instanceof LoadFailed) set({ status: 'failed', error: error.data });
          else set({ status: 'failed', error: { code: 'internal', message: 'Không đọc được dữ liệu để in. Hãy thử lại.' } });
        }
      },
    };
  });
}
