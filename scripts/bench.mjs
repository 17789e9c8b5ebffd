// `npm run bench [-- --quick] [-- --ui | --ui-city | --responders]`: builds the app if needed
// (the UI timing uses the browser door), then runs the city-scale benchmark (bench/city.run.ts)
// and the screens on the demo community (bench/ui.run.ts) under vitest for the TS backend.
// `--ui` runs only the latter; `--ui-city` only the screens on the city dataset
// (bench/ui-city.run.ts, kept between runs in LIANJIAN_BENCH_CITY_DIR if set); `--responders`
// only the responder suggestions (bench/responders.run.ts).
import { spawnSync } from 'node:child_process'
import { ensureBuilt } from './build-state.mjs'

const quick = process.argv.includes('--quick')
const uiOnly = process.argv.includes('--ui')
const uiCity = process.argv.includes('--ui-city')
const respondersOnly = process.argv.includes('--responders')
// `--district`: only 街道 mode at district scale (bench/district.run.ts).
const districtOnly = process.argv.includes('--district')
if (!ensureBuilt()) process.exit(1)
const files = uiCity
  ? ['bench/ui-city.run.ts']
  : uiOnly
    ? ['bench/ui.run.ts']
    : respondersOnly
      ? ['bench/responders.run.ts']
      : districtOnly
        ? ['bench/district.run.ts']
        : []
const r = spawnSync('npx', ['vitest', 'run', '--project', 'bench', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    LIANJIAN_BENCH: '1',
    LIANJIAN_BENCH_QUICK: quick ? '1' : '0',
    LIANJIAN_BENCH_UI_CITY: uiCity ? '1' : '0',
    ...(respondersOnly ? { LIANJIAN_BENCH_ONLY: 'responders' } : {}),
  },
})
process.exit(r.status ?? 1)
