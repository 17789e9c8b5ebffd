// An import that fails because of its surroundings says so — not 「第 91 行无法导入：写入时出错」 —
// and an import that meets another writer waits for it instead of failing half-way.
import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { sheetFile } from '../../helpers/staged-file'

let b: TestBackend
afterEach(() => b.dispose())

function csv(rows: number, from = 0) {
  const lines = ['姓名,联系电话,备注']
  for (let i = 0; i < rows; i++)
    lines.push(`居民${from + i},139${String(10_000_000 + from + i)},${'备注'.repeat(100)}`)
  return sheetFile(b, 'a.csv', Buffer.from(lines.join('\n')))
}

const count = () => (b.ctx.db.prepare('SELECT count(*) AS n FROM talents').get() as { n: number }).n

describe('import and its surroundings', () => {
  it('a full disk is named as the cause, and nothing is imported', async () => {
    b = testBackend()
    const pages = b.ctx.db.pragma('page_count', { simple: true }) as number
    b.ctx.db.pragma(`max_page_count = ${pages + 20}`)
    const r = await b.raw('exchange:import', await csv(300))
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: expect.stringContaining('磁盘空间已满') },
    })
    if (!r.ok) expect(r.error.message).not.toMatch(/第 \d+ 行|写入时出错/)
    expect(count()).toBe(0)
    b.ctx.db.pragma('max_page_count = 1073741823')
  })

  it('waits for another writer (a second window or the CLI) instead of failing', async () => {
    b = testBackend()
    // Another process (the CLI, the other door) holds the write lock for a moment.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
         db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close() }, 600)`,
        b.ctx.paths.database,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise((r) => holder.stdout.once('data', r))
    // The lock is held when the import starts, so its success means it waited for the holder
    // (without busy_timeout it fails at once with SQLITE_BUSY); no clock needed to tell.
    const r = await b.raw('exchange:import', await csv(50))
    expect(r, JSON.stringify(r).slice(0, 300)).toMatchObject({ ok: true, data: { created: 50 } })
    expect(count()).toBe(50)
  })
})
