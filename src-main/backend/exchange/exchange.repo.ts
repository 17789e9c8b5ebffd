import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export interface PresetRow {
  id: number
  register: string
  name: string
  columns: string[]
  updated_at: string
}

export function listPresets(db: Database.Database, register: string): PresetRow[] {
  const rows = prep(
    db,
    'SELECT id, register, name, columns_json, updated_at FROM export_presets WHERE register = ? AND deleted_at IS NULL ORDER BY name',
  ).all(register) as (Omit<PresetRow, 'columns'> & { columns_json: string })[]
  return rows.map(({ columns_json, ...r }) => ({
    ...r,
    columns: JSON.parse(columns_json) as string[],
  }))
}

export function upsertPreset(
  db: Database.Database,
  register: string,
  name: string,
  columns: string[],
  stamp: string,
): number {
  const existing = prep(
    db,
    'SELECT id FROM export_presets WHERE register = ? AND name = ? AND deleted_at IS NULL',
  ).get(register, name) as { id: number } | undefined
  if (existing) {
    prep(db, 'UPDATE export_presets SET columns_json = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(columns),
      stamp,
      existing.id,
    )
    return existing.id
  }
  const r = prep(
    db,
    'INSERT INTO export_presets (register, name, columns_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(register, name, JSON.stringify(columns), stamp, stamp)
  return Number(r.lastInsertRowid)
}

export function deletePreset(db: Database.Database, id: number, stamp: string): boolean {
  return (
    prep(db, 'UPDATE export_presets SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(
      stamp,
      id,
    ).changes > 0
  )
}

/** A live record with the same identifying values (e.g. 身份证号, or 姓名 + 电话). */
export function findLive(
  db: Database.Database,
  table: string,
  match: Record<string, string>,
): number | undefined {
  const cols = Object.keys(match)
  const row = prep(
    db,
    `SELECT id FROM ${table} WHERE deleted_at IS NULL AND ${cols.map((c) => `${c} = ?`).join(' AND ')} LIMIT 1`,
  ).get(...cols.map((c) => match[c])) as { id: number } | undefined
  return row?.id
}

export function namesToIds(db: Database.Database, table: 'grids' | 'units'): Map<string, number> {
  const rows = prep(db, `SELECT id, name FROM ${table} WHERE deleted_at IS NULL`).all() as {
    id: number
    name: string
  }[]
  return new Map(rows.map((r) => [r.name, r.id]))
}
