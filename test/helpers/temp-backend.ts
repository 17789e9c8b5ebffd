// A real backend on a real SQLite file in a fresh temp folder, for tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBackend, type Backend } from '../../src-main/backend/app/boot'
import { setQuietLog } from '../../src-main/backend/log'
import { contract, type Channel, type Input, type Output } from '../../src-main/shared/contract'
import type { Result } from '../../src-main/shared/result'

const made = new Set<string>()

/** A fresh temp folder, removed after the test file by test/setup/clean-temp.ts. */
export function tempDir(prefix = 'lianjian-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.add(dir)
  return dir
}

/** Removes every folder tempDir() made in this test file (even when a test failed midway). */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
  made.clear()
}

export interface TestBackend extends Backend {
  dataDir: string
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  raw(channel: unknown, input: unknown): Promise<Result<unknown>>
  dispose(): void
}

export function testBackend(dataDir = tempDir()): TestBackend {
  setQuietLog(true)
  const b = startBackend(dataDir, 'test')
  return {
    ...b,
    dataDir,
    raw: b.invoke,
    async call(channel, input) {
      const r = await b.invoke(channel, input)
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
      // Every answer must match the contract's output schema.
      const checked = contract[channel].output.safeParse(r.data)
      if (!checked.success)
        throw new Error(`${channel} output breaks the contract: ${checked.error.message}`)
      return r.data as never
    },
    dispose() {
      b.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** 社区信息 of the fictional 锦华社区 most tests use (extra fields such as operator_name added). */
export function saveJinhua(b: TestBackend, extra: Record<string, string> = {}) {
  return b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
    ...extra,
  })
}
