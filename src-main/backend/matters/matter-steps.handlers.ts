// The steps of the closed loop (派单 → 接单 → 办理 → 反馈 → 结项 → 评价; 取消, 合并): each asks
// matter-flow.ts whether it may run, writes the new state, one timeline event (who, when, what)
// and an audit entry, all in one transaction.
import dayjs from 'dayjs'
import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { RESPONDER_KIND_LABEL } from '../../shared/dictionaries'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { atomic } from '../db/statements'
import { transition, type MatterStatus, type Step } from './matter-flow'
import { withdrawServices, writeServices } from './matter-services.repo'
import { matters, withOverdue } from './matters.handlers'
import {
  acceptAll,
  addEvent,
  addResponder,
  events,
  matterState,
  responderName,
  responders,
  setState,
} from './matters.repo'

type Matter = Output<'matters:get'>

interface Work {
  text: string
  /** The date it happened (a progress note's date, the 核实 date); today by default. */
  on?: string
  extra?: Record<string, string | number | null>
  /** Replaces the step's own target state (不满意 reopens). */
  step?: Step
}

function live(ctx: AppContext, id: number): Matter {
  const m = matters.get({ id }, ctx)
  if (m.deleted_at !== null)
    throw new AppError('NOT_FOUND', '这条民情事项已删除（在回收站中），请先恢复再办理')
  return m
}

function run(ctx: AppContext, id: number, step: Step, work: (m: Matter) => Work): Matter {
  return atomic(ctx.db, () => {
    const before = live(ctx, id)
    const from = before.status as MatterStatus
    transition(from, step)
    const w = work(before)
    const to = transition(from, w.step ?? step)
    const stamp = nowStamp()
    setState(ctx.db, id, to, stamp, w.extra)
    addEvent(ctx.db, {
      matterId: id,
      at: stamp,
      on: w.on ?? dayjs().format('YYYY-MM-DD'),
      operator: ctx.operator(),
      action: w.step ?? step,
      from,
      to,
      text: w.text,
    })
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'matters',
      rowId: id,
      action: 'update',
      before: { status: from },
      after: { status: to },
    })
    return withOverdue(matters.get({ id }, ctx))
  })
}

export function mattersDispatch(
  input: ParsedInput<'matters:dispatch'>,
  ctx: AppContext,
): Output<'matters:dispatch'> {
  return run(ctx, input.id, 'dispatch', () => {
    const stamp = nowStamp()
    const named: string[] = []
    const seen = new Set<string>()
    for (const r of input.responders) {
      let name = r.name.trim()
      if (r.kind === 'office') {
        if (!name) throw new AppError('VALIDATION', '吹哨时请填写街道科室或部门的名称')
      } else {
        const label = RESPONDER_KIND_LABEL[r.kind]
        if (r.ref_id === null) throw new AppError('VALIDATION', `请选择要派给的${label}`)
        const found = responderName(ctx.db, r.kind, r.ref_id)
        if (found === undefined)
          throw new AppError('VALIDATION', `所选${label}不存在或已被删除，请重新选择`)
        name = found
      }
      const key = `${r.kind}:${r.ref_id ?? name}`
      if (seen.has(key)) continue
      seen.add(key)
      addResponder(ctx.db, input.id, { kind: r.kind, ref_id: r.ref_id, name }, stamp)
      named.push(r.kind === 'office' ? `吹哨：${name}` : `${RESPONDER_KIND_LABEL[r.kind]}${name}`)
    }
    return { text: `派给 ${named.join('、')}${input.note ? `。${input.note}` : ''}` }
  })
}

export function mattersAccept(
  input: ParsedInput<'matters:accept'>,
  ctx: AppContext,
): Output<'matters:accept'> {
  return run(ctx, input.id, 'accept', (m) => {
    acceptAll(ctx.db, input.id, nowStamp())
    return { text: `${m.responder_names} 接单报到${input.note ? `。${input.note}` : ''}` }
  })
}

export function mattersProgress(
  input: ParsedInput<'matters:progress'>,
  ctx: AppContext,
): Output<'matters:progress'> {
  return run(ctx, input.id, 'progress', () => ({ text: input.text, on: input.on }))
}

export function mattersFeedback(
  input: ParsedInput<'matters:feedback'>,
  ctx: AppContext,
): Output<'matters:feedback'> {
  return run(ctx, input.id, 'feedback', () => ({
    text: input.result,
    extra: { result: input.result },
  }))
}

export function mattersClose(
  input: ParsedInput<'matters:close'>,
  ctx: AppContext,
): Output<'matters:close'> {
  const on = input.on ?? dayjs().format('YYYY-MM-DD')
  const verifier = input.verifier || ctx.operator()
  return run(ctx, input.id, 'close', (m) => {
    // 录入一次: each responder's service record is written with the close, in its transaction.
    const n = writeServices(ctx.db, m, on, nowStamp(), ctx.operator())
    // Said on the timeline, so she knows she need not type those records herself.
    const written = n ? `。已记入 ${n} 个接单方的服务记录` : ''
    return {
      text: `${verifier}核实${input.note ? `：${input.note}` : '，办结'}${written}`,
      on,
      extra: { closed_by: verifier, closed_on: on },
    }
  })
}

export function mattersEvaluate(
  input: ParsedInput<'matters:evaluate'>,
  ctx: AppContext,
): Output<'matters:evaluate'> {
  const said = `${input.method}，${input.rating}${input.note ? `：${input.note}` : ''}`
  return run(ctx, input.id, 'evaluate', (m): Work =>
    input.rating === '不满意'
      ? {
          // Back to work: the close no longer stands; the reopen is counted and on the timeline.
          text: `${said}。重新办理`,
          step: 'reopen',
          extra: {
            rating: input.rating,
            visit_method: input.method,
            closed_by: '',
            closed_on: '',
            reopen_count: m.reopen_count + 1,
          },
        }
      : { text: said, extra: { rating: input.rating, visit_method: input.method } },
  )
}

export function mattersCancel(
  input: ParsedInput<'matters:cancel'>,
  ctx: AppContext,
): Output<'matters:cancel'> {
  return run(ctx, input.id, 'cancel', (m) => {
    withdrawServices(ctx.db, m, nowStamp())
    return { text: `取消：${input.reason}` }
  })
}

export function mattersMerge(
  input: ParsedInput<'matters:merge'>,
  ctx: AppContext,
): Output<'matters:merge'> {
  if (input.into === input.id) throw new AppError('VALIDATION', '不能把事项合并到它自己')
  const target = matterState(ctx.db, input.into)
  if (!target || target.deleted_at !== null)
    throw new AppError('NOT_FOUND', '要合并到的事项不存在或已删除，请重新选择')
  if (target.status === '已取消' || target.status === '已合并')
    throw new AppError(
      'CONFLICT',
      `事项 ${target.code} 已${target.status.slice(1)}，不能合并到它，请选择另一条事项`,
    )
  return run(ctx, input.id, 'merge', (m) => {
    withdrawServices(ctx.db, m, nowStamp())
    return { text: `合并到 ${target.code}：${input.reason}`, extra: { merged_into: input.into } }
  })
}

export function mattersTimeline(
  input: ParsedInput<'matters:timeline'>,
  ctx: AppContext,
): Output<'matters:timeline'> {
  matters.get({ id: input.id }, ctx)
  return {
    responders: responders(ctx.db, input.id),
    events: events(ctx.db, input.id) as Output<'matters:timeline'>['events'],
  }
}
