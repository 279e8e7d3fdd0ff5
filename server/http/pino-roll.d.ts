// pino-roll ships no types; the one call the centre makes (log-files.ts), as its README documents it.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string;
    extension?: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    limit?: { count: number };
    mkdir?: boolean;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<NodeJS.WritableStream>;
}
