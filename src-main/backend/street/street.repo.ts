// All SQL of 街道 mode: the street's setting, its communities, submissions and their rows,
// and the merged pool's queries. Every pool query asks for current rows (`current = 1`, kept on
// each row), and only current rows carry 人才类别 rows, so counts by category read one index.
import type Database from 'better-sqlite3'
import { STREET_ROW_KEYS } from '../../shared/registers/street.fields'
import { prep } from '../db/statements'

export interface StreetSettingsRow {
  unit_mode: '社区' | '街道'
  period: string
  chosen: number
}

export function readStreetSettings(db: Database.Database): StreetSettingsRow | undefined {
  return prep(db, 'SELECT unit_mode, period, chosen FROM street_settings WHERE id = 1').get() as
    StreetSettingsRow | undefined
}

export function writeStreetSettings(
  db: Database.Database,
  v: { mode: string; period: string },
  stamp: string,
): void {
  prep(
    db,
    `INSERT INTO street_settings (id, unit_mode, period, chosen, updated_at)
     VALUES (1, @mode, @period, 1, @stamp)
     ON CONFLICT (id) DO UPDATE SET unit_mode = excluded.unit_mode, period = excluded.period,
       chosen = 1, updated_at = excluded.updated_at`,
  ).run({ ...v, stamp })
}

export interface CommunityRow {
  id: number
  name: string
}

export function communityByName(db: Database.Database, name: string): CommunityRow | undefined {
  return prep(db, 'SELECT id, name FROM street_communities WHERE name = ?').get(name) as
    CommunityRow | undefined
}

export function ensureCommunity(db: Database.Database, name: string, stamp: string): CommunityRow {
  prep(db, 'INSERT OR IGNORE INTO street_communities (name, created_at) VALUES (?, ?)').run(
    name,
    stamp,
  )
  return communityByName(db, name) as CommunityRow
}

export function listCommunities(db: Database.Database): CommunityRow[] {
  return prep(db, 'SELECT id, name FROM street_communities ORDER BY name').all() as CommunityRow[]
}

export interface SubmissionRow {
  id: number
  community_id: number
  community: string
  period: string
  file_name: string
  source: string
  row_count: number
  imported_at: string
  replaced_by: number | null
}

const SUBMISSION_SELECT = `SELECT s.id, s.community_id, c.name AS community, s.period, s.file_name,
  s.source, s.row_count, s.imported_at, s.replaced_by
  FROM street_submissions s JOIN street_communities c ON c.id = s.community_id`

export function submissionBySha(db: Database.Database, sha: string): SubmissionRow | undefined {
  return prep(db, `${SUBMISSION_SELECT} WHERE s.sha256 = ?`).get(sha) as SubmissionRow | undefined
}

export function submissionById(db: Database.Database, id: number): SubmissionRow | undefined {
  return prep(db, `${SUBMISSION_SELECT} WHERE s.id = ?`).get(id) as SubmissionRow | undefined
}

export function submissionsOf(db: Database.Database, communityId: number): SubmissionRow[] {
  return prep(db, `${SUBMISSION_SELECT} WHERE s.community_id = ? ORDER BY s.id DESC`).all(
    communityId,
  ) as SubmissionRow[]
}

export function allSubmissions(db: Database.Database): SubmissionRow[] {
  return prep(db, `${SUBMISSION_SELECT} ORDER BY s.id`).all() as SubmissionRow[]
}

export function currentSubmissionOf(
  db: Database.Database,
  communityId: number,
): SubmissionRow | undefined {
  return prep(
    db,
    `${SUBMISSION_SELECT} WHERE s.community_id = ? AND s.replaced_by IS NULL ORDER BY s.id DESC`,
  ).get(communityId) as SubmissionRow | undefined
}

export function insertSubmission(
  db: Database.Database,
  s: Omit<SubmissionRow, 'id' | 'community' | 'replaced_by'> & { sha256: string },
): number {
  return Number(
    prep(
      db,
      `INSERT INTO street_submissions (community_id, period, file_name, sha256, source, row_count, imported_at)
       VALUES (@community_id, @period, @file_name, @sha256, @source, @row_count, @imported_at)`,
    ).run(s).lastInsertRowid,
  )
}

