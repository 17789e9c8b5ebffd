// A year of the demo community's 民情事项, written through the same handlers as the page: older
// items mostly closed and evaluated (some after a 不满意 sent them back), recent ones still
// being worked on, some past their deadline, a few cancelled or merged as duplicates.
import dayjs from 'dayjs'
import { MatterInput } from '../../shared/schemas/matters.schema'
import type { AppContext } from '../app/context'
import {
  mattersAccept,
  mattersCancel,
  mattersClose,
  mattersDispatch,
  mattersEvaluate,
  mattersFeedback,
  mattersMerge,
  mattersProgress,
} from '../matters/matter-steps.handlers'
import { matters } from '../matters/matters.handlers'
import { backdate, responderPool } from '../matters/matters.repo'
import { ESTATES } from './demo-data'
import { GRIDS, type DemoMaker } from './demo-helpers'
import { DEMO_MATTERS, UNHAPPY, VISITS, type DemoMatterKind } from './demo-matters-data'

type Target =
  '待派单' | '已派单' | '已接单' | '办理中' | '已反馈' | '已结项' | '已评价' | '已取消' | '已合并'
const SECRETARY = '周丽华'

/** Where an item of this age has got to: old ones are mostly done, new ones still open. */
function targetFor(m: DemoMaker, age: number): Target {
  const x = m.r.next()
  if (age > 60) {
    if (x < 0.78) return '已评价'
    if (x < 0.84) return '已结项'
    if (x < 0.89) return '已取消'
    if (x < 0.93) return '已合并'
    return x < 0.97 ? '办理中' : '已接单'
  }
  if (age > 21) {
    if (x < 0.4) return '已评价'
    if (x < 0.55) return '已结项'
    if (x < 0.7) return '已反馈'
    if (x < 0.88) return '办理中'
    if (x < 0.94) return '已接单'
    return '已取消'
  }
  if (x < 0.3) return '待派单'
  if (x < 0.5) return '已派单'
  if (x < 0.65) return '已接单'
  if (x < 0.85) return '办理中'
  return x < 0.95 ? '已反馈' : '已结项'
}

function responders(
  m: DemoMaker,
  pool: ReturnType<typeof responderPool>,
  t: DemoMatterKind,
  grid: number,
) {
  const skilled = pool.talent.filter((p) => p.categories.includes(`"${t.category}"`))
  const near = pool.household.filter((p) => p.grid_id === grid)
  const x = m.r.next()
  const one =
    x < 0.4 && (skilled.length || pool.talent.length)
      ? { kind: 'talent' as const, ref_id: m.r.pick(skilled.length ? skilled : pool.talent).id }
      : x < 0.65 && pool.unit.length
        ? { kind: 'unit' as const, ref_id: m.r.pick(pool.unit).id }
        : x < 0.8 && pool.committee.length
          ? { kind: 'committee' as const, ref_id: m.r.pick(pool.committee).id }
          : { kind: 'household' as const, ref_id: m.r.pick(near.length ? near : pool.household).id }
  const list: {
    kind: 'talent' | 'unit' | 'committee' | 'household' | 'office'
    ref_id: number | null
    name: string
  }[] = [{ ...one, name: '' }]
  // 应急 and 协调 problems beyond the community are 吹哨'd to the street or a department.
  if (t.office && (t.level === '应急' || t.level === '协调' || m.r.next() < 0.3))
    list.push({ kind: 'office', ref_id: null, name: t.office })
  return list
}

