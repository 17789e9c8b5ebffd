// 民情事项 as a register: 编号 per year that is never reused, 哨级 and 办理时限 rules with the
// community's own defaults, search with pinyin, overdue across month and year ends (calendar
// days), the overdue list served by its index, and the masked Excel export.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Input } from '../../src-main/shared/contract'
import { testBackend, saveJinhua, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => {
  vi.useRealTimers()
  b.dispose()
})

const base = { source: '来电来访', kind: '问题', content: '楼道灯不亮' } as const
const create = (v: Partial<Input<'matters:create'>> = {}) =>
  b.call('matters:create', { reported_on: '2026-03-12', ...base, ...v })
const codes = async (filters: Record<string, string> = {}, search = '') =>
  (await b.call('matters:list', { filters, search, pageSize: 100 })).rows.map((r) => r.code)

describe('编号', () => {
  it('counts per year of 登记日期 and never reuses a number, not even after a purge', async () => {
    const a = await create()
    await create()
    const c = await create()
    const old = await create({ reported_on: '2025-12-31' })
    expect([a.code, c.code, old.code]).toEqual(['2026-0001', '2026-0003', '2025-0001'])
    await b.call('matters:delete', { id: c.id })
    await b.call('matters:purge', { id: c.id })
    expect((await create()).code).toBe('2026-0004')
    // An edit cannot change 编号 or 状态: the form never sends them, and if sent they are ignored.
    const edited = await b.call('matters:update', {
      id: a.id,
      data: { reported_on: '2026-03-12', ...base, code: '9999-0001', status: '已评价' },
    })
    expect(edited).toMatchObject({ code: '2026-0001', status: '待派单' })
  })
})

describe('哨级 and 办理时限', () => {
  it('takes the community’s own default per 哨级 (or 类型), which 社区信息 can change', async () => {
    expect(await b.call('matters:deadlines', {})).toEqual([
      { level: '应急', days: 1 },
      { level: '重点', days: 3 },
      { level: '常规', days: 7 },
      { level: '协调', days: 15 },
      { level: '建议', days: 15 },
      { level: '办实事', days: 15 },
    ])
    expect(await create({ level: '应急' })).toMatchObject({ due_days: 1, due_on: '2026-03-13' })
    expect(await create({ kind: '建议' })).toMatchObject({ level: '', due_days: 15 })
    expect(await create({ due_days: 30 })).toMatchObject({ level: '常规', due_days: 30 })
    await b.call('matters:deadlines-save', { deadlines: [{ level: '应急', days: 2 }] })
    expect(await create({ level: '应急' })).toMatchObject({ due_days: 2, due_on: '2026-03-14' })
    const bad = await b.raw('matters:deadlines-save', { deadlines: [{ level: '常规', days: 0 }] })
    expect(bad).toMatchObject({ ok: false, error: { message: '办理时限至少 1 天' } })
  })

  it('refuses a 哨级 on a 建议 or 办实事, saying what to do', async () => {
    const r = await b.raw('matters:create', {
      reported_on: '2026-03-12',
      ...base,
      kind: '办实事',
      level: '重点',
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '只有类型为「问题」的事项才分哨级：请清空哨级，或把类型改为问题',
      },
    })
  })
})

describe('search', () => {
  it('finds an item by content, place, reporter, 编号, pinyin and initials', async () => {
    await create({ content: '锦华苑3栋楼道灯不亮', reporter: '张桂兰', place: '北门' })
    await create({ content: '小区垃圾清运不及时', building: '5栋' })
    for (const q of ['楼道', '灯', 'loudao', 'ldd', '张桂兰', 'zgl', '北门', '0001'])
      expect(await codes({}, q), q).toEqual(['2026-0001'])
    expect(await codes({}, 'laji')).toEqual(['2026-0002'])
  })
})

