// `npm run bench -- --responders [--quick]`: only the responder suggestions, on the city
// dataset (the full `npm run bench` measures them too, in city.run.ts). Its line is merged
// into bench/results.json.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'vitest'
import { startBackend } from '../src-main/backend/app/boot'
import { setQuietLog } from '../src-main/backend/log'
import { tempDir } from '../test/helpers/temp-backend'
import { buildCity, CITY, scaled } from './city-data'
import { table, type BenchResult } from './measure'
import { respondersJob } from './responders'

const ONLY = process.env['LIANJIAN_BENCH_ONLY'] === 'responders'
const QUICK = process.env['LIANJIAN_BENCH_QUICK'] === '1'
const log = (line: string) => process.stdout.write(`${line}\n`)

it.skipIf(!ONLY)('responder suggestions at city scale', { timeout: 3 * 60 * 60_000 }, async () => {
  setQuietLog(true)
  const dir = tempDir('lianjian-bench-responders-')
  const b = startBackend(dir, 'cli')
  await b.ready
  const scale = QUICK ? scaled(CITY, 10) : CITY
  log(`\n推荐承办人（${QUICK ? '1/10 规模' : '城市规模'}）in ${dir}`)
  buildCity(b.ctx, scale, log)
  const grids = (b.ctx.db.prepare('SELECT id FROM grids').all() as { id: number }[]).map(
    (g) => g.id,
  )
  const results = await respondersJob(b, grids, QUICK ? 2_000 : 20_000, log)
  log(`\n${table(results)}\n`)
  const file = join('bench', 'results.json')
  const old: BenchResult[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[])
    : []
  const merged = [...old.filter((x) => !results.some((n) => n.name === x.name)), ...results]
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`)
  log('写入 bench/results.json')
  b.close()
  rmSync(dir, { recursive: true, force: true })
})