export function fillDemoMatters(ctx: AppContext, m: DemoMaker, grids: number[]): number {
  const pool = responderPool(ctx.db)
  const now = dayjs()
  const today = now.startOf('day')
  const eligible: number[] = []
  let count = 0
  for (let age = 364; age >= 0; age -= m.r.int(1, 4)) {
    const t = m.r.pick(DEMO_MATTERS)
    const g = m.r.int(0, grids.length - 1)
    const content = t.content
      .replace('{e}', ESTATES[g] ?? '')
      .replace('{b}', String(m.r.int(1, 12)))
    const reported = today.subtract(age, 'day')
    const created = matters.create(
      MatterInput.parse({
        reported_on: reported.format('YYYY-MM-DD'),
        source: m.r.next() < 0.7 ? t.source : m.r.pick(['网格走访', '来电来访', '12345 热线']),
        kind: t.kind,
        level: t.level ?? '',
        category: t.category,
        content,
        grid_id: grids[g],
        place: ESTATES[g],
        building: content.includes('栋') ? (/(\d+)栋/.exec(content)?.[0] ?? '') : '',
        reporter: m.person(m.r.next() < 0.5),
        phone: m.r.next() < 0.7 ? m.phone() : '',
      }),
      ctx,
    )
    const id = created.id
    const leader = GRIDS[g]?.[2] ?? SECRETARY
    const stamps = [{ at: reported, operator: leader }]
    let at = reported
    const next = (lo: number, hi: number, operator: string) => {
      at = at.add(m.r.int(lo, hi), 'day')
      if (at.isAfter(today)) at = today
      stamps.push({ at, operator })
      return at.format('YYYY-MM-DD')
    }
    const target = targetFor(m, age)
    const working = ['已接单', '办理中', '已反馈', '已结项', '已评价']
    if (target === '已合并' && eligible.length) {
      next(0, 1, SECRETARY)
      mattersMerge({ id, into: m.r.pick(eligible.slice(-8)), reason: '同一问题重复反映' }, ctx)
    } else if (target === '已取消') {
      next(0, 3, SECRETARY)
      mattersCancel(
        { id, reason: m.r.pick(['居民已自行解决', '反映人撤回诉求', '经核实不属实']) },
        ctx,
      )
    } else if (target !== '待派单') {
      next(0, 1, SECRETARY)
      mattersDispatch({ id, responders: responders(m, pool, t, grids[g] ?? 0), note: '' }, ctx)
      if (working.includes(target)) {
        next(0, 2, leader)
        mattersAccept({ id, note: '' }, ctx)
      }
      // Some items were reopened after a 不满意 and are worked on (or closed) again.
      const reopen = ['办理中', '已反馈', '已结项', '已评价'].includes(target) && m.r.next() < 0.15
      const rounds = reopen ? 2 : 1
      for (let round = 1; round <= rounds; round++) {
        const last = round === rounds
        if (!['办理中', '已反馈', '已结项', '已评价'].includes(target)) break
        mattersProgress(
          {
            id,
            on: next(1, 3, leader),
            text: round === 1 ? t.progress : `针对回访意见再次处理：${t.progress}`,
          },
          ctx,
        )
        if (last && target === '办理中') break
        next(1, 4, leader)
        mattersFeedback({ id, result: t.result }, ctx)
        if (last && target === '已反馈') break
        mattersClose({ id, verifier: SECRETARY, on: next(0, 2, SECRETARY), note: '' }, ctx)
        if (last && target === '已结项') break
        next(1, 5, leader)
        const unhappy = !last
        mattersEvaluate(
          {
            id,
            rating: unhappy ? '不满意' : m.r.next() < 0.8 ? '满意' : '基本满意',
            method: m.r.pick(VISITS),
            note: unhappy ? m.r.pick(UNHAPPY) : '',
          },
          ctx,
        )
      }
    }
    if (target !== '已取消' && target !== '已合并') eligible.push(id)
    backdate(
      ctx.db,
      id,
      stamps.map((s) => {
        // Office hours that day, but never later than now (today's steps happened already).
        const when = s.at.add(m.r.int(8 * 60 + 30, 17 * 60 + 30), 'minute')
        return {
          at: (when.isAfter(now) ? now : when).format('YYYY-MM-DD HH:mm:ss'),
          operator: s.operator,
        }
      }),
    )
    count++
  }
  return count
}
