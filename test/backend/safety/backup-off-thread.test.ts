// A backup's check (integrity_check and record counts) runs in a worker thread: on a city
// database it took 7 s on the main thread, and the day's first screen waited behind the
// automatic backup taken when the app opens. The verdicts must be the same as in-thread.
import Database from 'better-sqlite3'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCopy, checkCopyOffThread } from '../../../src-main/backend/safety/backup.repo'
import { dailyBackupIfDue } from '../../../src-main/backend/safety/backups'
import { addTalent, damageFile } from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

/** A copy of the live data taken the way a backup takes it (SQLite's backup API). */
async function liveCopy(name: string): Promise<string> {
  const file = join(tempDir(), name)
  await b.ctx.db.backup(file)
  return file
}

describe('the backup check off the main thread', () => {
  it('gives the in-thread verdict and counts while the event loop keeps running', async () => {
    await addTalent(b, '李志红')
    await addTalent(b, '王建国', '13900000002')
    const file = await liveCopy('copy.sqlite')
    const twin = join(tempDir(), 'twin.sqlite')
    copyFileSync(file, twin)
    // A 1 ms timer only fires if the main thread is free while the check runs.
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const off = await checkCopyOffThread(file)
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(0)
    expect(off).toEqual(checkCopy(twin))
    expect(off.ok).toBe(true)
    expect(off.counts.find((c) => c.table === 'talents')?.count).toBe(2)
    // Made a single self-contained file, as the in-thread check does.
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    db.close()
  })

  it('reports damaged, foreign and non-database files as the in-thread check does', async () => {
    await addTalent(b, '李志红')
    const damaged = await liveCopy('damaged.sqlite')
    damageFile(damaged, 1, 2)
    const off = await checkCopyOffThread(damaged)
    expect(off.ok).toBe(false)
    expect(off.problems.length).toBeGreaterThan(0)
    expect(off.counts).toEqual([])

    const dir = tempDir()
    const foreign = join(dir, 'other.sqlite')
    const db = new Database(foreign)
    db.exec('CREATE TABLE x (a)')
    db.close()
    expect(await checkCopyOffThread(foreign)).toMatchObject({
      ok: false,
      problems: ['不是联建通的数据文件'],
    })
    writeFileSync(join(dir, 'text.sqlite'), '这不是数据库'.repeat(1000))
    expect(await checkCopyOffThread(join(dir, 'text.sqlite'))).toMatchObject({
      ok: false,
      problems: ['不是数据库文件'],
    })
    expect(await checkCopyOffThread(join(dir, 'missing.sqlite'))).toMatchObject({ ok: false })
  })

  it('the day’s automatic backup is complete and verified, with its counts', async () => {
    await addTalent(b, '李志红')
    const daily = await dailyBackupIfDue(b.ctx)
    expect(daily?.kind).toBe('daily')
    expect(daily?.counts?.find((c) => c.table === 'talents')?.count).toBe(1)
    expect(await b.call('safety:verify', { id: daily?.id ?? '' })).toMatchObject({ ok: true })
    const copy = new Database(join(daily?.folder ?? '', daily?.name ?? ''), { readonly: true })
    expect(copy.prepare('SELECT name FROM talents').all()).toEqual([{ name: '李志红' }])
    copy.close()
  })
})
