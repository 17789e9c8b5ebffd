// The merged pool's current rows as records the exporters understand: lists (人才类别, 技能 …)
// as arrays, the community's name under `community`. Shared by the plain merged export and the
// fill of the district's own form.
import type Database from 'better-sqlite3'
import { STREET_ROW_FIELDS } from '../../shared/registers/street.fields'
import { currentRows } from './street.repo'

const LIST_KINDS = new Set(['multi', 'tags'])

export function poolRecords(db: Database.Database): Record<string, unknown>[] {
  return currentRows(db).map((r) => {
    const out: Record<string, unknown> = { ...r }
    for (const f of STREET_ROW_FIELDS)
      if (LIST_KINDS.has(f.kind)) out[f.key] = JSON.parse(r[f.key] || '[]') as unknown
    return out
  })
}
