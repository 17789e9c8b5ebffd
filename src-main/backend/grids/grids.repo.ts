import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type { Grid, GridInput } from '../../shared/schemas/grids.schema'
import { prep } from '../db/statements'
import { sortKey } from '../search/sort-key'

type GridValues = z.output<typeof GridInput>
export type GridRow = z.output<typeof Grid>

const FIELDS = 'id, name, code, leader, phone, note, created_at, updated_at'

export function listGrids(db: Database.Database): GridRow[] {
  // By code when one is given, then by name in pinyin order with numbers by value
  // (第2网格 before 第10网格, 第二 before 第十): see search/sort-key.ts.
  return prep(
    db,
    `SELECT ${FIELDS} FROM grids WHERE deleted_at IS NULL ORDER BY code = '', code, sort_key`,
  ).all() as GridRow[]
}

export function getGrid(db: Database.Database, id: number): GridRow | undefined {
  return prep(db, `SELECT ${FIELDS} FROM grids WHERE id = ? AND deleted_at IS NULL`).get(id) as
    GridRow | undefined
}

export function findLiveGridByName(
  db: Database.Database,
  name: string,
): { id: number } | undefined {
  return prep(db, 'SELECT id FROM grids WHERE name = ? AND deleted_at IS NULL').get(name) as
    { id: number } | undefined
}

export function insertGrid(db: Database.Database, v: GridValues, stamp: string): number {
  const r = prep(
    db,
    `INSERT INTO grids (name, code, leader, phone, note, sort_key, created_at, updated_at)
       VALUES (@name, @code, @leader, @phone, @note, @sortKey, @stamp, @stamp)`,
  ).run({ ...v, sortKey: sortKey(v.name), stamp })
  return Number(r.lastInsertRowid)
}

export function updateGrid(db: Database.Database, id: number, v: GridValues, stamp: string): void {
  prep(
    db,
    `UPDATE grids SET name = @name, code = @code, leader = @leader, phone = @phone, note = @note,
       sort_key = @sortKey, updated_at = @stamp WHERE id = @id AND deleted_at IS NULL`,
  ).run({ ...v, id, sortKey: sortKey(v.name), stamp })
}

export function softDeleteGrid(db: Database.Database, id: number, stamp: string): void {
  prep(
    db,
    'UPDATE grids SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  ).run(stamp, stamp, id)
}

export function countGrids(db: Database.Database): number {
  return (
    prep(db, 'SELECT count(*) AS n FROM grids WHERE deleted_at IS NULL').get() as { n: number }
  ).n
}
