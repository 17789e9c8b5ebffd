// Failures of the surroundings, made for real, named by their cause through every path that
// meets them: another writer holding the database (BUSY), a read-only database and a full disk
// during an import commit, and a full or read-only folder under a file write.
import Database from 'better-sqlite3'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { environmentCause, errorCode } from '../../src-main/backend/errors'
import { fileError, writeAtomic } from '../../src-main/backend/files/atomic-write'
import { makeReadOnly, requireMount, smallDisk } from '../helpers/safety-helpers'
import { sheetFile } from '../helpers/staged-file'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

function backend(): TestBackend {
  const b = testBackend()
  cleanups.push(() => b.dispose())
  return b
}

/** A second connection (another window, the CLI) that holds the write lock until released. */
function holdWriteLock(b: TestBackend): () => void {
  const other = new Database(b.ctx.paths.database)
  other.exec('BEGIN IMMEDIATE')
  // The app waits busy_timeout (5 s) for a writer; a short wait keeps the test quick.
  b.ctx.db.pragma('busy_timeout = 50')
  const release = () => {
    if (other.open) {
      other.exec('ROLLBACK')
      other.close()
    }
  }
  cleanups.push(release)
  return release
}

function thrown(fn: () => void): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  throw new Error('expected the write to fail')
}

const sheet = (b: TestBackend, rows: number) =>
  sheetFile(
    b,
    'a.csv',
    Buffer.from(
      [
        '姓名,联系电话',
        ...Array.from({ length: rows }, (_, i) => `居民${i},139${10_000_000 + i}`),
      ].join('\n'),
    ),
  )
const talents = (b: TestBackend) =>
  (b.ctx.db.prepare('SELECT count(*) AS n FROM talents').get() as { n: number }).n

describe('BUSY', () => {
  it('a save while another connection holds the write lock answers BUSY in Chinese', async () => {
    const b = backend()
    const release = holdWriteLock(b)
    const r = await b.raw('talents:create', {
      name: '李志红',
      phone: '13812345678',
      status: '在册',
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'BUSY',
        message: expect.stringContaining('另一个联建通窗口（或命令行）正在写入'),
      },
    })
    release()
    b.ctx.db.pragma('busy_timeout = 5000')
    expect(
      await b.raw('talents:create', { name: '李志红', phone: '13812345678', status: '在册' }),
    ).toMatchObject({ ok: true })
  })

  it('an import commit that cannot get the lock says so, and imports nothing', async () => {
    const b = backend()
    const file = await sheet(b, 20)
    holdWriteLock(b)
    const r = await b.raw('exchange:import', file)
    expect(r).toMatchObject({ ok: false, error: { code: 'BUSY' } })
    if (!r.ok) {
      expect(r.error.message).toMatch(/^导入没有完成：数据库正忙/)
      expect(r.error.message).not.toMatch(/第 \d+ 行|写入时出错/)
    }
    expect(talents(b)).toBe(0)
  })
})

describe('an import commit on a read-only database', () => {
  it('answers READ_ONLY, not a row error, and imports nothing', async () => {
    const b = backend()
    const file = await sheet(b, 20)
    // SQLite itself refuses every write (SQLITE_READONLY), as on a file that became read-only.
    b.ctx.db.pragma('query_only = ON')
    const r = await b.raw('exchange:import', file)
    b.ctx.db.pragma('query_only = OFF')
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining('数据文件当前只读') },
    })
    if (!r.ok) expect(r.error.message).not.toMatch(/第 \d+ 行|写入时出错/)
    expect(talents(b)).toBe(0)
  })
})

describe('file writes', () => {
  it('a full disk is DISK_FULL, a read-only folder is refused with what to do', async (t) => {
    const dir = tempDir()
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const full = join(dir, 'full')
    const undoDisk = smallDisk(full, '64k')
    if (!requireMount(t, undoDisk)) return
    cleanups.push(undoDisk)
    let caught = thrown(() => writeAtomic(join(full, '花名册.xlsx'), Buffer.alloc(256 * 1024, 1)))
    expect(errorCode(caught)).toBe('ENOSPC')
    expect(environmentCause(caught)).toBe('DISK_FULL')
    expect(fileError(caught, full).toInfo()).toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('磁盘空间已满'),
    })

    const ro = join(dir, 'ro')
    mkdirSync(ro)
    const undoRo = makeReadOnly(ro)
    if (!requireMount(t, undoRo)) return
    cleanups.push(undoRo)
    caught = thrown(() => writeAtomic(join(ro, '花名册.xlsx'), Buffer.from('x')))
    expect(errorCode(caught)).toBe('EROFS')
    expect(environmentCause(caught)).toBe('READ_ONLY')
    expect(fileError(caught, ro).toInfo()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('请换一个文件夹'),
    })
  })
})
