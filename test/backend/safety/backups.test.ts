import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  KEEP,
  parseBackupName,
  rotationVictims,
} from '../../../src-main/backend/safety/backup-files'
import { checkCopy } from '../../../src-main/backend/safety/backup.repo'
import { dailyBackupIfDue, rotate } from '../../../src-main/backend/safety/backups'
import type { BackupKind } from '../../../src-main/shared/schemas/safety.schema'
import { addTalent, damageFile, makeReadOnly } from '../../helpers/safety-helpers'
import { tempDir, testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

describe('backups', () => {
  it('立即备份 writes a verified, self-contained copy with versions and record counts', async () => {
    await addTalent(b, '李志红')
    const e = await b.call('safety:backup', {})
    expect(e.kind).toBe('manual')
    expect(e.name).toMatch(/^lianjian-\d{8}-\d{6}-manual\.sqlite$/)
    expect(e.counts?.find((c) => c.table === 'talents')?.count).toBe(1)
    expect(e.schemaVersion).toBeGreaterThan(0)
    const file = join(e.folder, e.name)
    // A single file (no -wal beside it), in rollback mode, passing integrity_check.
    expect(readdirSync(e.folder).sort()).toEqual([e.name, `${e.name}.json`])
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT name FROM talents').all()).toEqual([{ name: '李志红' }])
    copy.close()
    expect(await b.call('safety:verify', { id: e.id })).toMatchObject({ ok: true })
  })

  it('lists, verifies and deletes; a damaged backup fails verification', async () => {
    const one = await b.call('safety:backup', {})
    const two = await b.call('safety:backup', {})
    expect((await b.call('safety:list', {})).map((x) => x.id).sort()).toEqual(
      [one.id, two.id].sort(),
    )
    damageFile(join(two.folder, two.name), 1, 2)
    const v = await b.call('safety:verify', { id: two.id })
    expect(v.ok).toBe(false)
    expect(v.message).toMatch(/校验未通过.*不能用于恢复/)
    await b.call('safety:delete', { id: two.id })
    expect((await b.call('safety:list', {})).map((x) => x.id)).toEqual([one.id])
    expect(existsSync(join(two.folder, `${two.name}.json`))).toBe(false)
    const gone = await b.raw('safety:verify', { id: two.id })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('refuses ids that try to leave the backup folders', async () => {
    for (const id of [
      'default/../lianjian.sqlite',
      '../x.sqlite',
      'default/x.sqlite',
      'elsewhere/lianjian-1.sqlite',
    ]) {
      const r = await b.raw('safety:delete', { id })
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('takes the automatic copy once a day', async () => {
    const first = await dailyBackupIfDue(b.ctx)
    expect(first?.kind).toBe('daily')
    expect(await dailyBackupIfDue(b.ctx)).toBeNull()
    const tomorrow = new Date(Date.now() + 86_400_000)
    expect((await dailyBackupIfDue(b.ctx, tomorrow))?.kind).toBe('daily')
  })

  it('checkCopy reports a file that is not ours or not a database', () => {
    const dir = tempDir()
    const foreign = join(dir, 'other.sqlite')
    const db = new Database(foreign)
    db.exec('CREATE TABLE x (a)')
    db.close()
    expect(checkCopy(foreign)).toMatchObject({ ok: false, problems: ['不是联建通的数据文件'] })
    writeFileSync(join(dir, 'text.sqlite'), '这不是数据库'.repeat(1000))
    expect(checkCopy(join(dir, 'text.sqlite'))).toMatchObject({
      ok: false,
      problems: ['不是数据库文件'],
    })
    rmSync(dir, { recursive: true })
  })
})

describe('rotation', () => {
  const day = 86_400_000
  const now = new Date('2026-11-24T12:00:00')
  const entry = (daysAgo: number, kind: BackupKind = 'daily') => ({
    name: `b-${daysAgo}-${kind}`,
    kind,
    createdAt: new Date(now.getTime() - daysAgo * day),
  })

  it('keeps 7 daily, 4 weekly and 12 monthly automatic copies, and every manual one', () => {
    const entries = [...Array.from({ length: 500 }, (_, i) => entry(i + 2)), entry(300, 'manual')]
    const victims = new Set(rotationVictims(entries, now))
    const kept = entries.filter((e) => !victims.has(e.name))
    expect(kept.filter((e) => e.kind === 'manual')).toHaveLength(1)
    const auto = kept.filter((e) => e.kind !== 'manual')
    // The 7 newest days are all kept.
    for (let d = 2; d < 2 + KEEP.daily; d++) expect(victims.has(`b-${d}-daily`)).toBe(false)
    // One copy per month for 12 months, nothing older.
    const months = new Set(auto.map((e) => e.createdAt.toISOString().slice(0, 7)))
    expect(months.size).toBe(12)
    const oldest = Math.max(...auto.map((e) => (now.getTime() - e.createdAt.getTime()) / day))
    expect(oldest).toBeLessThan(366)
    expect(auto.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly)
    expect(auto.length).toBeGreaterThanOrEqual(KEEP.monthly + KEEP.daily - 2)
  })

  it('never rotates away a copy under a day old (the one taken before an import)', () => {
    const fresh = [
      { name: 'import', kind: 'import' as const, createdAt: new Date(now.getTime() - 3600_000) },
      { name: 'daily', kind: 'daily' as const, createdAt: new Date(now.getTime() - 60_000) },
    ]
    expect(rotationVictims(fresh, now)).toEqual([])
  })

  it('rotate() deletes the files and their sidecars, and reads the names', async () => {
    const dir = tempDir()
    for (let i = 0; i < 40; i++) {
      const d = new Date(now.getTime() - (i + 2) * day)
      const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
      writeFileSync(join(dir, `lianjian-${stamp}-090000-daily.sqlite`), 'x')
      writeFileSync(join(dir, `lianjian-${stamp}-090000-daily.sqlite.json`), '{}')
    }
    writeFileSync(join(dir, 'lianjian-20200101-090000-manual.sqlite'), 'x')
    const victims = rotate(dir, now)
    expect(victims.length).toBeGreaterThan(20)
    const left = readdirSync(dir).filter((f) => f.endsWith('.sqlite'))
    expect(left).toContain('lianjian-20200101-090000-manual.sqlite')
    expect(left.length).toBe(41 - victims.length)
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).length).toBe(40 - victims.length)
    expect(parseBackupName('lianjian-20261124-193212-before-upgrade-v3.sqlite')?.kind).toBe(
      'upgrade',
    )
    rmSync(dir, { recursive: true })
  })
})

describe('backup folder', () => {
  it('can be moved to another folder, is validated, and falls back when it disappears', async () => {
    const usb = join(tempDir(), '备份 U盘')
    const r = await b.raw('safety:set-folder', { path: 'relative/dir' })
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('完整的文件夹路径') },
    })
    // Nowhere inside the data folder: .staging is cleaned, templates replaced by packages.
    for (const inside of ['.staging', 'templates', '文档/备份', '.'])
      expect(await b.raw('safety:set-folder', { path: join(b.dataDir, inside) })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/不能放在数据文件夹|不能就是数据文件夹本身/) },
      })
    expect(await b.call('safety:set-folder', { path: join(b.dataDir, 'backups') })).toMatchObject({
      configured: null,
    })
    const set = await b.call('safety:set-folder', { path: usb })
    expect(set).toMatchObject({ path: usb, configured: usb, fallback: false })
    const e = await b.call('safety:backup', {})
    expect(e.folder).toBe(usb)
    expect(e.id).toMatch(/^configured\//)
    expect(JSON.parse(readFileSync(join(b.dataDir, 'config.json'), 'utf8'))).toEqual({
      backupDir: usb,
    })

    // The USB stick is pulled: backups go to the default folder and the user is told.
    rmSync(usb, { recursive: true })
    const status = await b.call('safety:status', {})
    expect(status.folder).toMatchObject({ fallback: true, path: join(b.dataDir, 'backups') })
    expect(status.warnings.join()).toContain('U 盘或移动硬盘可能已拔出')
    const fallback = await b.call('safety:backup', {})
    expect(fallback.folder).toBe(join(b.dataDir, 'backups'))

    // Plugged back in: used again, and both folders' copies are listed.
    mkdirSync(usb)
    writeFileSync(join(usb, e.name), readFileSync(join(join(b.dataDir, 'backups'), fallback.name)))
    expect((await b.call('safety:status', {})).folder.fallback).toBe(false)
    const ids = (await b.call('safety:list', {})).map((x) => x.id)
    expect(ids).toEqual(
      expect.arrayContaining([`configured/${e.name}`, `default/${fallback.name}`]),
    )

    await b.call('safety:set-folder', { path: null })
    expect(existsSync(join(b.dataDir, 'config.json'))).toBe(true)
    expect((await b.call('safety:status', {})).folder.configured).toBeNull()
  })

  it('a folder that cannot be written is refused with a clear message', async () => {
    const dir = join(tempDir(), 'ro')
    mkdirSync(dir)
    const undo = makeReadOnly(dir)
    if (!undo) return
    try {
      const r = await b.raw('safety:set-folder', { path: dir })
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringMatching(/不能使用：(所在磁盘是只读的|没有写入权限)/),
        },
      })
    } finally {
      undo()
    }
  })
})
