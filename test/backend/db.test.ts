import Database from 'better-sqlite3'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBackend } from '../../src-main/backend/app/boot'
import { openDatabase, pragmaReport } from '../../src-main/backend/db/connection'
import {
  LATEST_VERSION,
  MIGRATIONS,
  parseMigrations,
  type Migration,
} from '../../src-main/backend/db/migrations'
import { AppError } from '../../src-main/shared/result'
import { tempDir } from '../helpers/temp-backend'

const dirs: string[] = []
function dbFile(): string {
  const d = tempDir()
  dirs.push(d)
  return join(d, 'lianjian.sqlite')
}

function caught(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

afterEach(() => {
  dirs.length = 0
})

describe('migrations', () => {
  it('are numbered 1..N in order and bundled with their SQL', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    for (const m of MIGRATIONS) expect(m.sql).toMatch(/CREATE (TABLE|INDEX)|ALTER TABLE/i)
    expect(LATEST_VERSION).toBe(MIGRATIONS.length)
  })

  it('refuses gaps and bad names', () => {
    expect(() =>
      parseMigrations({ './migrations/001_a.sql': '', './migrations/003_c.sql': '' }),
    ).toThrow(/gaps/)
    expect(() => parseMigrations({ './migrations/init.sql': '' })).toThrow(/001_name/)
  })

  it('a fresh database gets every migration and the newest user_version', () => {
    const file = dbFile()
    const db = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['settings', 'grids', 'audit_log']))
    db.close()
  })

  it('sets WAL, synchronous=FULL and foreign keys, and reads them back', () => {
    const db = openDatabase(dbFile())
    expect(pragmaReport(db)).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: 1 })
    db.close()
  })

  it('applies later migrations to an older database, backing it up first', () => {
    const file = dbFile()
    const v1: Migration[] = [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER);' }]
    openDatabase(file, { migrations: v1 }).close()
    const backups: number[] = []
    const v2 = [...v1, { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER);' }]
    const db = openDatabase(file, {
      migrations: v2,
      beforeMigrate: (_db, from) => backups.push(from),
    })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(backups).toEqual([1])
    db.close()
  })

  it('refuses a database written by a newer version, without touching it', () => {
    const file = dbFile()
    const raw = new Database(file)
    raw.exec('CREATE TABLE future (x)')
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`)
    raw.close()
    const e = caught(() => openDatabase(file))
    expect(e.code).toBe('DB_TOO_NEW')
    expect(e.message).toContain('更新版本')
    const after = new Database(file)
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5)
    after.close()
  })

  it('a failing migration leaves the file exactly as it was (all pending steps roll back)', () => {
    const file = dbFile()
    const v1: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);' },
    ]
    openDatabase(file, { migrations: v1 }).close()
    const broken: Migration[] = [
      ...v1,
      { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);' },
      { version: 3, name: 'three', sql: 'CREATE TABLE c (z INTEGER); THIS IS NOT SQL;' },
    ]
    const e = caught(() => openDatabase(file, { migrations: broken }))
    expect(e.code).toBe('MIGRATION_FAILED')
    expect(e.message).toContain('第 3 步')
    expect(e.message).toContain('保持原样')
    const db = new Database(file)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
    ).map((r) => r.name)
    expect(names).toEqual(['a'])
    expect(db.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 1 })
    db.close()
  })

  it('a damaged file is reported in Chinese and never written to', () => {
    const file = dbFile()
    const junk = Buffer.from('这不是数据库文件'.repeat(400))
    writeFileSync(file, junk)
    const e = caught(() => openDatabase(file))
    expect(e.code).toBe('DB_DAMAGED')
    expect(e.message).toContain('备份恢复')
  })

  it('startBackend backs up an existing database (verified, via the backup API) before upgrading it', async () => {
    const dir = tempDir()
    startBackend(dir, 'test').close()
    const next: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER);' },
    ]
    const b = startBackend(dir, 'test', { migrations: next })
    await b.ready
    expect(b.ctx.safety.mode).toBe('normal')
    expect(b.ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1)
    b.close()
    const backups = readdirSync(join(dir, 'backups'))
    const copy = backups.find((f) => /^lianjian-\d{8}-\d{6}-upgrade\.sqlite$/.test(f))
    expect(copy).toBeDefined()
    const side = JSON.parse(readFileSync(join(dir, 'backups', `${copy ?? ''}.json`), 'utf8'))
    expect(side).toMatchObject({ kind: 'upgrade', schemaVersion: LATEST_VERSION })
    const db = new Database(join(dir, 'backups', copy ?? ''), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    db.close()
  })
})
