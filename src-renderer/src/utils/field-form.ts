// Form helpers for register fields: blank values, rules from the shared field schemas, and
// how a stored value reads in a table or a detail view.
import type { FormItemRule } from 'element-plus'
import { displayText } from '@shared/registers/display'
import { fieldSchema, type FieldDef } from '@shared/registers/field-def'
import dayjs from 'dayjs'
import { zodRule } from './zod-rules'

export type Values = Record<string, unknown>

export function blankValue(f: FieldDef): unknown {
  if (f.kind === 'multi' || f.kind === 'tags') return []
  if (f.kind === 'int' || f.kind === 'decimal' || f.kind === 'grid' || f.kind === 'unit')
    return null
  if (f.kind === 'bool') return false
  if (f.initial === 'today') return dayjs().format('YYYY-MM-DD')
  return f.initial ?? ''
}

export function blankRecord(fields: readonly FieldDef[]): Values {
  return Object.fromEntries(fields.map((f) => [f.key, blankValue(f)]))
}

/** The editable part of a stored record (drops id, timestamps and derived columns). */
export function editable(fields: readonly FieldDef[], row: object): Values {
  const values: Values = { ...row }
  return Object.fromEntries(fields.map((f) => [f.key, values[f.key] ?? blankValue(f)]))
}

export function rulesFor(fields: readonly FieldDef[]): Record<string, FormItemRule[]> {
  return Object.fromEntries(
    fields.map((f) => [f.key, [zodRule(fieldSchema(f), f.required === true, blankValue(f))]]),
  )
}

/** A stored value as text; a grid/unit id falls back to the loaded choices for its name. */
export function displayValue(
  f: FieldDef,
  row: Values,
  names: { grid?: (id: number) => string; unit?: (id: number) => string } = {},
): string {
  const text = displayText(f, row)
  const v = row[f.key]
  if (text || v === null || v === undefined) return text
  if (f.kind === 'grid') return names.grid?.(Number(v)) ?? ''
  if (f.kind === 'unit') return names.unit?.(Number(v)) ?? ''
  return text
}

export function groupsOf(fields: readonly FieldDef[]): { name: string; fields: FieldDef[] }[] {
  const groups: { name: string; fields: FieldDef[] }[] = []
  for (const f of fields) {
    const name = f.group ?? ''
    let g = groups.find((x) => x.name === name)
    if (!g) groups.push((g = { name, fields: [] }))
    g.fields.push(f)
  }
  return groups
}
