// The mapping proposal for a form: each column → a register field, a computed column or 留空,
// with how sure the guess is. A mapping saved for the same header signature wins over guesses,
// so next quarter's copy of the form fills in one click with the user's own corrections.
import { sheetColumns } from '../../../shared/registers/columns'
import type { RegisterKey } from '../../../shared/registers/registers'
import { BLANK, COMPUTED, isComputed, matchLabel, type Confidence } from './form-labels'
import type { FormColumn } from './form-reader'

export type MappingConfidence = Confidence | 'saved' | 'formula' | 'none'

export interface ProposedColumn extends FormColumn {
  /** A field key, a computed key (calc:…), 'blank', or '' when nothing fits. */
  target: string
  confidence: MappingConfidence
}

/** Column letter → target, as saved and as sent back by the UI and the CLI. */
export type FormMapping = Record<string, string>

export function proposeMapping(
  key: RegisterKey,
  columns: FormColumn[],
  saved: FormMapping | null,
): ProposedColumn[] {
  return columns.map((c) => {
    const remembered = saved?.[c.letter]
    if (remembered !== undefined && isTarget(key, remembered))
      return { ...c, target: remembered, confidence: 'saved' }
    // A column the form computes by formula keeps its formula.
    if (c.formula) return { ...c, target: BLANK, confidence: 'formula' }
    const found = matchLabel(key, c.leaf) ?? matchLabel(key, c.label)
    return found ? { ...c, ...found } : { ...c, target: '', confidence: 'none' }
  })
}

export function isTarget(key: RegisterKey, target: string): boolean {
  return (
    target === BLANK ||
    (isComputed(target) && matchAllowed(key, target)) ||
    sheetColumns(key).some((c) => c.key === target)
  )
}

function matchAllowed(key: RegisterKey, target: keyof typeof COMPUTED): boolean {
  const cols = sheetColumns(key)
  if (target === 'calc:age')
    return cols.some((c) => c.key === 'birth_month' || c.field.kind === 'idcard')
  if (target === 'calc:is_party') return cols.some((c) => c.key === 'political_status')
  if (target === 'calc:gender') return cols.some((c) => c.field.kind === 'idcard')
  return true
}

/** Every choice the mapping select offers for a register: fields, computed columns, 留空. */
export function targetChoices(key: RegisterKey): { value: string; label: string; group: string }[] {
  return [
    ...sheetColumns(key).map((c) => ({ value: c.key, label: c.label, group: '登记簿字段' })),
    ...(Object.keys(COMPUTED) as (keyof typeof COMPUTED)[])
      .filter((k) => matchAllowed(key, k))
      .map((k) => ({ value: k, label: COMPUTED[k].label, group: '自动计算' })),
    { value: BLANK, label: '留空（不填这一列）', group: '其他' },
  ]
}
