import type { FieldDef } from './field-def'

/** A stored value as plain text (lists joined with 、, ids through the row's *_name column). */
export function displayText(f: FieldDef, row: Record<string, unknown>): string {
  const v = row[f.key]
  if (v === null || v === undefined || v === '') return ''
  if (Array.isArray(v)) return v.join('、')
  if (f.kind === 'bool') return v ? '是' : '否'
  if (f.kind === 'grid' || f.kind === 'unit')
    return String(row[f.key.replace(/_id$/, '_name')] ?? '')
  return String(v)
}
