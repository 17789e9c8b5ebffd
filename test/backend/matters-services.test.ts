// 录入一次 on a real SQLite file: closing a 民情事项 writes one service record onto each responder
// who did the work (社区能人 and 在职党员 服务记录, 党员中心户 联户记录, a unit's fitting 项目's
// 成效, 兼职委员 履职 for 双述双评); 不满意 + re-close updates instead of duplicating; a cancelled
// or merged item writes none, and one cancelled after a reopen takes its records back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
const id = { talent: 0, reported: 0, household: 0, committee: 0, unit: 0, bare: 0, project: 0 }

beforeAll(async () => {
  b = testBackend()
  id.talent = (
    await b.call('talents:create', { name: '李志红', phone: '13800001234', status: '在册' })
  ).id
  id.reported = (
    await b.call('reported_members:create', {
      name: '杨党员',
      phone: '13800005555',
      status: '已报到',
    })
  ).id
  id.household = (
    await b.call('households:create', {
      head_name: '陈中心户',
      phone: '13800007777',
      building: '3栋',
      status: '正常',
    })
  ).id
  id.committee = (
    await b.call('committee:create', {
      name: '周委员',
      phone: '13800008888',
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      status: '在任',
      level: '社区大党委',
    })
  ).id
  const unit = async (name: string) =>
    (
      await b.call('units:create', {
        name,
        liaison: '王敏',
        liaison_phone: '13800002222',
        status: '共建中',
      })
    ).id
  id.unit = await unit('锦华物业')
  id.bare = await unit('青云小学')
  id.project = (
    await b.call('unit_list_items:create', {
      parentId: id.unit,
      data: { list_type: '项目', title: '老旧楼道改造', category: '设施改造', status: '实施中' },
    })
  ).id
  // A finished project of the same 类别 is not where new work goes.
  await b.call('unit_list_items:create', {
    parentId: id.bare,
    data: { list_type: '项目', title: '校门改造', category: '设施改造', status: '已完成' },
  })
})
afterAll(() => b.dispose())

const ALL = () =>
  (['talent', 'reported', 'household', 'committee', 'unit'] as const).map((kind) => ({
    kind,
    ref_id: id[kind],
    name: '',
  }))

async function toFeedback(responders = ALL(), content = '锦华苑3栋楼道灯不亮') {
  const m = await b.call('matters:create', {
    reported_on: '2026-03-12',
    source: '网格走访',
    kind: '问题',
    category: '设施改造',
    content,
  })
  await b.call('matters:dispatch', { id: m.id, responders })
  await b.call('matters:accept', { id: m.id })
  await b.call('matters:progress', { id: m.id, on: '2026-03-13', text: '已采购灯具' })
  await b.call('matters:feedback', { id: m.id, result: '已更换楼道灯 6 盏' })
  return m
}
const close = (mid: number, on: string) =>
  b.call('matters:close', { id: mid, verifier: '张网格员', on })

const talentServices = async () =>
  (await b.call('talent_services:list', { parentId: id.talent })).filter(
    (r) => r.deleted_at === null,
  )
const reportedServices = async () =>
  (await b.call('reported_services:list', { parentId: id.reported })).filter(
    (r) => r.deleted_at === null,
  )
const visits = async () =>
  (await b.call('household_visits:list', { parentId: id.household })).filter(
    (r) => r.deleted_at === null,
  )
const outcome = async (unitId: number) =>
  (await b.call('unit_list_items:list', { parentId: unitId })).map((r) => r.outcome).join('\n')

