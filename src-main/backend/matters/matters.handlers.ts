// 民情事项 as a register: the generic operations (list, get, create … history) with its rules —
// 编号 assigned per year, 状态 only through the steps, 哨级 only for 问题, 办理时限 defaulting
// per 哨级 — plus the overdue filter and flag, and the community's 办理时限 defaults.
import type { Output, ParsedInput } from '../../shared/contract'
import { MATTER_DEADLINE_KEYS } from '../../shared/dictionaries'
import type { RegisterRow } from '../../shared/register-api'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { atomic } from '../db/statements'
import { makeRegisterHandlers, type RegisterRules } from '../registers/register.handlers'
import { checkReferences } from '../registers/references'
import { isOpen, nextSteps, type MatterStatus } from './matter-flow'
import {
  addEvent,
  MATTER_SELECT,
  MATTER_VERIFY,
  matterState,
  nextCode,
  overdueCondition,
  readDeadlines,
  today,
  writeDeadline,
} from './matters.repo'

type Stored = RegisterRow<'matters'>

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION', message, [{ field, message }])

/** The 办理时限 default for an item: by 哨级 for 问题, by 类型 otherwise. */
function defaultDays(ctx: AppContext, kind: string, level: string): number | null {
  const key = kind === '问题' ? level || '常规' : kind
  return readDeadlines(ctx.db).find((d) => d.level === key)?.days ?? null
}

const matterRules: RegisterRules<'matters'> = {
  spec: REGISTERS.matters,
  selectSql: MATTER_SELECT,
  verifySql: MATTER_VERIFY,
  prepare(values, ctx, id) {
    checkReferences(ctx, REGISTERS.matters.fields, values)
    const kind = String(values.kind ?? '')
    let level = String(values.level ?? '')
    if (kind !== '问题' && level)
      throw fieldError('level', '只有类型为「问题」的事项才分哨级：请清空哨级，或把类型改为问题')
    if (kind === '问题' && !level) level = '常规'
    const due = values.due_days ?? defaultDays(ctx, kind, level)
    // 编号 and 状态 are the app's: a new item gets the next number of its year and starts at
    // 待派单; an edit (or a restore) keeps what it had.
    if (id === null) {
      const year = Number(String(values.reported_on).slice(0, 4))
      return { ...values, level, due_days: due, code: nextCode(ctx.db, year), status: '待派单' }
    }
    const current = matterState(ctx.db, id)
    return { ...values, level, due_days: due, code: current?.code, status: current?.status }
  },
  extraFilters: {
    overdue: (value) => {
      if (value !== '1' && value !== 1) throw new AppError('VALIDATION', '逾期筛选有误，请重新选择')
      return overdueCondition(today())
    },
  },
  // The overdue list, most overdue first, straight from the matters_open_due index.
  filterOrder: { overdue: 't.due_on ASC, t.id ASC' },
}

/** The row with its 逾期 flag for `day` (open and past its deadline) and its next steps. */
export function withOverdue<R extends Stored>(row: R, day = today()): R {
  const late = isOpen(row.status) && row.due_on !== '' && row.due_on < day
  return { ...row, overdue: late ? 1 : 0, next_steps: nextSteps(row.status as MatterStatus) }
}

const base = makeRegisterHandlers(matterRules)

export const matters = {
  ...base,
  list(q: ParsedInput<'matters:list'>, ctx: AppContext) {
    const day = today()
    const page = base.list(q, ctx)
    return { ...page, rows: page.rows.map((r) => withOverdue(r, day)) }
  },
  get: (input: { id: number }, ctx: AppContext) => withOverdue(base.get(input, ctx)),
  // 登记 is the timeline's first entry.
  create: (values: ParsedInput<'matters:create'>, ctx: AppContext) =>
    atomic(ctx.db, () => {
      const row = base.create(values, ctx)
      addEvent(ctx.db, {
        matterId: row.id,
        at: row.created_at,
        on: row.reported_on,
        operator: ctx.operator(),
        action: 'create',
        from: '',
        to: '待派单',
        text: `登记（${row.source}）`,
      })
      return withOverdue(row)
    }),
  update: (input: ParsedInput<'matters:update'>, ctx: AppContext) =>
    withOverdue(base.update(input, ctx)),
  restore: (input: { id: number }, ctx: AppContext) => withOverdue(base.restore(input, ctx)),
}

export function mattersDeadlines(
  _input: ParsedInput<'matters:deadlines'>,
  ctx: AppContext,
): Output<'matters:deadlines'> {
  const stored = new Map(readDeadlines(ctx.db).map((d) => [d.level, d.days]))
  return MATTER_DEADLINE_KEYS.map((level) => ({ level, days: stored.get(level) ?? 7 }))
}

export function mattersDeadlinesSave(
  input: ParsedInput<'matters:deadlines-save'>,
  ctx: AppContext,
): Output<'matters:deadlines-save'> {
  return atomic(ctx.db, () => {
    const before = mattersDeadlines({}, ctx)
    for (const d of input.deadlines) writeDeadline(ctx.db, d.level, d.days)
    const after = mattersDeadlines({}, ctx)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'matter_deadlines',
      rowId: 0,
      action: 'update',
      before: Object.fromEntries(before.map((d) => [d.level, d.days])),
      after: Object.fromEntries(after.map((d) => [d.level, d.days])),
    })
    return after
  })
}
