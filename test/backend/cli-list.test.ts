import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/cli'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend | undefined
afterEach(() => b?.dispose())

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('lianjian list', () => {
  it('lists a register with masked phones, searches by pinyin, and prints JSON', async () => {
    b = testBackend()
    await b.call('talents:create', {
      name: '李志红',
      phone: '13812345678',
      id_card: '11010519491231002X',
      status: '在册',
    })
    await b.call('talents:create', { name: '王建国', phone: '13987654321', status: '在册' })
    b.close()
    const all = await run(['list', 'talents', '--data-dir', b.dataDir])
    expect(all.code).toBe(0)
    expect(all.out).toContain('社区能人：共 2 条')
    expect(all.out).toContain('138****5678')
    expect(all.out).not.toContain('13812345678')
    const found = await run([
      'list',
      'talents',
      '--search',
      'lzh',
      '--json',
      '--data-dir',
      b.dataDir,
    ])
    const json = JSON.parse(found.out) as {
      total: number
      rows: { name: string; id_card: string }[]
    }
    expect(json.total).toBe(1)
    expect(json.rows[0]?.name).toBe('李志红')
    expect(json.rows[0]?.id_card).toBe('110105********002X')
    const exports = () => {
      const db = new Database(join(b?.dataDir ?? '', 'lianjian.sqlite'), { readonly: true })
      try {
        return db
          .prepare(`SELECT operator, after_json FROM audit_log WHERE action = 'export'`)
          .all() as { operator: string; after_json: string }[]
      } finally {
        db.close()
      }
    }
    // A masked list is not an export of personal data; an unmasked one is recorded.
    expect(exports()).toEqual([])
    const unmasked = await run(['list', 'talents', '--json', '--unmasked', '--data-dir', b.dataDir])
    expect(unmasked.out).toContain('11010519491231002X')
    const recorded = exports()
    expect(recorded).toHaveLength(1)
    expect(JSON.parse(recorded[0]?.after_json ?? '{}')).toMatchObject({ count: 2, masked: false })
    expect(recorded[0]?.operator).toBeTruthy()
  })

  it('audit:unmasked-view records what was shown, and refuses when no record can be kept', async () => {
    b = testBackend()
    expect(
      await b.call('audit:unmasked-view', { register: 'units', count: 3, search: '医院' }),
    ).toEqual({ recorded: true })
    const row = b.ctx.db
      .prepare(`SELECT table_name, action, after_json FROM audit_log WHERE action = 'export'`)
      .get() as { table_name: string; action: string; after_json: string }
    expect(row.table_name).toBe('units')
    expect(JSON.parse(row.after_json)).toMatchObject({ count: 3, masked: false, search: '医院' })
    // In read-only mode the entry could not be stored: nothing is shown instead.
    b.ctx.safety.mode = 'read-only'
    const refused = await b.raw('audit:unmasked-view', { register: 'talents', count: 1 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    if (!refused.ok) expect(refused.error.message).toContain('完整显示电话和身份证号')
  })

  it('refuses an unknown register with the list of valid ones', async () => {
    b = testBackend()
    b.close()
    const r = await run(['list', 'people', '--data-dir', b.dataDir])
    expect(r.code).toBe(1)
    expect(r.err).toContain('talents | units | committee | households')
  })
})
