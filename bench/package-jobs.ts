// Data package export and import on the benchmark's database: time, peak memory and the
// longest stall of the event loop, each against yazl / yauzl doing the bare job on the same
// file (zip it; unzip it). Peak RSS is sampled from a worker thread, which keeps sampling
// while the main thread is blocked (the PizZip exporter blocked it for the whole job).
import { once } from 'node:events'
import { createWriteStream, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Worker } from 'node:worker_threads'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { startBackend } from '../src-main/backend/app/boot'
import type { AppContext } from '../src-main/backend/app/context'
import { exportPackage, importPackage } from '../src-main/backend/safety/package'
import { tempDir } from '../test/helpers/temp-backend'
import type { BenchResult } from './measure'

const MB = 1024 * 1024
const SAMPLER = `
const { parentPort } = require('node:worker_threads')
let peak = 0
const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 5)
parentPort.on('message', () => { clearInterval(t); parentPort.postMessage(peak) })
`

interface Measured {
  ms: number
  /** Highest RSS above the RSS just before the job, in MB. */
  peakMb: number
  /** The longest the event loop could not run anything else, in ms. */
  stallMs: number
}

async function measured(job: () => Promise<unknown>): Promise<Measured> {
  const sampler = new Worker(SAMPLER, { eval: true })
  await once(sampler, 'online')
  const base = process.memoryUsage.rss()
  // The longest gap between ticks of a 10 ms timer: how long nothing else could run.
  let last = performance.now()
  let stall = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last)
    last = now
  }, 10)
  const t = performance.now()
  await job()
  const ms = performance.now() - t
  clearInterval(ticker)
  stall = Math.max(stall, performance.now() - last)
  sampler.postMessage('stop')
  const [peak] = (await once(sampler, 'message')) as [number]
  await sampler.terminate()
  return { ms, peakMb: Math.max(0, peak - base) / MB, stallMs: stall }
}

/** Runs a job `runs` times; the median time and the worst peak and stall. */
async function repeat(runs: number, job: (i: number) => Promise<unknown>): Promise<Measured> {
  const all: Measured[] = []
  for (let i = 0; i < runs; i++) all.push(await measured(() => job(i)))
  const times = all.map((m) => m.ms).sort((a, b) => a - b)
  return {
    ms: times[Math.floor(times.length / 2)] ?? NaN,
    peakMb: Math.max(...all.map((m) => m.peakMb)),
    stallMs: Math.max(...all.map((m) => m.stallMs)),
  }
}

async function bareZip(file: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile()
  zip.addFile(file, 'lianjian.sqlite')
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(out))
}

async function bareUnzip(file: string, out: string): Promise<void> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  try {
    for await (const e of zip.eachEntry())
      if (e.fileName === 'lianjian.sqlite')
        await pipeline(await zip.openReadStreamPromise(e), createWriteStream(out))
  } finally {
    zip.close()
  }
}

const round = (n: number) => Math.round(n * 10) / 10
const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(3)) : null)

function lines(name: string, ours: Measured, bare: Measured, what: string): BenchResult[] {
  return [
    {
      name,
      median_ms: round(ours.ms),
      p95_ms: null,
      ratio_vs_bare: ratio(ours.ms, bare.ms),
      note: `${what}；最长阻塞 ${round(ours.stallMs)} ms（对照 ${round(bare.stallMs)} ms）`,
    },
    {
      name: `${name}_peak_rss`,
      median_ms: null,
      p95_ms: null,
      ratio_vs_bare: ratio(ours.peakMb, bare.peakMb),
      value: round(ours.peakMb),
      unit: 'MB',
      note: `比开始前多占的内存峰值（对照 ${round(bare.peakMb)} MB）`,
    },
  ]
}

/** Export and import of a package of `ctx`'s data, `runs` times each, and the bare jobs. */
export async function packageJobs(
  ctx: AppContext,
  runs: number,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const work = tempDir('lianjian-bench-package-')
  try {
    const dbCopy = join(work, 'copy.sqlite')
    ctx.db.exec(`VACUUM INTO '${dbCopy.replaceAll("'", "''")}'`)
    const dbMb = statSync(dbCopy).size / MB
    const pkg = join(work, 'package.zip')
    const exportOurs = await repeat(runs, () => exportPackage(ctx, pkg))
    const exportBare = await repeat(runs, () => bareZip(dbCopy, join(work, 'bare.zip')))
    const pkgMb = statSync(pkg).size / MB
    log(`  数据包：数据库 ${dbMb.toFixed(0)} MB → 数据包 ${pkgMb.toFixed(0)} MB`)
    const importOurs = await repeat(runs, async () => {
      // Into a new installation each time, as on the other PC.
      const dir = tempDir('lianjian-bench-import-')
      const b = startBackend(dir, 'cli')
      try {
        await b.ready
        await importPackage(b.ctx, pkg)
      } finally {
        b.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
    const importBare = await repeat(runs, () => bareUnzip(pkg, join(work, 'bare.sqlite')))
    return [
      ...lines(
        'package_export',
        exportOurs,
        exportBare,
        `数据库 ${dbMb.toFixed(0)} MB：复制、完整性检查、VACUUM、SHA-256、压缩；对照为 yazl 压缩同一文件`,
      ),
      ...lines(
        'package_import',
        importOurs,
        importBare,
        `数据包 ${pkgMb.toFixed(0)} MB 导入新安装：校验清单与 SHA-256、解压、完整性检查、替换；对照为 yauzl 解压同一文件`,
      ),
    ]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
