// `npm run bench -- --ui` (and part of every bench run): the screens on the demo community
// (`lianjian demo`), each interaction against the bare page in the same run.
// Writes bench/ui-results.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'vitest'
import { startBackend } from '../src-main/backend/app/boot'
import { fillDemo } from '../src-main/backend/demo/demo'
import { setQuietLog } from '../src-main/backend/log'
import { tempDir } from '../test/helpers/temp-backend'
import { table } from './measure'
import { runUi } from './ui/ui-run'

const log = (line: string) => process.stdout.write(`${line}\n`)

it('UI on the demo community', { timeout: 60 * 60_000 }, async () => {
  setQuietLog(true)
  const dir = tempDir('lianjian-bench-ui-')
  const b = startBackend(dir, 'cli')
  await b.ready
  fillDemo(b.ctx)
  b.close()
  log(`\n联建通界面测量（演示社区）in ${dir}`)
  const results = await runUi(dir, 'demo_', log)
  log(`\n${table(results)}\n`)
  mkdirSync('bench', { recursive: true })
  writeFileSync(join('bench', 'ui-results.json'), `${JSON.stringify(results, null, 2)}\n`)
  log('写入 bench/ui-results.json')
  rmSync(dir, { recursive: true, force: true })
})
