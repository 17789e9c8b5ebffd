// The 民情事项 closed loop through the real dispatch on a real SQLite file: the whole loop with
// its timeline (who, when, what), every allowed step from every state, and every refused one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Output } from '../../src-main/shared/contract'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

type Matter = Output<'matters:get'>
let b: TestBackend
let talentId: number
let unitId: number

beforeAll(async () => {
  b = testBackend()
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
    operator_name: '刘书记',
  })
  talentId = (
    await b.call('talents:create', { name: '李志红', phone: '13800001234', status: '在册' })
  ).id
  unitId = (
    await b.call('units:create', {
      name: '锦华物业',
      liaison: '王敏',
      liaison_phone: '13800002222',
      status: '共建中',
    })
  ).id
})
afterAll(() => b.dispose())

const item = (content = '锦华苑3栋楼道灯不亮') =>
  b.call('matters:create', {
    reported_on: '2026-03-12',
    source: '网格走访',
    kind: '问题',
    content,
  })

const STEPS = [
  'dispatch',
  'accept',
  'progress',
  'feedback',
  'close',
  'evaluate',
  'cancel',
  'merge',
] as const
type Step = (typeof STEPS)[number]

async function doStep(
  id: number,
  step: Step,
): Promise<{ ok: boolean; code?: string; message?: string }> {
  const inputs: Record<Step, unknown> = {
    dispatch: { id, responders: [{ kind: 'talent', ref_id: talentId }] },
    accept: { id },
    progress: { id, on: '2026-03-13', text: '已联系物业采购灯具' },
    feedback: { id, result: '已更换楼道灯 6 盏' },
    close: { id, verifier: '张网格员', on: '2026-03-15' },
    evaluate: { id, rating: '满意', method: '电话回访' },
    cancel: { id, reason: '居民已自行解决' },
    merge: { id, into: mergeTarget, reason: '与同一楼栋的事项重复' },
  }
  const r = await b.raw(`matters:${step}`, inputs[step])
  return r.ok ? { ok: true } : { ok: false, code: r.error.code, message: r.error.message }
}

let mergeTarget = 0

/** The steps that lead an item to each state, from 待派单. */
const PATH: Record<string, Step[]> = {
  待派单: [],
  已派单: ['dispatch'],
  已接单: ['dispatch', 'accept'],
  办理中: ['dispatch', 'accept', 'progress'],
  已反馈: ['dispatch', 'accept', 'progress', 'feedback'],
  已结项: ['dispatch', 'accept', 'progress', 'feedback', 'close'],
  已评价: ['dispatch', 'accept', 'progress', 'feedback', 'close', 'evaluate'],
  已取消: ['cancel'],
  已合并: ['merge'],
}

// Written out here, not read from matter-flow.ts, so a change to the rules fails this test.
const ALLOWED: Record<string, Step[]> = {
  待派单: ['dispatch', 'cancel', 'merge'],
  已派单: ['accept', 'cancel', 'merge'],
  已接单: ['progress', 'cancel', 'merge'],
  办理中: ['progress', 'feedback', 'cancel', 'merge'],
  已反馈: ['close', 'cancel', 'merge'],
  已结项: ['evaluate'],
  已评价: [],
  已取消: [],
  已合并: [],
}

async function itemIn(state: string): Promise<Matter> {
  const m = await item(`${state}的事项`)
  for (const s of PATH[state] ?? []) expect(await doStep(m.id, s)).toEqual({ ok: true })
  const now = await b.call('matters:get', { id: m.id })
  expect(now.status).toBe(state)
  return now
}

