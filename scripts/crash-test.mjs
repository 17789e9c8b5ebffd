// `npm run crash-test -- --rounds 500 [--seed N]`: the SIGKILL crash test with as many rounds as
// asked (npm test runs 50); `--seed` repeats the kill plan of a run whose failure printed it.
// Same child, same checks: test/backend/safety/crash.test.ts.
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '500' }, seed: { type: 'string' } },
})
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds 应为正整数（现为 ${values.rounds}）`)
  process.exit(2)
}
const r = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'backend', 'test/backend/safety/crash.test.ts'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CRASH_ROUNDS: String(rounds),
      ...(values.seed === undefined ? {} : { CRASH_SEED: values.seed }),
    },
  },
)
process.exit(r.status ?? 1)
