// Deleting a 网格 people belong to: the usage per register, refusal without a destination,
// the move in one audited transaction, and no record left pointing at a grid that is gone.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src-main/backend/db/connection'
import { MIGRATIONS } from '../../src-main/backend/db/migrations'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let first: number
let second: number
beforeEach(async () => {
  b = testBackend()
  first = (await b.call('grids:create', { name: '第一网格' })).id
  second = (await b.call('grids:create', { name: '第二网格' })).id
})
afterEach(() => b.dispose())

async function people() {
  const t1 = await b.call('talents:create', {
    name: '陈玉梅',
    phone: '13908711205',
    status: '在册',
    grid_id: first,
  })
  await b.call('talents:create', {
    name: '丁建华',
    phone: '13908711206',
    status: '在册',
    grid_id: first,
  })
  const gone = await b.call('talents:create', {
    name: '万里',
    phone: '13908711207',
    status: '在册',
    grid_id: first,
  })
  await b.call('talents:delete', { id: gone.id })
  await b.call('households:create', {
    head_name: '严明',
    phone: '13908711208',
    building: '3栋',
    status: '正常',
    grid_id: first,
  })
  return { t1, gone }
}

describe('deleting a 网格', () => {
  it('an empty 网格 deletes after a plain confirmation', async () => {
    expect(await b.call('grids:usage', { id: first })).toMatchObject({ name: '第一网格', total: 0 })
    expect(await b.call('grids:delete', { id: first })).toEqual({ id: first, moved: 0 })
    expect((await b.call('grids:list', {})).map((g) => g.name)).toEqual(['第二网格'])
  })

  it('says how many records of each register are affected and refuses without a destination', async () => {
    await people()
    const usage = await b.call('grids:usage', { id: first })
    expect(usage.counts).toEqual([
      { register: 'talents', label: '社区能人', count: 2 },
      { register: 'households', label: '党员中心户', count: 1 },
      { register: 'committee', label: '兼职委员（联系网格）', count: 0 },
      { register: 'reported_members', label: '在职党员（居住网格）', count: 0 },
    ])
    expect(usage.total).toBe(3)
    expect(usage.trash).toBe(1)
    const refused = await b.raw('grids:delete', { id: first })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '「第一网格」里还有社区能人 2 人、党员中心户 1 户。请选择把他们移到哪个网格，再删除',
      },
    })
    expect((await b.call('grids:list', {})).length).toBe(2)
    const self = await b.raw('grids:delete', { id: first, moveTo: first })
    expect(self).toMatchObject({ ok: false, error: { message: '不能移到要删除的网格本身' } })
  })

  it('moves everyone (回收站 included) to the chosen 网格 in one step, audited on each record', async () => {
    const { t1, gone } = await people()
    const r = await b.call('grids:delete', { id: first, moveTo: second })
    expect(r).toEqual({ id: first, moved: 4 })
    const talents = (await b.call('talents:list', {})).rows
    expect(talents.map((t) => t.grid_name)).toEqual(['第二网格', '第二网格'])
    expect((await b.call('talents:get', { id: gone.id })).grid_id).toBe(second)
    expect((await b.call('households:list', {})).rows[0]?.grid_name).toBe('第二网格')
    const history = await b.call('talents:history', { id: t1.id })
    expect(history.find((h) => h.action === '修改')?.changes).toEqual([
      { field: 'grid_id', label: '所属网格', before: '第一网格', after: '第二网格' },
    ])
    // The filter and the dashboard see them in 第二网格; nobody is 未分网格.
    const filtered = await b.call('talents:list', { filters: { grid_id: second } })
    expect(filtered.total).toBe(2)
    const dash = await b.call('dashboard:summary', {})
    expect(JSON.stringify(dash)).not.toContain('未分网格')
  })

  it('a destination that is gone is refused and nothing moves', async () => {
    await people()
    await b.call('grids:delete', { id: second })
    const r = await b.raw('grids:delete', { id: first, moveTo: second })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await b.call('talents:list', { filters: { grid_id: first } })).total).toBe(2)
  })

  it('the upgrade clears records left pointing at a 网格 deleted before moves existed', () => {
    const file = join(b.dataDir, 'old.sqlite')
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 6) })
    const stamp = '2026-01-01 00:00:00'
    old
      .prepare(
        `INSERT INTO grids (id, name, created_at, updated_at, deleted_at) VALUES (6, '旧网格', ?, ?, ?)`,
      )
      .run(stamp, stamp, stamp)
    old
      .prepare(
        `INSERT INTO talents (name, phone, status, grid_id, created_at, updated_at)
           VALUES ('陈玉梅', '13908711205', '在册', 6, ?, ?)`,
      )
      .run(stamp, stamp)
    old.close()
    const db = openDatabase(file)
    expect(db.prepare('SELECT grid_id FROM talents').get()).toEqual({ grid_id: null })
    db.close()
  })
})
