// Only the data package lines of the benchmark, for comparing exporters on one dataset:
// `LIANJIAN_BENCH_PACKAGE=1 npm run bench` (the full run measures them too, in city.run.ts).
// LIANJIAN_BENCH_DATA=<folder> reuses a city built before (it is only read); otherwise one is
// built, and kept when LIANJIAN_BENCH_KEEP=1.
import { existsSync, rmSync } from 'node:fs'
import { it } from 'vitest'
import { startBackend } from '../src-main/backend/app/boot'
import { setQuietLog } from '../src-main/backend/log'
import { tempDir } from '../test/helpers/temp-backend'
import { buildCity, CITY, scaled } from './city-data'
import { table } from './measure'
import { packageJobs } from './package-jobs'

const log = (line: string) => process.stdout.write(`${line}\n`)

it.skipIf(process.env['LIANJIAN_BENCH_PACKAGE'] !== '1')(
  'data package export and import',
  { timeout: 3 * 60 * 60_000 },
  async () => {
    setQuietLog(true)
    const given = process.env['LIANJIAN_BENCH_DATA']
    const dir = given && existsSync(given) ? given : tempDir('lianjian-bench-')
    const b = startBackend(dir, 'cli')
    await b.ready
    if (dir !== given) {
      const quick = process.env['LIANJIAN_BENCH_QUICK'] === '1'
      buildCity(b.ctx, quick ? scaled(CITY, 10) : CITY, log)
      log(`  数据集在 ${dir}`)
    }
    try {
      const runs = Number(process.env['LIANJIAN_BENCH_RUNS'] ?? 3)
      log(`\n${table(await packageJobs(b.ctx, runs, log))}\n`)
    } finally {
      b.close()
      if (dir !== given && process.env['LIANJIAN_BENCH_KEEP'] !== '1')
        rmSync(dir, { recursive: true, force: true })
    }
  },
)
