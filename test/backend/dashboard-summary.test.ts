// 工作台 figures on a real SQLite file: deleted talents and households (and their links) are
// left out, and the kept answer is dropped as soon as anything is written — by this
// backend or by another process on the same file (the command line).
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => (b = testBackend()))
afterEach(() => b.dispose())

const talent = (name: string, phone: string, grid_id: number | null, categories: string[]) =>
  b.call('talents:create', { name, phone, status: '在册', grid_id, categories })
const household = async (head_name: string, phone: string, links: number) => {
  const h = await b.call('households:create', { head_name, phone, building: '3栋', status: '正常' })
  for (let i = 0; i < links; i++)
    await b.call('household_links:create', { parentId: h.id, data: { head_name: `联系户${i}` } })
  return h
}
const bucket = (list: { name: string; count: number }[], name: string) =>
  list.find((x) => x.name === name)?.count

describe('dashboard:summary', () => {
  it('counts only live records; talents without a grid are 未分网格; a write shows at once', async () => {
    const east = (await b.call('grids:create', { name: '东区网格' })).id
    const west = (await b.call('grids:create', { name: '西区网格' })).id
    await talent('陈玉梅', '13908711205', east, ['法律服务', '医疗健康'])
    await talent('丁建华', '13908711206', east, ['法律服务'])
    await talent('王小芳', '13908711207', west, [])
    await talent('李四', '13908711208', null, ['医疗健康'])
    const gone = await talent('赵五', '13908711209', east, ['法律服务'])
    await b.call('talents:delete', { id: gone.id })
    await household('张桂兰', '13800004441', 2)
    const left = await household('刘大爷', '13800004442', 3)
    await b.call('households:delete', { id: left.id })

    const s = await b.call('dashboard:summary', {})
    expect(s.counts).toMatchObject({ talents: 4, households: 1, links: 2, grids: 2 })
    expect(bucket(s.talentsByCategory, '法律服务')).toBe(2)
    expect(bucket(s.talentsByCategory, '医疗健康')).toBe(2)
    // The named grids in their order, then the talents without one.
    expect(s.talentsByGrid).toEqual([
      { name: '东区网格', count: 2 },
      { name: '西区网格', count: 1 },
      { name: '未分网格', count: 1 },
    ])

    // The kept answer is not served after this backend writes.
    const north = (await b.call('grids:create', { name: '北区网格' })).id
    await talent('孙六', '13908711210', north, [])
    const before = await b.call('dashboard:summary', {})
    expect(bucket(before.talentsByGrid, '北区网格')).toBe(1)
    expect(before.counts.talents).toBe(5)
  })

  it('最近变动 links only records that still exist', async () => {
    const kept = await talent('陈玉梅', '13908711205', null, [])
    const gone = await talent('丁建华', '13908711206', null, [])
    await b.call('talent_services:create', {
      parentId: gone.id,
      data: { service_date: '2026-11-02', item: '义诊' },
    })
    await b.call('talents:delete', { id: gone.id })
    const { recent } = await b.call('dashboard:summary', {})
    const of = (id: number) => recent.filter((r) => r.row_id === id && r.register === 'talents')
    expect(of(kept.id).map((r) => r.live)).toEqual([true])
    // Its creation, its service record (linked to the talent) and its deletion: none linked.
    expect(of(gone.id).map((r) => [r.action, r.live])).toEqual([
      ['删除', false],
      ['新增', false],
      ['新增', false],
    ])
    await b.call('talents:restore', { id: gone.id })
    const back = (await b.call('dashboard:summary', {})).recent.filter((r) => r.row_id === gone.id)
    expect(back.every((r) => r.live)).toBe(true)
  })

  it('a write by another process on the same file shows on the next visit', async () => {
    await talent('陈玉梅', '13908711205', null, ['法律服务'])
    const first = await b.call('dashboard:summary', {})
    expect(first.counts.talents).toBe(1)
    expect(await b.call('dashboard:summary', {})).toEqual(first)
    const other = new Database(join(b.dataDir, 'lianjian.sqlite'))
    other.prepare("UPDATE talents SET deleted_at = '2026-12-01 10:00:00'").run()
    other.close()
    const after = await b.call('dashboard:summary', {})
    expect(after.counts.talents).toBe(0)
    expect(bucket(after.talentsByCategory, '法律服务')).toBe(0)
  })
})
