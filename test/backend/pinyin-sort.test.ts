// Names sort in pinyin order, as Excel and WPS sort Chinese, through a stored sort key: in
// register lists (both directions, across pages), 网格, pickers, after an upgrade's back-fill.
import fc from 'fast-check'
import { join } from 'node:path'
import { pinyin } from 'pinyin-pro'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src-main/backend/db/connection'
import { MIGRATIONS } from '../../src-main/backend/db/migrations'
import { sortKey } from '../../src-main/backend/search/sort-key'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const NAMES = [
  '付强',
  '严明',
  '万里',
  '丁建华',
  '陈玉梅',
  '李安',
  '连杰',
  '李',
  '单志红',
  '阿依古丽',
]
const PINYIN_ORDER = [
  '阿依古丽',
  '陈玉梅',
  '丁建华',
  '付强',
  '李',
  '李安',
  '连杰',
  '单志红',
  '万里',
  '严明',
]

async function talents(names: string[]) {
  for (const [i, name] of names.entries())
    await b.call('talents:create', {
      name,
      phone: `1380000${String(1000 + i)}`,
      status: '在册',
    })
}

describe('pinyin order', () => {
  it('the 社区能人 list sorted by 姓名 is in pinyin order, both ways and across pages', async () => {
    await talents(NAMES)
    const asc = await b.call('talents:list', { sort: { field: 'name', order: 'asc' } })
    expect(asc.rows.map((r) => r.name)).toEqual(PINYIN_ORDER)
    expect(asc.rows[0]).not.toHaveProperty('sort_key')
    const desc = await b.call('talents:list', { sort: { field: 'name', order: 'desc' } })
    expect(desc.rows.map((r) => r.name)).toEqual([...PINYIN_ORDER].reverse())
    // A renamed record moves to its new place.
    const li = asc.rows.find((r) => r.name === '李')
    await b.call('talents:update', {
      id: Number(li?.id),
      data: { name: '周李', phone: '13800001111', status: '在册' },
    })
    const after = await b.call('talents:list', { sort: { field: 'name', order: 'asc' } })
    expect(after.rows.at(-1)?.name).toBe('周李')
  })

  it('共建单位 by 单位名称, and the unit picker, are in pinyin order', async () => {
    for (const name of ['中国银行锦华支行', '锦华物业', '第一小学', '昆明市第三人民医院'])
      await b.call('units:create', {
        name,
        liaison: '王芳',
        liaison_phone: '13900001111',
        status: '共建中',
      })
    const list = await b.call('units:list', { sort: { field: 'name', order: 'asc' } })
    const expected = ['第一小学', '锦华物业', '昆明市第三人民医院', '中国银行锦华支行']
    expect(list.rows.map((r) => r.name)).toEqual(expected)
    const options = await b.call('units:options', {})
    expect(options.map((o) => o.name)).toEqual(expected)
  })

  it('the 责任单位 filter of 议定事项 lists typed unit names in pinyin order', async () => {
    const m = await b.call('meetings:create', {
      meeting_type: '党建联席会议',
      title: '第一次党建联席会议',
      meeting_date: '2026-11-01',
      location: '会议室',
    })
    for (const lead of ['中国银行锦华支行', '锦华社区党委', '第一小学', '锦华社区党委'])
      await b.call('meeting_resolutions:create', {
        parentId: m.id,
        data: { content: `由${lead}牵头`, lead_unit_name: lead, status: '未开始' },
      })
    const overview = await b.call('meeting_resolutions:overview', {})
    expect(overview.leadUnits).toEqual(['第一小学', '锦华社区党委', '中国银行锦华支行'])
  })

  it('网格 sort by pinyin with their numbers by value (第二 before 第十)', async () => {
    for (const name of ['第十网格', '第二网格', '第一网格（锦华苑）', '第三网格', '东片区'])
      await b.call('grids:create', { name })
    const grids = await b.call('grids:list', {})
    expect(grids.map((g) => g.name)).toEqual([
      '第一网格（锦华苑）',
      '第二网格',
      '第三网格',
      '第十网格',
      '东片区',
    ])
  })

  it('an older database gets its sort keys back-filled by the upgrade', () => {
    const file = join(b.dataDir, 'old.sqlite')
    const v6 = MIGRATIONS.filter((m) => m.version <= 6)
    const old = openDatabase(file, { migrations: v6 })
    const ins = old.prepare(
      `INSERT INTO talents (name, phone, status, created_at, updated_at)
         VALUES (?, '13800001234', '在册', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
    )
    for (const n of NAMES) ins.run(n)
    old.close()
    const db = openDatabase(file)
    const rows = db
      .prepare('SELECT name, sort_key FROM talents WHERE deleted_at IS NULL ORDER BY sort_key')
      .all() as { name: string; sort_key: string }[]
    expect(rows.map((r) => r.name)).toEqual(PINYIN_ORDER)
    expect(rows.every((r) => r.sort_key === sortKey(r.name, true))).toBe(true)
    // The list query walks the index rather than sorting the table.
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM talents t WHERE t.deleted_at IS NULL ORDER BY t.sort_key ASC, t.id ASC LIMIT 20',
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('talents_sort')
    db.close()
  })
})

describe('property: sorted output is non-decreasing in pinyin', () => {
  // Common surname and given-name characters, so names repeat readings and characters.
  const chars = [...'陈丁万严付李连单张章王汪黄刘赵周吴郑孙钱志红建华玉梅明强安杰国秀兰']
  const name = fc
    .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 3 })
    .map((a) => a.join(''))
  // Toned syllables compared one position at a time, as Excel/WPS compare character by character.
  const syllables = (s: string) =>
    pinyin(s, { toneType: 'num', type: 'array', surname: 'head' }) as string[]
  const comparePinyin = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i] ?? ''
      const y = b[i] ?? ''
      if (x !== y) return x < y ? -1 : 1
    }
    return a.length - b.length
  }

  it('keys order names syllable by syllable, whatever the names', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 30 }), (names) => {
        const sorted = [...names].sort((a, b) => (sortKey(a, true) < sortKey(b, true) ? -1 : 1))
        for (let i = 1; i < sorted.length; i++)
          expect(
            comparePinyin(syllables(sorted[i - 1] ?? ''), syllables(sorted[i] ?? '')),
          ).toBeLessThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })

  it('the list the backend returns is non-decreasing in pinyin', async () => {
    const sample = fc.sample(name, { numRuns: 60, seed: 11 })
    await talents(sample)
    // Read in pages of 20, as the list does, to check the order holds across pages.
    const rows = []
    for (const page of [1, 2, 3])
      rows.push(
        ...(
          await b.call('talents:list', {
            sort: { field: 'name', order: 'asc' },
            page,
            pageSize: 20,
          })
        ).rows,
      )
    expect(rows).toHaveLength(sample.length)
    expect(new Set(rows.map((r) => r.id)).size).toBe(sample.length)
    for (let i = 1; i < rows.length; i++)
      expect(
        comparePinyin(syllables(String(rows[i - 1]?.name)), syllables(String(rows[i]?.name))),
      ).toBeLessThanOrEqual(0)
  })
})
