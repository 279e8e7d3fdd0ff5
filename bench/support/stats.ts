/** Median and 95th percentile of repeated timings, in milliseconds. */
export function summarise(samples: number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

export async function timeEach(runs: number, body: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function formatRow(label: string, samples: number[], target?: number): string {
  const { median, p95, n } = summarise(samples);
  const verdict = target === undefined ? '' : median < target ? `  ✓ target < ${target} ms` : `  ✗ target < ${target} ms`;
  return `${label.padEnd(38)} median ${median.toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms   (n=${n})${verdict}`;
}
