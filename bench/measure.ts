// Timing helpers for `npm run bench`: repeat a job, report median and p95 in milliseconds,
// and compare with the bare library doing the same job in the same run.

export interface BenchResult {
  name: string
  median_ms: number | null
  p95_ms: number | null
  ratio_vs_bare: number | null
  value?: number
  unit?: string
  budget?: string
  note?: string
}

export interface Timing {
  median: number
  p95: number
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)
  return sorted[Math.max(0, i)] ?? NaN
}

export async function time(
  runs: number,
  job: (i: number) => unknown | Promise<unknown>,
  warmup = 1,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await job(-1 - i)
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await job(i)
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) }
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d

export function result(
  name: string,
  ours: Timing,
  bare: Timing | null,
  budget?: string,
  note?: string,
): BenchResult {
  return {
    name,
    median_ms: round(ours.median),
    p95_ms: round(ours.p95),
    // Three significant figures: an indexed search is thousands of times faster than a scan.
    ratio_vs_bare: bare ? Number((ours.median / bare.median).toPrecision(3)) : null,
    ...(budget ? { budget } : {}),
    ...(note ? { note } : {}),
  }
}

export function table(results: BenchResult[]): string {
  const head = ['name', 'median ms', 'p95 ms', 'ratio vs bare', 'budget', 'note']
  const rows = results.map((r) => [
    r.name,
    r.value !== undefined ? `${r.value} ${r.unit ?? ''}` : String(r.median_ms ?? '—'),
    r.value !== undefined ? '' : String(r.p95_ms ?? '—'),
    r.ratio_vs_bare === null ? '—' : `${r.ratio_vs_bare}×`,
    r.budget ?? '',
    r.note ?? '',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
