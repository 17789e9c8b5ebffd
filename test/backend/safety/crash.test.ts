// npm test runs 50 rounds; `npm run crash-test -- --rounds 500` runs more (CRASH_ROUNDS).
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildChild, runCrashTest } from '../../crash/crash-runner'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50)
let child = ''

beforeAll(async () => {
  child = await buildChild()
}, 60_000)

describe('crash safety', () => {
  it(
    `SIGKILL at random moments, ${ROUNDS} rounds: integrity_check ok and every reported commit present`,
    async () => {
      expect(existsSync(child)).toBe(true)
      const report = await runCrashTest(child, ROUNDS, (l) => console.log(`[crash] ${l}`))
      console.log(
        `[crash] ${report.rounds} rounds, ${report.commits} commits verified, ` +
          `${report.killedBeforeReady} killed during start-up, ${(report.ms / 1000).toFixed(1)} s`,
      )
      expect(report.failures).toEqual([])
      // A test that never commits proves nothing.
      expect(report.commits).toBeGreaterThan(ROUNDS * 2)
    },
    Math.max(120_000, ROUNDS * 2_000),
  )
})