/**
 * The old submission leaves the merged pool; its rows stay for comparing. Its search tokens
 * stay too (every pool query asks for current rows), since deleting 500 rows from the FTS
 * index was most of a resubmission's time; its 人才类别 rows go, so category counts stay
 * index-only.
 */
export function retireSubmission(db: Database.Database, oldId: number, newId: number): void {
  prep(db, 'UPDATE street_submissions SET replaced_by = ? WHERE id = ?').run(newId, oldId)
  prep(
    db,
    `DELETE FROM street_row_categories WHERE row_id IN (SELECT id FROM street_rows WHERE submission_id = ?)`,
  ).run(oldId)
  prep(db, 'UPDATE street_rows SET current = 0 WHERE submission_id = ?').run(oldId)
}

export type StreetValues = Record<string, string>

const INSERT_ROW = `INSERT INTO street_rows (submission_id, community_id, ${STREET_ROW_KEYS.join(', ')}, sort_key)
  VALUES (@submission_id, @community_id, ${STREET_ROW_KEYS.map((k) => '@' + k).join(', ')}, @sort_key)`

export function insertStreetRow(
  db: Database.Database,
  row: Record<string, string | number>,
  categories: string[],
  tokens: string,
): void {
  const id = Number(prep(db, INSERT_ROW).run(row).lastInsertRowid)
  const cat = prep(
    db,
    'INSERT OR IGNORE INTO street_row_categories (category, row_id) VALUES (?, ?)',
  )
  for (const c of categories) cat.run(c, id)
  if (tokens) prep(db, 'INSERT INTO street_rows_fts (rowid, tokens) VALUES (?, ?)').run(id, tokens)
}

export type StoredRow = StreetValues & { id: number; community: string }

const ROW_SELECT = `SELECT r.id, c.name AS community, ${STREET_ROW_KEYS.map((k) => 'r.' + k).join(', ')}
  FROM street_rows r JOIN street_communities c ON c.id = r.community_id`

export function rowsOfSubmission(db: Database.Database, submissionId: number): StoredRow[] {
  return prep(db, `${ROW_SELECT} WHERE r.submission_id = ? ORDER BY r.id`).all(
    submissionId,
  ) as StoredRow[]
}

