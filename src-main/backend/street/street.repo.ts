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

export function currentRows(db: Database.Database): StoredRow[] {
  return prep(
    db,
    `${ROW_SELECT} WHERE r.current = 1 ORDER BY c.name, r.sort_key, r.id`,
  ).all() as StoredRow[]
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
