// 彻底删除 leaves nothing of the person in the database: not in the audit log (their create,
// update, delete and purge entries and those of their child rows), not in free pages, not in
// the -wal. Checked by searching the raw bytes of the files, as someone with the file would.
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
afterEach(() => b.dispose())

const ID = '11010519491231002X'
const PHONE = '13812345678'
const OLD_PHONE = '13987654321'
const NAME = '欧阳淑芬'
const SERVICE = '为独居老人欧阳淑芬送餐'

function rawBytes(file: string): Buffer {
  return existsSync(file) ? readFileSync(file) : Buffer.alloc(0)
}

function traces(dbFile: string): string[] {
  const found: string[] = []
  for (const file of [dbFile, `${dbFile}-wal`]) {
    const raw = rawBytes(file)
    for (const v of [ID, PHONE, OLD_PHONE, NAME, SERVICE])
      for (const enc of ['utf8', 'utf16le'] as const)
        if (raw.includes(Buffer.from(v, enc))) found.push(`${file.slice(-4)} ${v} (${enc})`)
  }
  return found
}

describe('彻底删除', () => {
  it('blanks the person in every audit row and leaves no byte of them in the file or the wal', async () => {
    b = testBackend()
    const keep = await b.call('talents:create', {
      name: '张三',
      phone: '13700000000',
      status: '在册',
    } as never)
    const t = await b.call('talents:create', {
      name: NAME,
      id_card: ID,
      phone: OLD_PHONE,
      status: '在册',
    } as never)
    await b.call('talents:update', {
      id: t.id,
      data: { name: NAME, id_card: ID, phone: PHONE, status: '在册' } as never,
    })
    await b.call('talent_services:create', {
      parentId: t.id,
      data: { service_date: '2026-11-01', item: SERVICE } as never,
    })
    await b.call('talents:delete', { id: t.id } as never)
    const db = b.ctx.paths.database
    // Before the purge the person is in the audit log (this is what the test guards against).
    b.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(traces(db).length).toBeGreaterThan(0)

    await b.call('talents:purge', { id: t.id })
    const rows = b.ctx.db
      .prepare(
        `SELECT action, operator, at, before_json, after_json FROM audit_log
         WHERE (table_name = 'talents' AND row_id = ?) OR (parent_table = 'talents' AND parent_id = ?)
         ORDER BY id`,
      )
      .all(t.id, t.id) as Record<string, string | null>[]
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'create', 'delete', 'purge'])
    for (const r of rows) {
      expect(r).toMatchObject({ before_json: null, after_json: null })
      expect(r.operator).toBeTruthy()
      expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}/)
    }
    // Others keep their history.
    expect((await b.call('talents:history', { id: keep.id })).length).toBeGreaterThan(0)

    expect(traces(db)).toEqual([])
    // Still so after the connection closes (its last checkpoint) — and the -wal is gone or clean.
    b.close()
    expect(traces(db)).toEqual([])
    b = testBackend(b.dataDir)
  })
})
