// safety:status in safe mode names the newest good backup. Each backup's integrity verdict is
// kept while the file's size and modification time stay the same, so asking again does not run
// integrity_check on every backup; a file that changed is checked again.
import { statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addTalent, damageFile } from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

const open: TestBackend[] = []
afterEach(() => {
  for (const b of open.splice(0)) b.dispose()
})

describe('safety:status backup verdicts', () => {
  it('a second call does not re-check an unchanged backup; a changed one is re-checked', async () => {
    const dir = tempDir()
    const first = testBackend(dir)
    for (let i = 0; i < 60; i++)
      await addTalent(first, `居民${i}`, `139000001${String(i).padStart(2, '0')}`)
    const good = await first.call('safety:backup', {})
    first.close()
    damageFile(join(dir, 'lianjian.sqlite'))

    // A whole-second mtime, so that setting it back below restores it exactly.
    const file = join(good.folder, good.name)
    const stamp = new Date('2026-11-20T09:00:00Z')
    utimesSync(file, stamp, stamp)
    const b = testBackend(dir)
    open.push(b)
    expect(b.ctx.safety.mode).toBe('damaged')
    expect((await b.call('safety:status', {})).newestGoodBackup?.id).toBe(good.id)

    // Damage the backup behind the app's back but keep its size and mtime: the verdict is the
    // cached one, which shows integrity_check did not run again.
    const { size } = statSync(file)
    damageFile(file)
    utimesSync(file, stamp, stamp)
    expect(statSync(file).size).toBe(size)
    expect(statSync(file).mtimeMs).toBe(stamp.getTime())
    expect((await b.call('safety:status', {})).newestGoodBackup?.id).toBe(good.id)

    // A new modification time: checked again, found damaged, no longer offered.
    utimesSync(file, stamp, new Date(stamp.getTime() + 2000))
    expect((await b.call('safety:status', {})).newestGoodBackup).toBeNull()
    // And the (damaged) verdict is itself kept for the next call.
    expect((await b.call('safety:status', {})).newestGoodBackup).toBeNull()
  })
})
