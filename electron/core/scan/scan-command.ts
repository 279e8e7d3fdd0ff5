import { CommandError } from '../../../shared/contract/errors.js';

// The scan command is a template the desk's supervisor can change (setting 'scan.command'), so any
// scanner a console tool can drive works: SANE's scanimage on Linux, NAPS2's console on Windows.
// It is split into arguments and run WITHOUT a shell, so a device name can never become a command.
//
// Placeholders, replaced inside each argument after splitting (values may hold spaces):
//   {device}  setting 'scan.device'            {out}    the folder the pages must be written to
//   {pages}   the feeder page limit (1 for a single page)
//   {mode:SINGLE|FEEDER}  the SINGLE text for one page, the FEEDER text for the feeder; split too.
// An argument whose placeholder has no value (no device set, no page limit) is left out, so the tool
// falls back to its own default (scanimage: the first scanner; no limit: until the feeder is empty).

export type ScanMode = 'single' | 'feeder';

/** scanimage: pages as PNG files page1.png, page2.png… in {out}; the 200 dpi the PDF builder keeps. */
export const SANE_DEFAULT_COMMAND =
  'scanimage --device-name={device} --format=png --resolution=200 --batch={out}/page%d.png ' +
  '{mode:--batch-count=1|--source="Automatic Document Feeder" --batch-count={pages}}';

/**
 * NAPS2 (Windows desks): its console tool writes one PDF, which the desk takes as it is. The device is
 * the name NAPS2 shows (WIA); not run on this project's Linux machines, so set it up on the desk itself.
 */
export const NAPS2_DEFAULT_COMMAND =
  '"C:\\Program Files\\NAPS2\\NAPS2.Console.exe" --noprofile --driver wia --device "{device}" --dpi 200 ' +
  '--output "{out}\\scan.pdf" {mode:--source glass|--source feeder}';

export function defaultScanCommand(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? NAPS2_DEFAULT_COMMAND : SANE_DEFAULT_COMMAND;
}

export interface ScanCommandValues {
  device: string;
  out: string;
  mode: ScanMode;
  pages?: number;
}

function badTemplate(why: string): CommandError {
  return new CommandError('invalid_argument', `Lệnh quét không hợp lệ: ${why}.`);
}

/** Splits on spaces outside double quotes; the quotes themselves are removed. */
export function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
      started = true;
    } else if (/\s/.test(char) && !inQuotes) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (inQuotes) throw badTemplate('thiếu dấu ngoặc kép đóng');
  if (started) args.push(current);
  return args;
}

// {mode:SINGLE|FEEDER} may itself hold placeholders ({pages}), so braces are matched, not pattern-cut.
function expandMode(template: string, mode: ScanMode): string {
  let result = '';
  let rest = template;
  for (let start = rest.indexOf('{mode:'); start !== -1; start = rest.indexOf('{mode:')) {
    let depth = 0;
    let bar = -1;
    let end = -1;
    for (let i = start; i < rest.length && end === -1; i += 1) {
      if (rest[i] === '{') depth += 1;
      else if (rest[i] === '}' && --depth === 0) end = i;
      else if (rest[i] === '|' && depth === 1 && bar === -1) bar = i;
    }
    if (end === -1 || bar === -1) throw badTemplate('phần {mode:…|…} phải có dạng {mode:một trang|khay nạp giấy}');
    result += rest.slice(0, start) + (mode === 'single' ? rest.slice(start + 6, bar) : rest.slice(bar + 1, end));
    rest = rest.slice(end + 1);
  }
  return result + rest;
}

/** The program and its arguments for one scan. */
export function buildScanArgv(template: string, values: ScanCommandValues): { program: string; args: string[] } {
  const pages = values.mode === 'single' ? '1' : values.pages === undefined ? '' : String(values.pages);
  const replacements: Record<string, string> = { device: values.device.trim(), out: values.out, pages };
  const argv: string[] = [];
  for (const arg of splitArguments(expandMode(template, values.mode))) {
    const names = [...arg.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const unknown = names.find((name) => !(name in replacements));
    if (unknown !== undefined) throw badTemplate(`không có tham số {${unknown}}`);
    if (names.some((name) => replacements[name] === '')) continue;
    argv.push(arg.replace(/\{(\w+)\}/g, (_whole, name: string) => replacements[name] ?? ''));
  }
  const [program, ...args] = argv;
  if (program === undefined) throw badTemplate('lệnh trống');
  return { program, args };
}
