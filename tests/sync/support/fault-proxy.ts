import { createConnection, createServer, type Server, type Socket } from 'node:net';

// A TCP proxy on loopback between desks and the centre that misbehaves like a ward's network: it drops
// connections outright, cuts some in the middle of a body, answers some with 502 without asking the
// centre, and stalls others (accepts, then says nothing). Each request draws its fate as it starts
// (keep-alive connections carry many requests, so deciding per connection would spare most). It can
// also drop the whole link every N bytes the desks send (all open connections at once), and counts
// the bytes that went through, so a benchmark can tell what a resumed upload really cost.

export interface FaultRates {
  /** Reset the connection as soon as it opens. */
  drop: number;
  /** Forward, then cut both sides after a random number of bytes (somewhere mid-request or mid-answer). */
  cut: number;
  /** Answer the first request with 502 Bad Gateway and close. */
  badGateway: number;
  /** Accept and read, but never forward or answer; close after `stallMs`. */
  stall: number;
  /**
   * Forward the request whole, then cut the connection as the answer starts: the centre has acted,
   * the desk never learns how (the answer is kept in `withheldAnswers` for the test to inspect).
   */
  cutAnswer: number;
}

export interface FaultProxyOptions {
  upstreamPort: number;
  rates?: Partial<FaultRates>;
  /** Cut points for 'cut' are drawn from [min, max] bytes of traffic on that connection. */
  cutAfterBytes?: [number, number];
  stallMs?: number;
  /** Drop every open connection each time the desks have sent this many more bytes. */
  dropEveryBytes?: number;
  /** Apply the fault rates only to requests whose request line matches (e.g. uploads only). */
  only?: RegExp;
  random?: () => number;
}

export interface ProxyCounters {
  connections: number;
  dropped: number;
  cut: number;
  badGateway: number;
  stalled: number;
  answersCut: number;
  linkDrops: number;
  /** Bytes the desks sent through the proxy (requests and upload bodies). */
  bytesUp: number;
  bytesDown: number;
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \//;
const NO_FAULTS: FaultRates = { drop: 0, cut: 0, badGateway: 0, stall: 0, cutAnswer: 0 };

export class FaultProxy {
  readonly counters: ProxyCounters = { connections: 0, dropped: 0, cut: 0, badGateway: 0, stalled: 0, answersCut: 0, linkDrops: 0, bytesUp: 0, bytesDown: 0 };
  /** The first bytes of each answer 'cutAnswer' kept from the desk. */
  readonly withheldAnswers: Buffer[] = [];
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private rates: FaultRates;
  private only: RegExp | undefined;
  private upstreamPort: number;
  private nextLinkDropAt: number;
  private readonly random: () => number;

  constructor(private readonly options: FaultProxyOptions) {
    this.rates = { ...NO_FAULTS, ...options.rates };
    this.only = options.only;
    this.upstreamPort = options.upstreamPort;
    this.random = options.random ?? Math.random;
    this.nextLinkDropAt = options.dropEveryBytes ?? Number.POSITIVE_INFINITY;
  }

  get url(): string {
    const address = this.server?.address();
    if (address === null || address === undefined || typeof address === 'string') throw new Error('proxy not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async listen(port = 0): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  /** Changes the fault rates from now on (e.g. a calm network to let replicas converge). */
  setRates(rates: Partial<FaultRates> | 'none', only?: RegExp): void {
    this.rates = rates === 'none' ? { ...NO_FAULTS } : { ...NO_FAULTS, ...rates };
    this.only = only ?? this.options.only;
  }

  /** Points the proxy at a restarted centre. */
  setUpstream(port: number): void {
    this.upstreamPort = port;
  }

  /** Drops every open connection now (a link failure). */
  dropAll(): void {
    for (const socket of this.open) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => (this.server === null ? resolve() : this.server.close(() => resolve())));
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    socket.on('error', () => undefined);
  }

  private fate(): keyof FaultRates | 'pass' {
    let roll = this.random();
    for (const kind of ['drop', 'cut', 'badGateway', 'stall', 'cutAnswer'] as const) {
      if (roll < this.rates[kind]) return kind;
      roll -= this.rates[kind];
    }
    return 'pass';
  }

  private accept(client: Socket): void {
    this.counters.connections += 1;
    this.track(client);
    const upstream = createConnection({ host: '127.0.0.1', port: this.upstreamPort });
    this.track(upstream);
    const [min, max] = this.options.cutAfterBytes ?? [200, 20_000];
    let traffic = 0;
    let cutAt = Number.POSITIVE_INFINITY;
    let stalled = false;
    let withholdAnswer = false;
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };

    // Keep-alive connections carry many requests: each request draws its own fate when it starts.
    const onRequestStart = (requestLine: string): boolean => {
      const fate = this.only === undefined || this.only.test(requestLine) ? this.fate() : 'pass';
      switch (fate) {
        case 'drop':
          this.counters.dropped += 1;
          client.resetAndDestroy();
          upstream.destroy();
          return false;
        case 'badGateway':
          this.counters.badGateway += 1;
          client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad Gateway');
          upstream.destroy();
          return false;
        case 'stall': {
          this.counters.stalled += 1;
          stalled = true;
          const timer = setTimeout(closeBoth, this.options.stallMs ?? 5_000);
          client.once('close', () => clearTimeout(timer));
          return false;
        }
        case 'cutAnswer':
          this.counters.answersCut += 1;
          withholdAnswer = true;
          return true;
        case 'cut':
          this.counters.cut += 1;
          cutAt = traffic + min + Math.floor(this.random() * (max - min));
          return true;
        case 'pass':
          return true;
      }
    };

    client.on('data', (chunk: Buffer) => {
      if (stalled) return;
      const head = chunk.subarray(0, 200).toString('latin1');
      if (REQUEST_LINE.test(head) && !onRequestStart(head.split('\r\n', 1)[0]!)) return;
      this.counters.bytesUp += chunk.length;
      traffic += chunk.length;
      // Backpressure, as a real link has: read no faster than the far side takes (else megabytes would
      // sit in this process's buffers and be lost at a link drop, which no real line does).
      if (upstream.writable && !upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
      if (traffic >= cutAt) closeBoth();
      if (this.counters.bytesUp >= this.nextLinkDropAt) {
        this.nextLinkDropAt += this.options.dropEveryBytes!;
        this.counters.linkDrops += 1;
        this.dropAll();
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (stalled) return;
      if (withholdAnswer) {
        this.withheldAnswers.push(chunk);
        closeBoth();
        return;
      }
      this.counters.bytesDown += chunk.length;
      traffic += chunk.length;
      if (client.writable && !client.write(chunk)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
      if (traffic >= cutAt) closeBoth();
    });
    client.once('end', () => upstream.end());
    upstream.once('end', () => client.end());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  }
}
