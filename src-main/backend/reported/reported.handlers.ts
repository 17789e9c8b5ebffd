// 在职党员双报到: the register, its 服务记录, and the one rule it shares with 共建单位 — a
// unit's 在职党员报到人数 is counted from here once any member is linked to it, and never
// exceeds the unit's 党员人数.
import type { z } from 'zod'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { DeleteInput } from '../../shared/schemas/registers.schema'
import type { AppContext } from '../app/context'
import { atomic } from '../db/statements'
import { makeChildHandlers } from '../registers/child.handlers'
import { makeRegisterHandlers, type RegisterRules } from '../registers/register.handlers'
import type { Row } from '../registers/register.repo'
import { checkReferences } from '../registers/references'
import { relinkToUnit, unlinkFromUnit, type UnitLinks } from '../registers/unit-links'
import {
  linkedToUnit,
  liveUnitIdByName,
  REPORTED_SELECT,
  REPORTED_SERVICE_SELECT,
  REPORTED_VERIFY,
  reportedOfUnit,
  syncUnitReportedCount,
  unitCapacity,
  unitOfMember,
} from './reported.repo'

const spec = REGISTERS.reported_members

/** Refuses one more 已报到 member than the unit's 党员人数. */
function checkCapacity(ctx: AppContext, values: Row, id: number | null): void {
  const unitId = values.unit_id as number | null
  if (unitId === null || values.status !== '已报到') return
  const unit = unitCapacity(ctx.db, unitId)
  if (!unit || unit.member_count === null) return
  const others = reportedOfUnit(ctx.db, unitId, id)
  if (others + 1 > unit.member_count) {
    const message = `「${unit.name}」的党员人数是 ${unit.member_count}，已有 ${others} 名在职党员报到，不能再关联；请先在共建单位中核对党员人数`
    throw new AppError('VALIDATION', message, [{ field: 'unit_id', message }])
  }
}

const rules: RegisterRules<'reported_members'> = {
  spec,
  selectSql: REPORTED_SELECT,
  verifySql: REPORTED_VERIFY,
  prepare(values, ctx, id) {
    checkReferences(ctx, spec.fields, values)
    let v = values
    const employer = String(v.employer ?? '').trim()
    // A typed (or imported) 工作单位 that is a 共建单位 is linked to it; a linked one shows its name.
    if (v.unit_id === null || v.unit_id === undefined) {
      const unitId = employer ? liveUnitIdByName(ctx.db, employer) : undefined
      if (unitId !== undefined) v = { ...v, unit_id: unitId }
    } else {
      const unit = unitCapacity(ctx.db, Number(v.unit_id))
      if (unit) v = { ...v, employer: unit.name }
    }
    checkCapacity(ctx, v, id)
    return v
  },
}

const base = makeRegisterHandlers(rules)

// Every write that can change who is linked to a unit recounts the units on both sides.
export const reportedMembers = {
  ...base,
  create(values: Row, ctx: AppContext) {
    return atomic(ctx.db, () => {
      const row = base.create(values, ctx)
      syncUnitReportedCount(ctx.db, row.unit_id)
      return row
    })
  },
  update(input: { id: number; data: Row }, ctx: AppContext) {
    return atomic(ctx.db, () => {
      const before = unitOfMember(ctx.db, input.id)
      const row = base.update(input, ctx)
      syncUnitReportedCount(ctx.db, before)
      syncUnitReportedCount(ctx.db, row.unit_id)
      return row
    })
  },
  delete(input: z.output<typeof DeleteInput>, ctx: AppContext) {
    return atomic(ctx.db, () => {
      const unitId = unitOfMember(ctx.db, input.id)
      const done = base.delete(input, ctx)
      syncUnitReportedCount(ctx.db, unitId)
      return done
    })
  },
  restore(input: { id: number }, ctx: AppContext) {
    return atomic(ctx.db, () => {
      // base.restore runs prepare, so a restore that would overfill the unit is refused.
      const row = base.restore(input, ctx)
      syncUnitReportedCount(ctx.db, row.unit_id)
      return row
    })
  },
}

/**
 * The unit's 在职党员报到人数 when members of this register are linked to it: counted, and a
 * different typed number or a 党员人数 below it is refused. Returns the values to save.
 */
export function countedReported(ctx: AppContext, values: Row, unitId: number | null): Row {
  if (unitId === null || linkedToUnit(ctx.db, unitId) === 0) return values
  const counted = reportedOfUnit(ctx.db, unitId, null)
  const typed = values.reported_count as number | null
  if (typed !== null && typed !== undefined && typed !== counted) {
    const message = `该单位的在职党员报到人数由「在职党员」台账计算（现为 ${counted} 人），不能改为 ${typed}；请在在职党员台账中增减`
    throw new AppError('VALIDATION', message, [{ field: 'reported_count', message }])
  }
  const members = values.member_count as number | null
  if (members !== null && members !== undefined && members < counted) {
    const message = `该单位已有 ${counted} 名在职党员报到，党员人数不能少于 ${counted}`
    throw new AppError('VALIDATION', message, [{ field: 'member_count', message }])
  }
  return { ...values, reported_count: counted }
}

const unitLinks: UnitLinks = { table: 'reported_members', liveOnly: true }

/** Deleting a unit keeps its reported members, with its name as their typed 工作单位. */
export const unlinkReportedFromUnit = (ctx: AppContext, unitId: number) =>
  unlinkFromUnit(ctx, unitLinks, unitId)

/** Restoring the unit undoes its deletion: the members it unlinked are linked again, counted. */
export function relinkReportedToUnit(ctx: AppContext, unitId: number): void {
  relinkToUnit(ctx, unitLinks, unitId)
  syncUnitReportedCount(ctx.db, unitId)
}

export const reportedServices = makeChildHandlers({
  register: spec,
  child: spec.children[0],
  selectSql: REPORTED_SERVICE_SELECT,
})
