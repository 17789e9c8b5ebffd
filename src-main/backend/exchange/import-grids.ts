// Old ledgers name their 网格 in free text; a fresh install has none yet. When the user agrees,
// unknown grid names become new grids in the import's own transaction. Until then they stand
// in as placeholder ids far above any real one, so rows validate in the preview unchanged.
import { nowStamp } from '../../shared/dates'
import type { FieldDef } from '../../shared/registers/field-def'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { insertGrid } from '../grids/grids.repo'
import type { SheetRows } from './sheet-reader'

const PLACEHOLDER_BASE = 1_000_000_000

/** Grid names used in the sheet's grid columns that are not grids yet, in order of appearance. */
export function unknownGridNames(
  body: SheetRows,
  gridColumns: number[],
  known: Map<string, number>,
): string[] {
  const out: string[] = []
  for (const cells of body)
    for (const i of gridColumns) {
      const name = cells[i]?.text.trim() ?? ''
      if (name && !known.has(name) && !out.includes(name) && name.length <= 50) out.push(name)
    }
  return out
}

export function addPlaceholders(names: string[], known: Map<string, number>): void {
  names.forEach((n, i) => known.set(n, PLACEHOLDER_BASE + i))
}

/** Creates the grids (inside the caller's transaction) and swaps placeholders for real ids. */
export function createGridsAndResolve(
  ctx: AppContext,
  names: string[],
  fields: readonly FieldDef[],
  rows: Record<string, unknown>[],
): void {
  if (names.length === 0) return
  const now = nowStamp()
  const ids = names.map((name) => {
    const id = insertGrid(ctx.db, { name, code: '', leader: '', phone: '', note: '' }, now)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: id,
      action: 'create',
      after: { name, source: 'import' },
    })
    return id
  })
  const gridKeys = fields.filter((f) => f.kind === 'grid').map((f) => f.key)
  for (const row of rows)
    for (const k of gridKeys) {
      const v = row[k]
      if (typeof v === 'number' && v >= PLACEHOLDER_BASE) row[k] = ids[v - PLACEHOLDER_BASE]
    }
}
