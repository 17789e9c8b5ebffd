// The one rule for which values of a register row are personal and how they are masked
// (个人信息保护法): the CLI list, the printed rosters and the Excel export all ask it.
import { maskIdCard, maskPhone } from '../mask'
import type { FieldDef } from './field-def'

export type PersonalKind = 'id' | 'phone'

/** Whether a field holds personal data that is masked unless the user asks otherwise. */
export function personalKind(f: FieldDef): PersonalKind | null {
  if (f.kind === 'idcard') return 'id'
  if (f.kind === 'phone') return 'phone'
  return null
}

/** A copy of the row with every non-empty phone and ID number among `fields` masked. */
export function maskRecord<R extends Record<string, unknown>>(
  fields: readonly FieldDef[],
  row: R,
): R {
  const out: Record<string, unknown> = { ...row }
  for (const f of fields) {
    const kind = personalKind(f)
    const v = row[f.key]
    if (!kind || typeof v !== 'string' || v === '') continue
    out[f.key] = kind === 'id' ? maskIdCard(v) : maskPhone(v)
  }
  return out as R
}
