import type { Output, ParsedInput } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { makeChildHandlers } from '../registers/child.handlers'
import {
  indexRecord,
  makeRegisterHandlers,
  type RegisterRules,
} from '../registers/register.handlers'
import { fromStored, nameOf, selectOne } from '../registers/register.repo'
import { checkReferences } from '../registers/references'
import { relinkToUnit, unlinkFromUnit, type UnitLinks } from '../registers/unit-links'
import {
  attendanceOf,
  COMMITTEE_SELECT,
  COMMITTEE_VERIFY,
  memberIdsOfUnit,
  REVIEW_SELECT,
  TERM_ORDER,
  TERM_FILTERS,
} from './committee.repo'

const spec = REGISTERS.committee

const committeeRules: RegisterRules<'committee'> = {
  spec,
  selectSql: COMMITTEE_SELECT,
  verifySql: COMMITTEE_VERIFY,
  prepare(values, ctx) {
    checkReferences(ctx, spec.fields, values)
    if (String(values.term_end) < String(values.term_start)) {
      throw new AppError('VALIDATION', '任期止不能早于任期起', [
        { field: 'term_end', message: '任期止不能早于任期起' },
      ])
    }
    return values
  },
  extraSearchText: (values, ctx) => [
    nameOf(ctx.db, 'units', 'name', (values.unit_id as number | null) ?? null),
  ],
  extraFilters: {
    term: (value) => {
      const sql = TERM_FILTERS[String(value) as keyof typeof TERM_FILTERS]
      if (!sql) throw new AppError('VALIDATION', '任期筛选只能是：即将到期、已到期')
      return { sql, params: [] }
    },
  },
  filterOrder: { term: TERM_ORDER },
}

export const committee = makeRegisterHandlers(committeeRules)

function reloadValues(ctx: AppContext, id: number) {
  const row = selectOne(ctx.db, COMMITTEE_SELECT, id)
  return row ? fromStored(spec.fields, row) : undefined
}

export function reindexMembersOfUnit(ctx: AppContext, unitId: number): void {
  for (const id of memberIdsOfUnit(ctx.db, unitId)) {
    const values = reloadValues(ctx, id)
    if (values) indexRecord(ctx, committeeRules, id, values)
  }
}

// A unit's deletion clears its members' link (each re-indexed: their search text has its name).
const unitLinks: UnitLinks = {
  table: 'committee_members',
  liveOnly: false,
  changed(ctx, id) {
    const values = reloadValues(ctx, id)
    if (values) indexRecord(ctx, committeeRules, id, values)
  },
}

export const unlinkMembersFromUnit = (ctx: AppContext, unitId: number) =>
  unlinkFromUnit(ctx, unitLinks, unitId)

export const relinkMembersToUnit = (ctx: AppContext, unitId: number) =>
  relinkToUnit(ctx, unitLinks, unitId)

export const committeeReviews = makeChildHandlers({
  register: spec,
  child: spec.children[0],
  selectSql: REVIEW_SELECT,
  conflictMessage: (v) => `该委员 ${String(v.year)} 年度的双诺双述双评记录已存在，请直接修改那一条`,
})

export function committeeAttendance(
  input: ParsedInput<'committee:attendance'>,
  ctx: AppContext,
): Output<'committee:attendance'> {
  committee.get(input, ctx) // a clear 不存在 message for an unknown member
  return attendanceOf(ctx.db, input.id)
}
