import type Database from 'better-sqlite3'
import { TALENT_CATEGORY, UNIT_NATURE } from '../../shared/dictionaries'
import { TERM_FILTERS, TERM_FLAG } from '../committee/committee.repo'
import { prep } from '../db/statements'

type Bucket = { name: string; count: number }

const count = (db: Database.Database, sql: string): number =>
  (prep(db, sql).get() as { n: number }).n

export function registerCounts(db: Database.Database) {
  return {
    talents: count(db, 'SELECT count(*) AS n FROM talents WHERE deleted_at IS NULL'),
    units: count(db, 'SELECT count(*) AS n FROM units WHERE deleted_at IS NULL'),
    committee: count(db, 'SELECT count(*) AS n FROM committee_members WHERE deleted_at IS NULL'),
    households: count(db, 'SELECT count(*) AS n FROM households WHERE deleted_at IS NULL'),
    grids: count(db, 'SELECT count(*) AS n FROM grids WHERE deleted_at IS NULL'),
    // Only the few deleted households are looked up, not each of 200,000 links' household.
    links: count(
      db,
      `SELECT count(*) AS n FROM household_links l WHERE l.deleted_at IS NULL
       AND l.household_id NOT IN (SELECT id FROM households WHERE deleted_at IS NOT NULL)`,
    ),
  }
}

function inDictionaryOrder(rows: Bucket[], order: readonly string[]): Bucket[] {
  return order.map((name) => ({ name, count: rows.find((r) => r.name === name)?.count ?? 0 }))
}

// Only the few deleted talents are looked up, so the count is a scan of the values' own index
// (joining 100,000 talents row by row took 100-150 ms at city scale).
export function talentsByCategory(db: Database.Database): Bucket[] {
  const rows = prep(
    db,
    `SELECT v.value AS name, count(*) AS count FROM register_values v
       WHERE v.table_name = 'talents' AND v.field = 'categories'
       AND v.row_id NOT IN (SELECT id FROM talents WHERE deleted_at IS NOT NULL) GROUP BY v.value`,
  ).all() as Bucket[]
  return inDictionaryOrder(rows, TALENT_CATEGORY)
}

// Counted on the live talents' grid index alone: the planner otherwise walks talents_sort and
// reads every talent row (0.2-1.2 s at city scale on a busy disk). Talents whose grid was deleted
// fall under 未分网格, listed last.
export function talentsByGrid(db: Database.Database): Bucket[] {
  return prep(
    db,
    `SELECT coalesce(g.name, '未分网格') AS name, sum(c.n) AS count FROM
       (SELECT grid_id, count(*) AS n FROM talents INDEXED BY talents_grid
          WHERE deleted_at IS NULL GROUP BY grid_id) c
       LEFT JOIN grids g ON g.id = c.grid_id AND g.deleted_at IS NULL
       GROUP BY g.id ORDER BY g.id IS NULL, g.code = '', g.code, g.sort_key`,
  ).all() as Bucket[]
}

export function unitsByNature(db: Database.Database): Bucket[] {
  const rows = prep(
    db,
    `SELECT nature AS name, count(*) AS count FROM units WHERE deleted_at IS NULL AND nature <> '' GROUP BY nature`,
  ).all() as Bucket[]
  return inDictionaryOrder(rows, UNIT_NATURE).filter((b) => b.count > 0)
}

export function termsEnding(db: Database.Database) {
  return prep(
    db,
    `SELECT t.id, t.name, coalesce(u.name, '') AS unit_name, t.term_end, ${TERM_FLAG} AS term_flag
       FROM committee_members t LEFT JOIN units u ON u.id = t.unit_id
       WHERE t.deleted_at IS NULL AND ${TERM_FILTERS.attention} ORDER BY t.term_end LIMIT 20`,
  ).all() as { id: number; name: string; unit_name: string; term_end: string; term_flag: string }[]
}

export function openItems(db: Database.Database) {
  const where = `i.deleted_at IS NULL AND u.deleted_at IS NULL AND i.status = '待认领'`
  const rows = prep(
    db,
    `SELECT i.id, i.unit_id, u.name AS unit_name, i.list_type, i.title, i.deadline
       FROM unit_list_items i JOIN units u ON u.id = i.unit_id WHERE ${where}
       ORDER BY i.deadline = '', i.deadline, i.id DESC LIMIT 10`,
  ).all() as {
    id: number
    unit_id: number
    unit_name: string
    list_type: string
    title: string
    deadline: string
  }[]
  const total = count(
    db,
    `SELECT count(*) AS n FROM unit_list_items i JOIN units u ON u.id = i.unit_id WHERE ${where}`,
  )
  return { rows, total }
}

/** Changes by this connection and by any other on the file: the same stamp, the same data. */
export function writeStamp(db: Database.Database): string {
  const changes = count(db, 'SELECT total_changes() AS n')
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}`
}
