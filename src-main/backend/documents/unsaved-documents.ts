// Documents generated while the data folder is read-only: the file is written (to a folder the
// user can write), but the list of generated documents lives in the database, so these rows are
// kept in memory for this run, with negative ids, and listed and opened like the others.
import type { AppContext } from '../app/context'
import type { GeneratedRow } from './documents.repo'

const unsaved = new WeakMap<AppContext, GeneratedRow[]>()

export function rememberUnsaved(ctx: AppContext, row: Omit<GeneratedRow, 'id'>): number {
  const list = unsaved.get(ctx) ?? []
  const id = -(list.length + 1)
  list.unshift({ id, ...row })
  unsaved.set(ctx, list)
  return id
}

export function unsavedRows(ctx: AppContext): GeneratedRow[] {
  return unsaved.get(ctx) ?? []
}

export function unsavedById(ctx: AppContext, id: number): GeneratedRow | undefined {
  return unsavedRows(ctx).find((r) => r.id === id)
}