describe('民情事项 state machine', () => {
  beforeAll(async () => {
    mergeTarget = (await item('合并目标')).id
  })

  it('runs the whole loop, 不满意 reopens, and every step is on the timeline with who and when', async () => {
    const m = await item()
    expect(m).toMatchObject({
      code: expect.stringMatching(/^2026-\d{4}$/),
      status: '待派单',
      level: '常规',
      due_days: 7,
    })
    const steps: [string, unknown][] = [
      [
        'dispatch',
        {
          id: m.id,
          responders: [
            { kind: 'talent', ref_id: talentId },
            { kind: 'office', name: '青云街道城管科' },
          ],
        },
      ],
      ['accept', { id: m.id }],
      ['progress', { id: m.id, on: '2026-03-13', text: '已联系物业采购灯具' }],
      ['feedback', { id: m.id, result: '已更换楼道灯 6 盏' }],
      ['close', { id: m.id, verifier: '张网格员', on: '2026-03-15' }],
      ['evaluate', { id: m.id, rating: '不满意', method: '上门回访', note: '2 楼还有一盏不亮' }],
      ['progress', { id: m.id, on: '2026-03-16', text: '补换 2 楼灯具' }],
      ['feedback', { id: m.id, result: '2 楼灯已换好' }],
      ['close', { id: m.id }],
    ]
    const seen: string[] = []
    for (const [step, input] of steps) {
      const r = await b.raw(`matters:${step}`, input)
      expect(r.ok, `${step}: ${r.ok ? '' : r.error.message}`).toBe(true)
      if (r.ok) seen.push((r.data as Matter).status)
    }
    const evaluated = await b.call('matters:evaluate', {
      id: m.id,
      rating: '满意',
      method: '电话回访',
    })
    seen.push(evaluated.status)
    expect(seen).toEqual([
      '已派单',
      '已接单',
      '办理中',
      '已反馈',
      '已结项',
      '办理中',
      '办理中',
      '已反馈',
      '已结项',
      '已评价',
    ])
    const done = await b.call('matters:get', { id: m.id })
    expect(done).toMatchObject({
      rating: '满意',
      visit_method: '电话回访',
      reopen_count: 1,
      closed_by: '刘书记',
      responder_names: '李志红、青云街道城管科',
      result: '2 楼灯已换好',
    })

    const t = await b.call('matters:timeline', { id: m.id })
    expect(t.responders.map((r) => [r.kind, r.ref_id, r.name, r.accepted_at !== ''])).toEqual([
      ['talent', talentId, '李志红', true],
      ['office', null, '青云街道城管科', true],
    ])
    expect(t.events.map((e) => [e.action, e.from_status, e.to_status])).toEqual([
      ['create', '', '待派单'],
      ['dispatch', '待派单', '已派单'],
      ['accept', '已派单', '已接单'],
      ['progress', '已接单', '办理中'],
      ['feedback', '办理中', '已反馈'],
      ['close', '已反馈', '已结项'],
      ['reopen', '已结项', '办理中'],
      ['progress', '办理中', '办理中'],
      ['feedback', '办理中', '已反馈'],
      ['close', '已反馈', '已结项'],
      ['evaluate', '已结项', '已评价'],
    ])
    for (const e of t.events) {
      expect(e.operator).toBe('刘书记')
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    }
    expect(t.events[1]?.text).toBe('派给 社区能人李志红、吹哨：青云街道城管科')
    expect(t.events[3]).toMatchObject({ happened_on: '2026-03-13', text: '已联系物业采购灯具' })
    expect(t.events[5]).toMatchObject({
      happened_on: '2026-03-15',
      text: '张网格员核实，办结。已记入 1 个接单方的服务记录',
    })
    expect(t.events[6]?.text).toBe('上门回访，不满意：2 楼还有一盏不亮。重新办理')

    // The 修改记录 tab shows the state changes too.
    const history = await b.call('matters:history', { id: m.id })
    expect(
      history.some((h) =>
        h.changes.some((c) => c.label === '状态' && c.before === '已结项' && c.after === '办理中'),
      ),
    ).toBe(true)
  })

  for (const [state, allowed] of Object.entries(ALLOWED)) {
    it(`from ${state}: allows ${allowed.join(', ') || 'nothing'} and refuses every other step`, async () => {
      const m = await itemIn(state)
      for (const step of STEPS) {
        if (allowed.includes(step)) {
          const fresh = await itemIn(state)
          expect(await doStep(fresh.id, step), `${state} → ${step}`).toEqual({ ok: true })
        } else {
          const r = await doStep(m.id, step)
          expect(r, `${state} → ${step}`).toMatchObject({ ok: false, code: 'CONFLICT' })
          expect(r.message).toContain(`当前为「${state}」`)
          expect((await b.call('matters:get', { id: m.id })).status).toBe(state)
        }
      }
    })
  }

  it('refuses a dispatch to a deleted record, a 吹哨 without a name, and merging into itself or a cancelled item', async () => {
    const m = await item()
    const gone = (
      await b.call('talents:create', { name: '王芳', phone: '13600003333', status: '在册' })
    ).id
    await b.call('talents:delete', { id: gone })
    const e1 = await b.raw('matters:dispatch', {
      id: m.id,
      responders: [{ kind: 'talent', ref_id: gone }],
    })
    expect(e1).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '所选社区能人不存在或已被删除，请重新选择' },
    })
    const e2 = await b.raw('matters:dispatch', {
      id: m.id,
      responders: [{ kind: 'office', name: ' ' }],
    })
    expect(e2).toMatchObject({ ok: false, error: { message: '吹哨时请填写街道科室或部门的名称' } })
    const e3 = await b.raw('matters:merge', { id: m.id, into: m.id, reason: '重复' })
    expect(e3).toMatchObject({ ok: false, error: { message: '不能把事项合并到它自己' } })
    const cancelled = await itemIn('已取消')
    const e4 = await b.raw('matters:merge', { id: m.id, into: cancelled.id, reason: '重复' })
    expect(e4).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await b.call('matters:get', { id: m.id })).status).toBe('待派单')
    // A unit is a responder like a talent; the dispatch shows its name.
    const d = await b.call('matters:dispatch', {
      id: m.id,
      responders: [{ kind: 'unit', ref_id: unitId }],
    })
    expect(d.responder_names).toBe('锦华物业')
    // A merged item points at the one it joined.
    const dup = await item('重复反映的楼道灯')
    const merged = await b.call('matters:merge', { id: dup.id, into: m.id, reason: '同一问题' })
    expect(merged).toMatchObject({ status: '已合并', merged_into_code: m.code })
  })

  it('refuses steps on an item in the 回收站', async () => {
    const m = await item()
    await b.call('matters:delete', { id: m.id })
    const r = await b.raw('matters:cancel', { id: m.id, reason: '重复' })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
