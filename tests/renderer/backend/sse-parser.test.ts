import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../../renderer/backend/sse-parser.js';

function parseAll(chunks: string[]): { messages: SseMessage[]; parser: SseParser } {
  const parser = new SseParser();
  const messages = chunks.flatMap((chunk) => parser.push(chunk));
  return { messages, parser };
}

// What the web host writes: a connect comment, events, heartbeats.
const HOST_STREAM =
  ': connected\n\n' +
  'event: sync.status\ndata: {"state":"idle","pendingEvents":0,"lastSuccessAt":null,"lastError":null}\n\n' +
  ': heartbeat\n\n' +
  'event: dossiers.changed\ndata: {"dossierIds":["01J0000000000000000000000A"]}\n\n';

describe('SseParser', () => {
  it("reads the web host's events and skips its comments", () => {
    const { messages } = parseAll([HOST_STREAM]);
    expect(messages.map((m) => m.event)).toEqual(['sync.status', 'dossiers.changed']);
    expect(JSON.parse(messages[1]!.data)).toEqual({ dossierIds: ['01J0000000000000000000000A'] });
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const whole = parseAll([HOST_STREAM]).messages;
    for (let cut = 1; cut < HOST_STREAM.length; cut += 1) {
      expect(parseAll([HOST_STREAM.slice(0, cut), HOST_STREAM.slice(cut)]).messages).toEqual(whole);
    }
    expect(parseAll([...HOST_STREAM]).messages).toEqual(whole);
  });

  it('joins several data lines with a line feed and defaults the type to "message"', () => {
    expect(parseAll(['data: first\ndata: second\n\n']).messages).toEqual([
      { event: 'message', data: 'first\nsecond', lastEventId: '' },
    ]);
  });

  it('accepts CRLF and lone CR line endings, even with CRLF split between chunks', () => {
    const expected = [{ event: 'a', data: 'x\ny', lastEventId: '' }];
    expect(parseAll(['event: a\r\ndata: x\r\ndata: y\r\n\r\n']).messages).toEqual(expected);
    expect(parseAll(['event: a\rdata: x\rdata: y\r\r']).messages).toEqual(expected);
    // A CR at the end of one chunk and its LF at the start of the next are one line ending, not two.
    expect(parseAll(['event: a\r', '\ndata: x\r', '\ndata: y\r', '\n\r', '\n']).messages).toEqual(expected);
  });

  it('strips exactly one space after the colon', () => {
    expect(parseAll(['data:no-space\n\n', 'data:  two-spaces\n\n']).messages.map((m) => m.data)).toEqual([
      'no-space',
      ' two-spaces',
    ]);
  });

  it('dispatches nothing for an event without data, and resets the type after each event', () => {
    const { messages } = parseAll(['event: sync.status\n\n', 'data: plain\n\n']);
    expect(messages).toEqual([{ event: 'message', data: 'plain', lastEventId: '' }]);
  });

  it('keeps the last event id and the retry the server asked for', () => {
    const { messages, parser } = parseAll(['id: 7\nretry: 2500\nretry: soon\ndata: x\n\n', 'data: y\n\n']);
    expect(messages.map((m) => m.lastEventId)).toEqual(['7', '7']);
    expect(parser.retryMs).toBe(2500);
  });

  it('holds back an event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: sync.status\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'sync.status', data: '{}', lastEventId: '' }]);
  });
});