describe('overdue', () => {
  const at = (day: string) => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T10:00:00`) })
  }

  it('counts calendar days across month and year ends, and never marks a closed item', async () => {
    const jan31 = await create({ reported_on: '2026-01-31', due_days: 1 })
    const feb28 = await create({ reported_on: '2026-02-28', due_days: 1 })
    const leap = await create({ reported_on: '2028-02-28', due_days: 1 })
    const dec31 = await create({ reported_on: '2026-12-31', due_days: 1 })
    const long = await create({ reported_on: '2026-12-31', due_days: 15 })
    expect([jan31, feb28, leap, dec31, long].map((m) => m.due_on)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2028-02-29',
      '2027-01-01',
      '2027-01-15',
    ])
    const overdueOn = async (day: string) => {
      at(day)
      const listed = await codes({ overdue: '1' })
      const flagged = (await b.call('matters:list', { pageSize: 100 })).rows
        .filter((r) => r.overdue === 1)
        .map((r) => r.code)
      expect(flagged.sort()).toEqual([...listed].sort())
      return listed
    }
    expect(await overdueOn('2026-02-01')).toEqual([])
    expect(await overdueOn('2026-02-02')).toEqual([jan31.code])
    expect(await overdueOn('2026-03-01')).toEqual([jan31.code])
    expect(await overdueOn('2026-03-02')).toEqual([jan31.code, feb28.code])
    expect(await overdueOn('2027-01-01')).toEqual([jan31.code, feb28.code])
    // The overdue list is most overdue first.
    expect(await overdueOn('2027-01-02')).toEqual([jan31.code, feb28.code, dec31.code])
    expect(await overdueOn('2027-01-16')).toEqual([jan31.code, feb28.code, dec31.code, long.code])
    expect(await overdueOn('2028-03-01')).toContain(leap.code)
    expect(await overdueOn('2028-02-29')).not.toContain(leap.code)

    // 已反馈 is still open; 已取消 (and 已结项/已评价, closed) never overdue.
    vi.useRealTimers()
    await b.call('matters:cancel', { id: jan31.id, reason: '重复登记' })
    const talent = await b.call('talents:create', {
      name: '李明',
      phone: '13700002222',
      status: '在册',
    })
    await b.call('matters:dispatch', {
      id: feb28.id,
      responders: [{ kind: 'talent', ref_id: talent.id }],
    })
    await b.call('matters:accept', { id: feb28.id })
    await b.call('matters:progress', { id: feb28.id, text: '已上门查看' })
    await b.call('matters:feedback', { id: feb28.id, result: '已修好' })
    expect(await overdueOn('2027-01-02')).toEqual([feb28.code, dec31.code])
    vi.useRealTimers()
    await b.call('matters:close', { id: feb28.id })
    expect(await overdueOn('2027-01-02')).toEqual([dec31.code])
  })

  it('reads the overdue list from its partial index, not by scanning every item', () => {
    const plan = b.ctx.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT t.id FROM matters t WHERE t.deleted_at IS NULL
           AND t.status IN ('待派单', '已派单', '已接单', '办理中', '已反馈') AND t.due_on <> '' AND t.due_on < ?
           ORDER BY t.due_on ASC, t.id ASC LIMIT 20`,
      )
      .all('2026-06-01') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(
      /USING (COVERING )?INDEX matters_open_due/,
    )
    expect(plan.map((p) => p.detail).join(' | ')).not.toContain('TEMP B-TREE')
  })
})

describe('export', () => {
  it('writes the 台账 with phones masked, filtered to the overdue items', async () => {
    await saveJinhua(b)
    await create({ reported_on: '2020-01-02', phone: '13912345678', reporter: '张桂兰' })
    await create({ phone: '13900001111', reported_on: '2099-01-01' })
    const file = await b.call('matters:export', { overdue: true })
    expect(file.count).toBe(1)
    expect(file.fileName).toMatch(/^青云街道锦华社区民情事项办理台账-\d{8}-\d{4}\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    const header = (ws?.getRow(3).values as unknown[]).map(String)
    const row = (ws?.getRow(4).values as unknown[]).map((v) => (v == null ? '' : String(v)))
    const cell = (label: string) => row[header.indexOf(label)]
    expect(cell('编号')).toBe('2020-0001')
    expect(cell('联系电话')).toBe('139****5678')
    expect(cell('是否逾期')).toBe('逾期')
    expect(cell('状态')).toBe('待派单')
    const plain = await b.call('matters:export', { overdue: true, masked: false })
    expect(Buffer.from(plain.base64, 'base64').length).toBeGreaterThan(0)
    expect(plain.fileName).toContain('（未脱敏）')
  })
})

describe('彻底删除', () => {
  it('forgets a purged talent in the items they answered, and a purged item in those merged into it', async () => {
    const talent = await b.call('talents:create', {
      name: '李志红',
      phone: '13800001234',
      status: '在册',
    })
    const m = await create()
    await b.call('matters:dispatch', {
      id: m.id,
      responders: [{ kind: 'talent', ref_id: talent.id }],
    })
    await b.call('matters:accept', { id: m.id })
    await b.call('talents:delete', { id: talent.id })
    await b.call('talents:purge', { id: talent.id })
    const t = await b.call('matters:timeline', { id: m.id })
    expect(t.responders.map((r) => [r.name, r.ref_id])).toEqual([['（已彻底删除）', null]])
    expect(JSON.stringify(t.events)).not.toContain('李志红')
    expect((await b.call('matters:get', { id: m.id })).responder_names).toBe('（已彻底删除）')

    const dup = await create({ content: '同一盏楼道灯' })
    await b.call('matters:merge', { id: dup.id, into: m.id, reason: '重复反映' })
    await b.call('matters:delete', { id: m.id })
    await b.call('matters:purge', { id: m.id })
    expect(await b.call('matters:get', { id: dup.id })).toMatchObject({
      status: '已合并',
      merged_into: null,
      merged_into_code: '',
    })
  })
})

describe('工作台 最近变动', () => {
  it('names an item by its 编号 (also after a step) and the 办理时限 change in words', async () => {
    const m = await create()
    await b.call('matters:cancel', { id: m.id, reason: '重复登记' })
    await b.call('matters:deadlines-save', { deadlines: [{ level: '常规', days: 5 }] })
    const { recent } = await b.call('dashboard:summary', {})
    expect(recent.map((r) => [r.action, r.what, r.register])).toEqual(
      expect.arrayContaining([
        ['新增', '民情事项「2026-0001」', 'matters'],
        ['修改', '民情事项「2026-0001」', 'matters'],
        ['修改', '民情事项办理时限', 'settings'],
      ]),
    )
  })
})
