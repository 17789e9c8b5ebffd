// Old ledgers name their 网格 in free text: 「第一网格」 where the grid is 「第一网格（锦华苑）」, or
// names that are not grids yet. Names that match a grid on the part before a bracket are
// mapped to it (and the mapping is shown); the others stand in as placeholder ids far above
// any real one, so rows validate in the preview unchanged. Only grids used by rows that will
// actually be imported are offered for creation, and created in the import's transaction.
import { nowStamp } from '../../shared/dates'
import type { FieldDef } from '../../shared/registers/field-def'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { insertGrid } from '../grids/grids.repo'
import type { SheetRows } from './sheet-reader'

const PLACEHOLDER_BASE = 1_000_000_000

/** 「第一网格（锦华苑）」 and 「第一网格(锦华苑)」 → 「第一网格」. */
function baseName(name: string): string {
  return name.split(/[（(【[]/)[0]?.trim() ?? ''
}

const NUMERAL = /[0-9零〇一二两三四五六七八九十百]/

/**
 * Names one character apart (第一网络 / 第一网格): a typo rather than a new grid. A different
 * number is a different grid (第五网格 / 第一网格), not a typo.
 */
function oneApart(a: string, b: string): boolean {
  const x = [...a]
  const y = [...b]
  if (Math.abs(x.length - y.length) > 1 || a === b) return false
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i]) i++
  const tail = (p: string[], from: number) => p.slice(from).join('')
  const numeral = (c: string | undefined) => c !== undefined && NUMERAL.test(c)
  if (x.length === y.length)
    return tail(x, i + 1) === tail(y, i + 1) && !(numeral(x[i]) && numeral(y[i]))
  const [long, short] = x.length > y.length ? [x, y] : [y, x]
  return tail(long, i + 1) === tail(short, i) && !numeral(long[i])
}

export interface SheetGrids {
  /** Sheet text → the grid it was matched to by its name before a bracket. */
  matches: { sheet: string; grid: string }[]
  /** New names that look like a typo of an existing grid, to warn before they are created. */
  typos: { sheet: string; grid: string }[]
  /** Placeholder id → sheet text, for names that are not grids yet. */
  unknown: Map<number, string>
}

/**
 * Reads the grid names the sheet uses and extends `known` (name → id) so that each resolves:
 * bracket matches to their grid, unknown names to placeholders.
 */
export function resolveSheetGrids(
  body: SheetRows,
  gridColumns: number[],
  known: Map<string, number>,
): SheetGrids {
  const byBase = new Map<string, { id: number; name: string } | null>()
  for (const [name, id] of known) {
    const base = baseName(name)
    // Two grids with the same base name: ambiguous, so neither is matched.
    byBase.set(base, byBase.has(base) ? null : { id, name })
  }
  const out: SheetGrids = { matches: [], typos: [], unknown: new Map() }
  const existing = [...known.keys()]
  for (const cells of body)
    for (const i of gridColumns) {
      const text = cells[i]?.text.trim() ?? ''
      if (!text || known.has(text) || text.length > 50) continue
      const base = baseName(text)
      const hit =
        (known.has(base) ? { id: known.get(base) ?? 0, name: base } : null) ?? byBase.get(base)
      if (hit) {
        known.set(text, hit.id)
        out.matches.push({ sheet: text, grid: hit.name })
      } else {
        const id = PLACEHOLDER_BASE + out.unknown.size
        known.set(text, id)
        out.unknown.set(id, text)
        const like = existing.find((g) => oneApart(text, g) || oneApart(base, baseName(g)))
        if (like && text.length >= 3) out.typos.push({ sheet: text, grid: like })
      }
    }
  return out
}

/** The not-yet-existing grid names a row's values use. */
export function unknownGridsOf(
  fields: readonly FieldDef[],
  values: Record<string, unknown>,
  unknown: Map<number, string>,
): string[] {
  const out: string[] = []
  for (const f of fields) {
    const v = values[f.key]
    if (f.kind === 'grid' && typeof v === 'number' && unknown.has(v)) out.push(unknown.get(v) ?? '')
  }
  return out
}

/** Creates the grids (inside the caller's transaction) and swaps placeholders for real ids. */
export function createGridsAndResolve(
  ctx: AppContext,
  names: string[],
  unknown: Map<number, string>,
  fields: readonly FieldDef[],
  rows: Record<string, unknown>[],
): void {
  if (names.length === 0) return
  const now = nowStamp()
  const ids = new Map<string, number>()
  for (const name of names) {
    const id = insertGrid(ctx.db, { name, code: '', leader: '', phone: '', note: '' }, now)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'grids',
      rowId: id,
      action: 'create',
      after: { name, source: 'import' },
    })
    ids.set(name, id)
  }
  const gridKeys = fields.filter((f) => f.kind === 'grid').map((f) => f.key)
  for (const row of rows)
    for (const k of gridKeys) {
      const v = row[k]
      if (typeof v === 'number' && v >= PLACEHOLDER_BASE) row[k] = ids.get(unknown.get(v) ?? '')
    }
}
