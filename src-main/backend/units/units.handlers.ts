import type { Output, ParsedInput } from '../../shared/contract'
import { pinyinKeys } from '../search/search-tokens'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import {
  reindexMembersOfUnit,
  relinkMembersToUnit,
  unlinkMembersFromUnit,
} from '../committee/committee.handlers'
import { makeChildHandlers } from '../registers/child.handlers'
import { makeRegisterHandlers, type RegisterRules } from '../registers/register.handlers'
import { checkReferences } from '../registers/references'
import {
  countedReported,
  relinkReportedToUnit,
  unlinkReportedFromUnit,
} from '../reported/reported.handlers'
import { membersOfUnit } from '../reported/reported.repo'
import {
  liveUnitByName,
  UNIT_ITEM_SELECT,
  UNIT_SELECT,
  UNIT_VERIFY,
  unitMembers,
  unitOptions,
} from './units.repo'

const unitRules: RegisterRules<'units'> = {
  spec: REGISTERS.units,
  selectSql: UNIT_SELECT,
  verifySql: UNIT_VERIFY,
  prepare(values, ctx, id) {
    const name = String(values.name ?? '')
    const other = liveUnitByName(ctx.db, name)
    if (other && other.id !== id) {
      throw new AppError('CONFLICT', `已有名为「${name}」的共建单位，单位名称不能重复`, [
        { field: 'name', message: '单位名称已存在' },
      ])
    }
    return countedReported(ctx, values, id)
  },
  // A member's search text includes the unit name, so a rename refreshes them.
  afterSave: (ctx, id) => reindexMembersOfUnit(ctx, id),
  beforeDelete(ctx, id, input) {
    unlinkReportedFromUnit(ctx, id)
    const members = unitMembers(ctx.db, id)
    if (members.length === 0) return
    if (input.committee !== 'unlink') {
      const names = members
        .slice(0, 5)
        .map((m) => m.name)
        .join('、')
      throw AppError.needsConfirmation(
        `该单位还有 ${members.length} 名兼职委员（${names}${members.length > 5 ? '等' : ''}）。删除单位时将解除他们与该单位的关联，委员记录本身保留；从回收站恢复该单位时会重新关联。`,
        { kind: 'unlink_committee', count: members.length },
      )
    }
    unlinkMembersFromUnit(ctx, id)
  },
  afterRestore: (ctx, id) => {
    relinkMembersToUnit(ctx, id)
    relinkReportedToUnit(ctx, id)
  },
}

const base = makeRegisterHandlers(unitRules)

export const units = {
  ...base,
  get(input: { id: number }, ctx: AppContext) {
    return {
      ...base.get(input, ctx),
      members: unitMembers(ctx.db, input.id),
      reported: membersOfUnit(ctx.db, input.id),
    }
  },
}

export function unitsOptions(
  _input: ParsedInput<'units:options'>,
  ctx: AppContext,
): Output<'units:options'> {
  // The keys are stored with each unit (10k names read into pinyin took 0.5–0.9 s per start).
  return unitOptions(ctx.db).map((u) => (u.keys ? u : { ...u, keys: pinyinKeys(u.name) }))
}

export const unitListItems = makeChildHandlers({
  register: REGISTERS.units,
  child: REGISTERS.units.children[0],
  selectSql: UNIT_ITEM_SELECT,
  prepare(values, ctx) {
    checkReferences(ctx, REGISTERS.units.children[0].fields, values)
    if (values.status === '已认领' && values.claimed_by_unit_id === null) {
      throw new AppError('VALIDATION', '状态为「已认领」时请选择认领单位', [
        { field: 'claimed_by_unit_id', message: '请选择认领单位' },
      ])
    }
    return values
  },
})
