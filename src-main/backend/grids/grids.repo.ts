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

/** Where records point at a 网格: the table, its grid column, and how it is named. */
export const GRID_REFERENCES = [
  {
    register: 'talents',
    table: 'talents',
    column: 'grid_id',
    label: '社区能人',
    nameColumn: 'name',
  },
  {
    register: 'households',
    table: 'households',
    column: 'grid_id',
    label: '党员中心户',
    nameColumn: 'head_name',
  },
  {
    register: 'committee',
    table: 'committee_members',
    column: 'duty_grid_id',
    label: '兼职委员（联系网格）',
    nameColumn: 'name',
  },
  {
    register: 'reported_members',
    table: 'reported_members',
    column: 'grid_id',
    label: '在职党员（居住网格）',
    nameColumn: 'name',
  },
] as const

export function countInGrid(
  db: Database.Database,
  ref: (typeof GRID_REFERENCES)[number],
  gridId: number,
  trash = false,
): number {
  return (
    prep(
      db,
      `SELECT count(*) AS n FROM ${ref.table} WHERE ${ref.column} = ? AND deleted_at IS ${trash ? 'NOT NULL' : 'NULL'}`,
    ).get(gridId) as { n: number }
  ).n
}

/** Every record (回收站 included) in the grid, for moving it elsewhere. */
export function recordsInGrid(
  db: Database.Database,
  ref: (typeof GRID_REFERENCES)[number],
  gridId: number,
): { id: number; name: string }[] {
  return prep(
    db,
    `SELECT id, ${ref.nameColumn} AS name FROM ${ref.table} WHERE ${ref.column} = ?`,
  ).all(gridId) as { id: number; name: string }[]
}

export function moveRecordGrid(
  db: Database.Database,
  ref: (typeof GRID_REFERENCES)[number],
  id: number,
  to: number,
  stamp: string,
): void {
  prep(db, `UPDATE ${ref.table} SET ${ref.column} = ?, updated_at = ? WHERE id = ?`).run(
    to,
    stamp,
    id,
  )
}
