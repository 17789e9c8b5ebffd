// The 共建单位 pick list (units:options, the attendee picker) reads pinyin keys stored with each
// unit instead of reading every name into pinyin on the first open (10k units: 0.5–0.9 s).
// The keys must follow every write: add, rename, delete, restore, and an upgrade's back-fill.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src-main/backend/db/connection'
import { MIGRATIONS } from '../../src-main/backend/db/migrations'
import { pinyinKeys } from '../../src-main/backend/search/search-tokens'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const unitData = (name: string) => ({
  name,
  liaison: '王敏',
  liaison_phone: '13800002222',
  status: '共建中',
})
const stored = (id: number) =>
  (b.ctx.db.prepare('SELECT pick_keys FROM units WHERE id = ?').get(id) as { pick_keys: string })
    .pick_keys
const optionKeys = async () =>
  Object.fromEntries((await b.call('units:options', {})).map((o) => [o.name, o.keys]))

describe('stored pick-list keys for 共建单位', () => {
  it('are written on add and rename, and the pick lists serve them', async () => {
    const school = await b.call('units:create', unitData('锦华小学'))
    expect(stored(school.id)).toBe('jinhuaxiaoxue jhxx')
    expect(await optionKeys()).toEqual({ 锦华小学: 'jinhuaxiaoxue jhxx' })

    await b.call('units:update', { id: school.id, data: unitData('青云中学') })
    expect(stored(school.id)).toBe(pinyinKeys('青云中学'))
    expect(await optionKeys()).toEqual({ 青云中学: 'qingyunzhongxue qyzx' })
    const { units } = await b.call('meetings:attendee-options', {})
    expect(units.map((u) => [u.name, u.keys])).toEqual([['青云中学', 'qingyunzhongxue qyzx']])
    // The column is for the pick list only: records never carry it.
    expect(await b.call('units:get', { id: school.id })).not.toHaveProperty('pick_keys')
  })

  it('leave the list with a deleted unit and come back with a restored one', async () => {
    const hospital = await b.call('units:create', unitData('市第一人民医院'))
    await b.call('units:create', unitData('锦华物业'))
    await b.call('units:delete', { id: hospital.id })
    expect(Object.keys(await optionKeys())).toEqual(['锦华物业'])
    await b.call('units:restore', { id: hospital.id })
    expect((await optionKeys())['市第一人民医院']).toBe('shidiyirenminyiyuan sdyrmyy')
  })

  it('are back-filled when an older database is upgraded', () => {
    const mine = MIGRATIONS.find((m) => m.name === 'speed4')
    expect(mine).toBeDefined()
    const file = join(b.dataDir, 'old.sqlite')
    const before = openDatabase(file, {
      migrations: MIGRATIONS.filter((m) => m.version < (mine?.version ?? 0)),
    })
    const ins = before.prepare(
      `INSERT INTO units (name, liaison, liaison_phone, status, created_at, updated_at)
         VALUES (?, '王敏', '13800002222', '共建中', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
    )
    for (const n of ['锦华小学', '青云街道卫生服务中心', 'ABC物业']) ins.run(n)
    before.close()
    const db = openDatabase(file)
    const rows = db.prepare('SELECT name, pick_keys FROM units ORDER BY id').all() as {
      name: string
      pick_keys: string
    }[]
    db.close()
    expect(rows).toEqual([
      { name: '锦华小学', pick_keys: 'jinhuaxiaoxue jhxx' },
      { name: '青云街道卫生服务中心', pick_keys: pinyinKeys('青云街道卫生服务中心') },
      { name: 'ABC物业', pick_keys: pinyinKeys('ABC物业') },
    ])
    expect(rows.every((r) => r.pick_keys !== '')).toBe(true)
  })
})
