// The fields of a talent as the street keeps it from a community's submission: the talent
// register's fields, with 所属网格 as plain text (the grid lives in the community's database).
import type { FieldDef } from './field-def'
import { TALENT_FIELDS } from './talents.fields'

export const STREET_GRID_FIELD: FieldDef = { key: 'grid', label: '所属网格', kind: 'text' }
export const STREET_COMMUNITY_FIELD: FieldDef = { key: 'community', label: '社区', kind: 'text' }

export const STREET_ROW_FIELDS: readonly FieldDef[] = TALENT_FIELDS.map((f) =>
  f.key === 'grid_id' ? STREET_GRID_FIELD : (f as FieldDef),
)

/** The stored text columns of a street row, in the migration's order. */
export const STREET_ROW_KEYS = STREET_ROW_FIELDS.map((f) => f.key)

/** The merged export: 社区 first, then the street's roster columns (DOMAIN.md). */
export const STREET_EXPORT_KEYS = [
  'community',
  'name',
  'gender',
  'birth_month',
  'political_status',
  'phone',
  'grid',
  'categories',
  'skills',
  'domains',
  'work_status',
  'employer',
  'discovery',
  'joined_on',
  'note',
] as const