export function rowsByIds(db: Database.Database, ids: number[]): StoredRow[] {
  if (ids.length === 0) return []
  const rows = prep(db, `${ROW_SELECT} WHERE r.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as StoredRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is StoredRow => r !== undefined)
}

export interface PoolQuery {
  match: string | null
  verify: string[]
  communityId?: number
  category?: string
  grid?: string
  limit: number
  offset: number
}

function poolWhere(q: PoolQuery): { sql: string; params: unknown[] } {
  const where = ['r.current = 1']
  const params: unknown[] = []
  if (q.communityId !== undefined) {
    where.push('r.community_id = ?')
    params.push(q.communityId)
  }
  if (q.grid !== undefined) {
    where.push('r.grid = ?')
    params.push(q.grid)
  }
  if (q.category !== undefined) {
    where.push('r.id IN (SELECT row_id FROM street_row_categories WHERE category = ?)')
    params.push(q.category)
  }
  if (q.match !== null) {
    where.push('r.id IN (SELECT rowid FROM street_rows_fts WHERE street_rows_fts MATCH ?)')
    params.push(q.match)
  }
  for (const v of q.verify) {
    where.push(
      `(instr(r.name, ?) OR instr(r.skills, ?) OR instr(r.employer, ?) OR instr(r.occupation, ?) OR instr(r.estate, ?) OR instr(r.grid, ?))`,
    )
    params.push(v, v, v, v, v, v)
  }
  return { sql: where.join(' AND '), params }
}

/** One page of the merged pool (ids in 姓名's pinyin order) and how many rows match. */
export function poolPage(db: Database.Database, q: PoolQuery): { ids: number[]; total: number } {
  const { sql, params } = poolWhere(q)
  const ids = (
    prep(
      db,
      `SELECT r.id FROM street_rows r WHERE ${sql} ORDER BY r.sort_key, r.id LIMIT ? OFFSET ?`,
    ).all(...params, q.limit, q.offset) as { id: number }[]
  ).map((r) => r.id)
  return { ids, total: poolCount(db, q, sql, params) }
}

/**
 * How many rows match. The common cases are answered without counting 150k rows: the whole
 * pool or one community from the current submissions' sizes, one 人才类别 from its index.
 */
function poolCount(db: Database.Database, q: PoolQuery, sql: string, params: unknown[]): number {
  const plain = q.match === null && q.verify.length === 0 && q.grid === undefined
  if (plain && q.category === undefined)
    return (
      prep(
        db,
        `SELECT coalesce(sum(row_count), 0) AS n FROM street_submissions WHERE replaced_by IS NULL ${q.communityId === undefined ? '' : 'AND community_id = ?'}`,
      ).get(...(q.communityId === undefined ? [] : [q.communityId])) as { n: number }
    ).n
  if (plain && q.communityId === undefined)
    return (
      prep(db, 'SELECT count(*) AS n FROM street_row_categories WHERE category = ?').get(
        q.category,
      ) as { n: number }
    ).n
  return (
    prep(db, `SELECT count(*) AS n FROM street_rows r WHERE ${sql}`).get(...params) as { n: number }
  ).n
}

export function currentRows(db: Database.Database): StoredRow[] {
  return prep(
    db,
    `${ROW_SELECT} WHERE r.current = 1 ORDER BY c.name, r.sort_key, r.id`,
  ).all() as StoredRow[]
}

/** Ids of current rows sharing a 身份证号 across two or more communities, grouped. */
export function duplicateIdCards(db: Database.Database): { key: string; ids: string }[] {
  return prep(
    db,
    `SELECT id_card AS key, group_concat(id) AS ids FROM street_rows
     WHERE current = 1 AND id_card <> '' AND instr(id_card, '*') = 0
     GROUP BY id_card HAVING count(DISTINCT community_id) > 1`,
  ).all() as { key: string; ids: string }[]
}

/** Ids of current rows sharing 姓名 and 联系电话 across two or more communities. */
export function duplicateNamePhones(db: Database.Database): { key: string; ids: string }[] {
  return prep(
    db,
    `SELECT name || ' ' || phone AS key, group_concat(id) AS ids FROM street_rows
     WHERE current = 1 AND phone <> '' AND instr(phone, '*') = 0
     GROUP BY name, phone HAVING count(DISTINCT community_id) > 1`,
  ).all() as { key: string; ids: string }[]
}

export function peopleCount(db: Database.Database): number {
  return (
    prep(db, 'SELECT count(*) AS n FROM street_rows WHERE current = 1').get() as { n: number }
  ).n
}

export function countsByCommunityCategory(
  db: Database.Database,
): { community: string; category: string; n: number }[] {
  return prep(
    db,
    `SELECT c.name AS community, k.category, count(*) AS n
     FROM street_row_categories k JOIN street_rows r ON r.id = k.row_id AND r.current = 1
     JOIN street_communities c ON c.id = r.community_id
     GROUP BY c.name, k.category`,
  ).all() as { community: string; category: string; n: number }[]
}

export function countsByCommunity(db: Database.Database): { community: string; n: number }[] {
  return prep(
    db,
    `SELECT c.name AS community, count(r.id) AS n FROM street_communities c
     LEFT JOIN street_rows r ON r.community_id = c.id AND r.current = 1
     GROUP BY c.id ORDER BY c.name`,
  ).all() as { community: string; n: number }[]
}

/** A community's data package: its live talents with their 网格 by name, and its name. */
export function packageTalents(pkg: Database.Database): {
  community: string
  rows: Record<string, unknown>[]
} {
  const s = pkg.prepare('SELECT community_name FROM settings WHERE id = 1').get() as
    { community_name: string } | undefined
  const cols = STREET_ROW_KEYS.filter((k) => k !== 'grid').map((k) => 't.' + k)
  const rows = pkg
    .prepare(
      `SELECT ${cols.join(', ')}, coalesce(g.name, '') AS grid FROM talents t
       LEFT JOIN grids g ON g.id = t.grid_id WHERE t.deleted_at IS NULL ORDER BY t.id`,
    )
    .all() as Record<string, unknown>[]
  return { community: s?.community_name ?? '', rows }
}