describe('closing a 民情事项 writes each responder’s service once', () => {
  it('writes one record per kind on close, and re-closing after 不满意 updates it', async () => {
    const m = await toFeedback()
    await close(m.id, '2026-03-15')

    const [t] = await talentServices()
    expect(await talentServices()).toHaveLength(1)
    expect(t).toMatchObject({
      service_date: '2026-03-15',
      item: `民情事项 ${m.code}：锦华苑3栋楼道灯不亮`,
      category: '', // 设施改造 is not a 人才类别: left empty rather than made up
    })
    expect(await reportedServices()).toMatchObject([
      {
        service_date: '2026-03-15',
        matter_id: m.id,
        content: `民情事项 ${m.code}：锦华苑3栋楼道灯不亮`,
      },
    ])
    expect(await visits()).toMatchObject([
      { visit_date: '2026-03-15', result: '已更换楼道灯 6 盏' },
    ])
    expect(await outcome(id.unit)).toBe(`2026-03-15 办结民情事项 ${m.code}：锦华苑3栋楼道灯不亮`)
    expect(await outcome(id.bare)).toBe('')
    expect(await b.call('committee:duties', { id: id.committee })).toEqual([
      { matter_id: m.id, code: m.code, done_on: '2026-03-15', item: '锦华苑3栋楼道灯不亮' },
    ])

    // 不满意 reopens; the work goes on and is closed again on another day.
    await b.call('matters:evaluate', { id: m.id, rating: '不满意', method: '电话回访' })
    await b.call('matters:feedback', { id: m.id, result: '2 楼灯也换好了' })
    await close(m.id, '2026-03-20')
    expect(await talentServices()).toMatchObject([{ id: t?.id, service_date: '2026-03-20' }])
    expect(await reportedServices()).toHaveLength(1)
    expect(await visits()).toMatchObject([{ visit_date: '2026-03-20', result: '2 楼灯也换好了' }])
    expect(await outcome(id.unit)).toBe(`2026-03-20 办结民情事项 ${m.code}：锦华苑3栋楼道灯不亮`)
    const duties = await b.call('committee:duties', { id: id.committee })
    expect(duties.map((d) => d.done_on)).toEqual(['2026-03-20'])
    await b.call('matters:evaluate', { id: m.id, rating: '满意', method: '上门回访' })
    expect(await talentServices()).toHaveLength(1)
  })

  it('a unit without a fitting open list item gets no list line; the item keeps the record', async () => {
    const m = await toFeedback([{ kind: 'unit', ref_id: id.bare, name: '' }], '校门口积水')
    await close(m.id, '2026-04-01')
    expect(await outcome(id.bare)).toBe('')
  })

  it('a unit’s claimed 需求 of the 类别 takes the line when it has no 项目 of its own', async () => {
    const owner = (
      await b.call('units:create', {
        name: '青云街道城管科',
        liaison: '赵科长',
        liaison_phone: '13800004444',
        status: '共建中',
      })
    ).id
    const need = (
      await b.call('unit_list_items:create', {
        parentId: owner,
        data: {
          list_type: '需求',
          title: '小学门口护栏',
          category: '环境整治',
          status: '实施中',
          claimed_by_unit_id: id.bare,
        },
      })
    ).id
    const m = await b.call('matters:create', {
      reported_on: '2026-04-03',
      source: '网格走访',
      kind: '问题',
      category: '环境整治',
      content: '校门口护栏松动',
    })
    await b.call('matters:dispatch', { id: m.id, responders: [{ kind: 'unit', ref_id: id.bare }] })
    await b.call('matters:accept', { id: m.id })
    await b.call('matters:progress', { id: m.id, on: '2026-04-04', text: '已加固' })
    await b.call('matters:feedback', { id: m.id, result: '护栏已加固' })
    await close(m.id, '2026-04-05')
    const items = await b.call('unit_list_items:list', { parentId: owner })
    expect(items.find((r) => r.id === need)?.outcome).toBe(
      `2026-04-05 办结民情事项 ${m.code}：校门口护栏松动`,
    )
  })

  it('a cancelled or merged item writes none; one cancelled after a reopen takes its back', async () => {
    const before = (await talentServices()).length
    const reportedBefore = (await reportedServices()).length
    const cancelled = await toFeedback(ALL(), '路灯闪烁')
    await b.call('matters:cancel', { id: cancelled.id, reason: '居民已自行解决' })
    const merged = await toFeedback(ALL(), '楼道灯又坏了')
    const target = await b.call('matters:create', {
      reported_on: '2026-04-01',
      source: '网格走访',
      kind: '问题',
      content: '楼道灯坏了',
    })
    await b.call('matters:merge', { id: merged.id, into: target.id, reason: '重复' })
    expect(await talentServices()).toHaveLength(before)

    const reopened = await toFeedback(ALL(), '单元门禁坏了')
    await close(reopened.id, '2026-04-02')
    expect(await talentServices()).toHaveLength(before + 1)
    await b.call('matters:evaluate', { id: reopened.id, rating: '不满意', method: '电话回访' })
    await b.call('matters:cancel', { id: reopened.id, reason: '改由物业按合同处理' })
    expect(await talentServices()).toHaveLength(before)
    expect(await reportedServices()).toHaveLength(reportedBefore)
    expect(await outcome(id.unit)).not.toContain(reopened.code)
    const duties = await b.call('committee:duties', { id: id.committee })
    expect(duties.map((d) => d.code)).not.toContain(reopened.code)
  })

  it('a purged member’s 履职 goes with them, so a new member given the same id inherits none', async () => {
    const member = {
      phone: '13800003333',
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      status: '在任',
      level: '社区大党委',
    } as const
    const gone = (await b.call('committee:create', { name: '吴离任', ...member })).id
    const m = await toFeedback([{ kind: 'committee', ref_id: gone, name: '' }], '协调停车位')
    await close(m.id, '2026-05-01')
    expect(await b.call('committee:duties', { id: gone })).toHaveLength(1)
    await b.call('committee:delete', { id: gone })
    await b.call('committee:purge', { id: gone })
    const next = (await b.call('committee:create', { name: '郑新任', ...member })).id
    expect(await b.call('committee:duties', { id: next })).toEqual([])
    const left = b.ctx.db
      .prepare("SELECT count(*) AS n FROM matter_services WHERE kind = 'committee' AND ref_id = ?")
      .get(gone) as { n: number }
    expect(left.n).toBe(0)
  })

  it('committee:duties refuses an unknown member clearly', async () => {
    const r = await b.raw('committee:duties', { id: 99999 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND')
  })
})
