// `npm run bench [-- --quick]`: builds the app if needed (the UI timing uses the browser door),
// then runs the city-scale benchmark (bench/city.run.ts) under vitest for the TS backend.
import { spawnSync } from 'node:child_process'
import { ensureBuilt } from './build-state.mjs'

const quick = process.argv.includes('--quick')
if (!ensureBuilt()) process.exit(1)
const r = spawnSync('npx', ['vitest', 'run', '--project', 'bench'], {
  stdio: 'inherit',
  env: { ...process.env, LIANJIAN_BENCH: '1', LIANJIAN_BENCH_QUICK: quick ? '1' : '0' },
})
process.exit(r.status ?? 1)
