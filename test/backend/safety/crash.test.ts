// npm test runs 50 rounds; `npm run crash-test -- --rounds 500` runs more (CRASH_ROUNDS), and
// `--seed N` (CRASH_SEED) repeats the kill plan of a failed run, whose seed the failure prints.
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildChild,
  crashSeed,
  killPlan,
  runCrashTest,
  seededRandom,
} from '../../crash/crash-runner'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50)
const SEED = crashSeed()
let child = ''

beforeAll(async () => {
  child = await buildChild()
}, 60_000)

describe('crash safety', () => {
  it('the kill plan is a function of the seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed))
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true)
    const plans = Array.from({ length: 200 }, () => killPlan(seededRandom(9)))
    expect(new Set(plans.map((p) => JSON.stringify(p))).size).toBe(1)
    const mixed = ((r) => Array.from({ length: 200 }, () => killPlan(r)))(seededRandom(9))
    expect(mixed.some((p) => p.during === 'start-up')).toBe(true)
    expect(mixed.some((p) => p.during === 'writes')).toBe(true)
    expect(() => crashSeed('abc')).toThrow(/CRASH_SEED/)
  })

  it(
    // The seed is in the title, so a failure names it even when the round times out.
    `SIGKILL at random moments, ${ROUNDS} rounds, seed ${SEED}: integrity_check ok and every ` +
      'reported commit present',
    async () => {
      expect(existsSync(child)).toBe(true)
      // Progress lines only for a long run asked for by hand (npm run crash-test).
      const progress = process.env.CRASH_ROUNDS
        ? (l: string) => console.log(`[crash] ${l}`)
        : undefined
      const report = await runCrashTest(child, ROUNDS, SEED, progress)
      // Shown only when an assertion fails: a passing run stays quiet in npm test.
      const again =
        `${report.commits} commits verified, ${report.killedBeforeReady} killed during ` +
        `start-up; repeat with: npm run crash-test -- --rounds ${ROUNDS} --seed ${SEED}`
      expect(report.failures, again).toEqual([])
      // A test that never commits proves nothing.
      expect(report.commits, again).toBeGreaterThan(ROUNDS * 2)
      // 街道 imports ran between the register writes and were checked whole after each kill.
      expect(report.submissions, again).toBeGreaterThan(ROUNDS / 2)
    },
    Math.max(120_000, ROUNDS * 2_000),
  )
})
