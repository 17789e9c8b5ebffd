import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_VERSION } from '../../../src-main/backend/db/migrations'
import { uploadFromPath } from '../../../src-main/backend/safety/staging'
import { addTalent, damageFile } from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

const open: TestBackend[] = []
function backend(dir?: string): TestBackend {
  const b = testBackend(dir)
  open.push(b)
  return b
}
afterEach(() => {
  for (const b of open.splice(0)) b.dispose()
})

const names = async (b: TestBackend) =>
  (await b.call('talents:list', {} as never)).rows.map((r) => String(r.name)).sort()

describe('restore', () => {
  it('backs up the current data, swaps the file, reopens, and keeps working', async () => {
    const b = backend()
    await addTalent(b, '甲')
    const copy = await b.call('safety:backup', {})
    await addTalent(b, '乙', '13900000002')
    const r = await b.call('safety:restore', { id: copy.id })
    expect(r.before).toMatch(/-restore\.sqlite$/)
    expect(r.counts.find((c) => c.table === 'talents')?.count).toBe(1)
    expect(await names(b)).toEqual(['甲'])
    // The copy taken just before holds what was replaced, so the restore can be undone.
    const before = (await b.call('safety:list', {})).find((x) => x.kind === 'restore')
    expect(before?.counts?.find((c) => c.table === 'talents')?.count).toBe(2)
    // The reopened connection has the house pragmas and accepts writes.
    expect(b.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(b.ctx.db.pragma('foreign_keys', { simple: true })).toBe(1)
    await addTalent(b, '丙', '13900000003')
    expect(await names(b)).toEqual(['丙', '甲'])
    await b.call('safety:restore', { id: before?.id ?? '' })
    expect(await names(b)).toEqual(['乙', '甲'])
    expect(existsSync(`${b.ctx.paths.database}.restore`)).toBe(false)
  })

  it('refuses a backup from a newer version and a file that is not a database, changing nothing', async () => {
    const b = backend()
    await addTalent(b, '甲')
    const dir = tempDir()
    const newer = join(dir, 'newer.sqlite')
    const e = await b.call('safety:backup', {})
    copyFileSync(join(e.folder, e.name), newer)
    const db = new Database(newer)
    db.pragma(`user_version = ${LATEST_VERSION + 3}`)
    db.close()
    const r1 = await b.raw('safety:inspect', { uploadId: uploadFromPath(b.ctx, newer) })
    expect(r1).toMatchObject({
      ok: true,
      data: { ok: false, message: expect.stringContaining('更新版本') },
    })
    const r2 = await b.raw('safety:restore', { uploadId: uploadFromPath(b.ctx, newer) })
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'DB_TOO_NEW', message: expect.stringContaining('请先升级联建通') },
    })
    writeFileSync(join(dir, 'junk.sqlite'), 'PK这不是数据库'.repeat(500))
    const r3 = await b.raw('safety:restore', {
      uploadId: uploadFromPath(b.ctx, join(dir, 'junk.sqlite')),
    })
    expect(r3).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/不能用于恢复：不是数据库文件.*当前数据没有改动/) },
    })
    expect(await names(b)).toEqual(['甲'])
    // Nothing was backed up for a restore that never started.
    expect((await b.call('safety:list', {})).filter((x) => x.kind === 'restore')).toEqual([])
    rmSync(dir, { recursive: true })
  })

  it('refuses while another window has the same data open, changing nothing', async () => {
    const dir = tempDir()
    const b = backend(dir)
    await addTalent(b, '甲')
    const copy = await b.call('safety:backup', {})
    await addTalent(b, '乙', '13900000002')
    const other = testBackend(dir)
    const r = await b.raw('safety:restore', { id: copy.id })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'BUSY', message: expect.stringContaining('另一个联建通窗口') },
    })
    other.close()
    expect(await names(b)).toEqual(['乙', '甲'])
    expect(
      (await b.call('safety:restore', { id: copy.id })).counts.find((c) => c.table === 'talents')
        ?.count,
    ).toBe(1)
  })
})

describe('safe mode for a damaged database', () => {
  it('never writes to it, refuses register calls in Chinese, offers the newest good backup, restores', async () => {
    const dir = tempDir()
    const first = backend(dir)
    for (let i = 0; i < 30; i++)
      await addTalent(first, `居民${i}`, `139000000${String(i).padStart(2, '0')}`)
    const good = await first.call('safety:backup', {})
    first.close()
    const file = join(dir, 'lianjian.sqlite')
    damageFile(file)
    const damagedBytes = readFileSync(file)

    const b = backend(dir)
    expect(b.ctx.safety.mode).toBe('damaged')
    const status = await b.call('safety:status', {})
    expect(status.message).toMatch(/没有写入这个文件.*从最近的完好备份恢复/)
    expect(status.newestGoodBackup?.id).toBe(good.id)
    const refused = await b.raw('talents:list', {})
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DB_DAMAGED', message: expect.stringContaining('备份') },
    })
    expect((await b.raw('safety:backup', {})).ok).toBe(false)
    expect(readFileSync(file).equals(damagedBytes)).toBe(true)

    const r = await b.call('safety:restore', { id: good.id })
    expect(r.before).toMatch(/damaged-\d{8}-\d{6}-lianjian\.sqlite$/)
    expect(readFileSync(r.before ?? '').equals(damagedBytes)).toBe(true)
    expect(b.ctx.safety.mode).toBe('normal')
    expect(r.counts.find((c) => c.table === 'talents')?.count).toBe(30)
    expect((await b.call('app:info', {})).counts.find((c) => c.table === 'talents')?.count).toBe(30)
    expect(readdirSync(dir).some((f) => f.startsWith('damaged-'))).toBe(true)
  })

  it('an empty (zero-byte) database file with backups around is damaged, not a fresh start', async () => {
    const dir = tempDir()
    const first = backend(dir)
    await addTalent(first, '甲')
    await first.call('safety:backup', {})
    first.close()
    writeFileSync(join(dir, 'lianjian.sqlite'), '')
    const b = backend(dir)
    expect(b.ctx.safety.mode).toBe('damaged')
    expect(b.ctx.safety.message).toContain('数据文件是空的')
  })

  it('a zero-byte file left by a first start that was cut short just starts afresh', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'lianjian.sqlite'), '')
    const b = backend(dir)
    expect(b.ctx.safety.mode).toBe('normal')
  })

  it('refuses other calls while a restore runs', async () => {
    const b = backend()
    const copy = await b.call('safety:backup', {})
    const running = b.raw('safety:restore', { id: copy.id })
    // The restore's own backup is under way: a write now would be lost, so it is refused.
    await new Promise((r) => setImmediate(r))
    const during = await b.raw('talents:create', {
      name: '丁',
      phone: '13900000009',
      status: '在册',
    })
    expect(during).toMatchObject({
      ok: false,
      error: { code: 'BUSY', message: expect.stringContaining('正在恢复数据') },
    })
    expect((await running).ok).toBe(true)
  })
})
