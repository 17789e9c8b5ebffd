// The form's duplicate check: before a new (or edited) record is saved, the records already on
// file that the import would flag as the same person or unit (身份证号, or 姓名 + 电话), so the
// form can warn and offer to open the existing one instead of silently saving a second.
import type { z } from 'zod'
import type { Output, ParsedInput } from '../../shared/contract'
import { fieldSchema } from '../../shared/registers/field-def'
import { REGISTERS, type RegisterKey } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { liveMatches } from './register.repo'

/** Each field's own schema, as the register's input schema is made of them. */
const FIELD_SCHEMAS = new Map<string, z.ZodType>()
function schemaOf(key: RegisterKey, field: string): z.ZodType | undefined {
  const id = `${key}.${field}`
  if (!FIELD_SCHEMAS.has(id)) {
    const f = REGISTERS[key].fields.find((x) => x.key === field)
    if (!f) return undefined
    FIELD_SCHEMAS.set(id, fieldSchema(f))
  }
  return FIELD_SCHEMAS.get(id)
}

type Check = { match: Record<string, string>; reason: string }

function checks(key: RegisterKey, v: Record<string, unknown>): Check[] {
  const s = (k: string) => String(v[k] ?? '').trim()
  const both = (a: string, b: string, reason: string): Check[] =>
    s(a) && s(b) ? [{ match: { [a]: s(a), [b]: s(b) }, reason }] : []
  if (key === 'talents')
    return [
      ...(s('id_card') ? [{ match: { id_card: s('id_card') }, reason: '身份证号相同' }] : []),
      ...both('name', 'phone', '姓名和联系电话相同'),
    ]
  if (key === 'units')
    return s('name') ? [{ match: { name: s('name') }, reason: '单位名称相同' }] : []
  if (key === 'committee' || key === 'reported_members')
    return both('name', 'phone', '姓名和联系电话相同')
  return both('head_name', 'phone', '户主姓名和联系电话相同')
}

/**
 * Compares what would be stored (a phone typed 「138 1234 5678」 is stored as 13812345678),
 * field by field, because the form may still be half-filled.
 */
function normalised(key: RegisterKey, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) {
    const parsed = schemaOf(key, k)?.safeParse(v)
    out[k] = parsed?.success ? parsed.data : v
  }
  return out
}

export function findDuplicates(
  input: ParsedInput<'registers:duplicates'>,
  ctx: AppContext,
): Output<'registers:duplicates'> {
  const spec = REGISTERS[input.register]
  const values = normalised(input.register, input.values)
  const found = new Map<number, { id: number; name: string; reason: string }>()
  for (const c of checks(input.register, values)) {
    for (const r of liveMatches(ctx.db, spec.table, spec.nameField, c.match, input.id)) {
      const seen = found.get(r.id)
      found.set(r.id, { ...r, reason: seen ? `${seen.reason}，${c.reason}` : c.reason })
    }
  }
  return [...found.values()]
}
