// The core's side of the protocol (core-protocol.ts): answers each request through the same dispatch
// every transport uses, and pushes the core's events. A malformed or oversized request, or an unknown
// command, is answered with the contract's error envelope; nothing a client sends can throw here.
import { errorEnvelope } from '../../../shared/contract/envelope.js';
import type { DispatchLog } from '../dispatch.js';
import { dispatch } from '../dispatch.js';
import type { DeskCore } from '../start-core.js';
import { MAX_REQUEST_BYTES, parseRequest, requestIdOf, withinRequestBound, type CoreMessage, type CorePort, type CoreRequest } from './core-protocol.js';

export type ServedCore = Pick<DeskCore, 'handlers' | 'events'>;
export type ControlRequest = Exclude<CoreRequest, { kind: 'invoke' }>;

export interface CoreHost {
  /** Answers one message from the client; `start` and `close` go to onControl. */
  receive(raw: unknown): void;
  /** Stops forwarding the core's events. */
  dispose(): void;
}

export function createCoreHost(post: (message: CoreMessage) => void, core: ServedCore, onControl: (request: ControlRequest) => void, log: DispatchLog = console): CoreHost {
  const unsubscribe = core.events.subscribe((name, payload) => {
    // Publishers (a command that has just committed) must never see the channel's failure.
    try {
      post({ kind: 'event', name, payload });
    } catch (error) {
      log.error(`event ${name} could not be sent`, error);
    }
  });

  async function answer(raw: unknown): Promise<void> {
    const request = parseRequest(raw);
    if (request === null) {
      post({ kind: 'result', id: requestIdOf(raw), envelope: errorEnvelope('invalid_argument', 'Thông điệp gửi tới lõi ứng dụng không hợp lệ.') });
      return;
    }
    if (request.kind !== 'invoke') {
      onControl(request);
      return;
    }
    if (!withinRequestBound(request.args)) {
      const limit = `${MAX_REQUEST_BYTES / 1024 / 1024} MB`;
      post({ kind: 'result', id: request.id, envelope: errorEnvelope('invalid_argument', `Tham số của lệnh quá lớn (tối đa ${limit}).`) });
      return;
    }
    // Electron window calls arrive through main's shell, which has already refused paths the window named.
    const envelope = await dispatch(core.handlers, request.name, request.args, { transport: 'ipc' }, log);
    try {
      post({ kind: 'result', id: request.id, envelope });
    } catch (error) {
      // A result the channel cannot carry (not structured-clonable) is a bug: the caller still gets an answer.
      log.error(`result of ${request.name} could not be sent`, error);
      post({ kind: 'result', id: request.id, envelope: errorEnvelope('internal', 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi; hãy thử lại.') });
    }
  }

  return {
    receive: (raw) => void answer(raw),
    dispose: unsubscribe,
  };
}

/** Serves an already started core on a port (the in-memory case: tests, a worker thread). */
export function serveCore(port: CorePort, core: ServedCore, onControl: (request: ControlRequest) => void = () => undefined): () => void {
  const host = createCoreHost((message) => port.postMessage(message), core, onControl);
  port.on('message', (raw) => host.receive(raw));
  return host.dispose;
}
