/** One server-sent event, as the WHATWG "event stream interpretation" defines it. */
export interface SseMessage {
  event: string;
  data: string;
  lastEventId: string;
}

/**
 * Incremental parser of a `text/event-stream` body. We read the stream with fetch (EventSource cannot send
 * an Authorization header), so chunks arrive split anywhere: mid-line, mid-field, between CR and LF.
 */
export class SseParser {
  private pending = '';
  private skipLeadingLf = false;
  private eventType = '';
  private dataLines: string[] = [];
  private lastEventId = '';
  /** The reconnection delay the server asked for with `retry:`, if any. */
  retryMs: number | null = null;

  /** Feeds decoded text; returns the events completed by it, in order. */
  push(text: string): SseMessage[] {
    const messages: SseMessage[] = [];
    if (text === '') return messages;
    let input = text;
    if (this.skipLeadingLf && input.startsWith('\n')) input = input.slice(1);
    this.skipLeadingLf = false;
    let buffer = this.pending + input;
    let lineEnd = buffer.search(/[\r\n]/);
    while (lineEnd !== -1) {
      const line = buffer.slice(0, lineEnd);
      let next = lineEnd + 1;
      if (buffer[lineEnd] === '\r') {
        if (next === buffer.length) this.skipLeadingLf = true; // the LF of a CRLF may come in the next chunk
        else if (buffer[next] === '\n') next += 1;
      }
      buffer = buffer.slice(next);
      this.processLine(line, messages);
      lineEnd = buffer.search(/[\r\n]/);
    }
    this.pending = buffer;
    return messages;
  }

  private processLine(line: string, messages: SseMessage[]): void {
    if (line === '') {
      this.dispatch(messages);
      return;
    }
    if (line.startsWith(':')) return; // a comment, e.g. the server's heartbeat
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break; // unknown fields are ignored, as the standard says
    }
  }

  private dispatch(messages: SseMessage[]): void {
    const hasData = this.dataLines.length > 0;
    const message = { event: this.eventType || 'message', data: this.dataLines.join('\n'), lastEventId: this.lastEventId };
    this.eventType = '';
    this.dataLines = [];
    if (hasData) messages.push(message);
  }
}
