import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import { parseIdCard } from '../../shared/validators/id-card'
import { makeChildHandlers } from '../registers/child.handlers'
import { makeRegisterHandlers, type RegisterRules } from '../registers/register.handlers'
import { checkReferences } from '../registers/references'
import {
  TALENT_SELECT,
  TALENT_SERVICE_SELECT,
  TALENT_VERIFY,
  talentWithIdCard,
} from './talents.repo'

const talentRules: RegisterRules<'talents'> = {
  spec: REGISTERS.talents,
  selectSql: TALENT_SELECT,
  verifySql: TALENT_VERIFY,
  prepare(values, ctx, id) {
    checkReferences(ctx, REGISTERS.talents.fields, values)
    const idCard = String(values.id_card ?? '')
    if (!idCard) return values
    const other = talentWithIdCard(ctx.db, idCard)
    if (other && other.id !== id) {
      throw new AppError(
        'CONFLICT',
        `身份证号与已登记的社区能人「${other.name}」相同，请勿重复登记`,
        [{ field: 'id_card', message: '该身份证号已登记' }],
      )
    }
    // The ID number is authoritative for 性别 and 出生年月.
    const parsed = parseIdCard(idCard)
    return parsed.ok ? { ...values, gender: parsed.gender, birth_month: parsed.birth } : values
  },
}

export const talents = makeRegisterHandlers(talentRules)

export const talentServices = makeChildHandlers({
  register: REGISTERS.talents,
  child: REGISTERS.talents.children[0],
  selectSql: TALENT_SERVICE_SELECT,
})
