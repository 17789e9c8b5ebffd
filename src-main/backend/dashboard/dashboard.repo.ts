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
    links: count(
      db,
      `SELECT count(*) AS n FROM household_links l JOIN households h ON h.id = l.household_id
       WHERE l.deleted_at IS NULL AND h.deleted_at IS NULL`,
    ),
  }
}

function inDictionaryOrder(rows: Bucket[], order: readonly string[]): Bucket[] {
  return order.map((name) => ({ name, count: rows.find((r) => r.name === name)?.count ?? 0 }))
}

export function talentsByCategory(db: Database.Database): Bucket[] {
  const rows = prep(
    db,
    `SELECT v.value AS name, count(*) AS count FROM register_values v JOIN talents t ON t.id = v.row_id
       WHERE v.table_name = 'talents' AND v.field = 'categories' AND t.deleted_at IS NULL GROUP BY v.value`,
  ).all() as Bucket[]
  return inDictionaryOrder(rows, TALENT_CATEGORY)
}

export function talentsByGrid(db: Database.Database): Bucket[] {
  return prep(
    db,
    `SELECT coalesce(g.name, '未分网格') AS name, count(*) AS count FROM talents t
       LEFT JOIN grids g ON g.id = t.grid_id AND g.deleted_at IS NULL
       WHERE t.deleted_at IS NULL GROUP BY g.id ORDER BY g.code = '', g.code, g.sort_key`,
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
