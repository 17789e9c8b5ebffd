import { REGISTERS } from '../../shared/registers/registers'
import { makeChildHandlers } from '../registers/child.handlers'
import { makeRegisterHandlers } from '../registers/register.handlers'
import { checkReferences } from '../registers/references'
import { HOUSEHOLD_SELECT, HOUSEHOLD_VERIFY, LINK_SELECT, VISIT_SELECT } from './households.repo'

const spec = REGISTERS.households

export const households = makeRegisterHandlers({
  spec,
  selectSql: HOUSEHOLD_SELECT,
  verifySql: HOUSEHOLD_VERIFY,
  prepare(values, ctx) {
    checkReferences(ctx, spec.fields, values)
    return values
  },
})

export const householdLinks = makeChildHandlers({
  register: spec,
  child: spec.children[0],
  selectSql: LINK_SELECT,
})
export const householdVisits = makeChildHandlers({
  register: spec,
  child: spec.children[1],
  selectSql: VISIT_SELECT,
})
