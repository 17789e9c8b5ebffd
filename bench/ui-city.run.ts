// `npm run bench -- --ui-city`: the screens on the city dataset only, without the backend
// jobs of the full run. LIANJIAN_BENCH_CITY_DIR keeps the built city folder between runs
// (building it takes minutes); without it the folder is a fresh temp one, removed at the end.
// Writes bench/ui-city-results.json.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'vitest'
import { startBackend } from '../src-main/backend/app/boot'
import { dataPaths } from '../src-main/backend/app/data-dir'
import { setQuietLog } from '../src-main/backend/log'
import { tempDir } from '../test/helpers/temp-backend'
import { buildCity, CITY, scaled } from './city-data'
import { table } from './measure'
import { runUi } from './ui/ui-run'

const log = (line: string) => process.stdout.write(`${line}\n`)
const QUICK = process.env['LIANJIAN_BENCH_QUICK'] === '1'
const kept = process.env['LIANJIAN_BENCH_CITY_DIR']

it.runIf(process.env['LIANJIAN_BENCH_UI_CITY'] === '1')(
  'UI on the city dataset',
  { timeout: 3 * 60 * 60_000 },
  async () => {
    setQuietLog(true)
    const dir = kept ?? tempDir('lianjian-bench-ui-city-')
    if (!existsSync(dataPaths(dir).database)) {
      mkdirSync(dir, { recursive: true })
      const b = startBackend(dir, 'cli')
      await b.ready
      const t0 = Date.now()
      buildCity(b.ctx, QUICK ? scaled(CITY, 10) : CITY, log)
      b.close()
      log(`  数据集共用时 ${((Date.now() - t0) / 1000).toFixed(0)} s`)
    }
    log(`\n联建通界面测量（城市规模）in ${dir}`)
    const results = await runUi(dir, 'city_', log)
    log(`\n${table(results)}\n`)
    writeFileSync(join('bench', 'ui-city-results.json'), `${JSON.stringify(results, null, 2)}\n`)
    log('写入 bench/ui-city-results.json')
    if (!kept) rmSync(dir, { recursive: true, force: true })
  },
)
