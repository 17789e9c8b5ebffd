// The merged pool's current rows as records the exporters understand: lists (人才类别, 技能 …)
// as arrays, the community's name under `community`. Shared by the plain merged export and the
// fill of the district's own form, which may take the page's search and filters (仅当前筛选).
import type Database from 'better-sqlite3'
import { STREET_ROW_FIELDS } from '../../shared/registers/street.fields'
import { planSearch } from '../search/search-tokens'
import { poolPage } from './street-pool.repo'
import { currentRows, rowsByIds, type StoredRow } from './street.repo'

const LIST_KINDS = new Set(['multi', 'tags'])

/** 合并人才库's filters as the page sends them (street:list's communityId, category, grid). */
export interface PoolScope {
  search: string
  filters: Record<string, string | number>
}

function scoped(db: Database.Database, scope: PoolScope): StoredRow[] {
  const f = scope.filters
  const plan = planSearch(scope.search)
  if (scope.search.trim() && plan.match === null) return []
  const { ids } = poolPage(db, {
    match: plan.match,
    verify: plan.verify,
    communityId: f.communityId === undefined ? undefined : Number(f.communityId),
    category: f.category ? String(f.category) : undefined,
    grid: f.grid ? String(f.grid) : undefined,
    limit: 1_000_000,
    offset: 0,
  })
  return rowsByIds(db, ids)
}

export function poolRecords(db: Database.Database, scope?: PoolScope): Record<string, unknown>[] {
  const narrowed = scope && (scope.search.trim() !== '' || Object.keys(scope.filters).length > 0)
  return (narrowed ? scoped(db, scope) : currentRows(db)).map((r) => {
    const out: Record<string, unknown> = { ...r }
    for (const f of STREET_ROW_FIELDS)
      if (LIST_KINDS.has(f.kind)) out[f.key] = JSON.parse(r[f.key] || '[]') as unknown
    return out
  })
}
