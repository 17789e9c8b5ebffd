// The merged pool's queries in 街道 mode: a page in pinyin order with its count, the
// cross-community duplicates and the counts by 社区 × 人才类别, all on current rows' indexes.
import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export interface PoolQuery {
  match: string | null
  verify: string[]
  communityId?: number
  category?: string
  grid?: string
  limit: number
  offset: number
}

// With a search, the matches are read first and then sorted (CROSS JOIN fixes that order):
// walking 150k rows in 姓名 order and probing each against the matches took 50 ms a page.
function poolWhere(q: PoolQuery): { from: string; sql: string; params: unknown[] } {
  const where = ['r.current = 1']
  const params: unknown[] = []
  const from =
    q.match === null
      ? 'street_rows r'
      : '(SELECT rowid AS id FROM street_rows_fts WHERE street_rows_fts MATCH ?) AS m CROSS JOIN street_rows r ON r.id = m.id'
  if (q.match !== null) params.push(q.match)
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
  for (const v of q.verify) {
    where.push(
      `(instr(r.name, ?) OR instr(r.skills, ?) OR instr(r.employer, ?) OR instr(r.occupation, ?) OR instr(r.estate, ?) OR instr(r.grid, ?))`,
    )
    params.push(v, v, v, v, v, v)
  }
  return { from, sql: where.join(' AND '), params }
}

/** One page of the merged pool (ids in 姓名's pinyin order) and how many rows match. */
export function poolPage(db: Database.Database, q: PoolQuery): { ids: number[]; total: number } {
  const { from, sql, params } = poolWhere(q)
  const ids = (
    prep(
      db,
      `SELECT r.id FROM ${from} WHERE ${sql} ORDER BY r.sort_key, r.id LIMIT ? OFFSET ?`,
    ).all(...params, q.limit, q.offset) as { id: number }[]
  ).map((r) => r.id)
  return { ids, total: poolCount(db, q, `${from} WHERE ${sql}`, params) }
}

/**
 * How many rows match. The common cases are answered without counting 150k rows: the whole
 * pool or one community from the current submissions' sizes, one 人才类别 from its index.
 */
function poolCount(
  db: Database.Database,
  q: PoolQuery,
  fromWhere: string,
  params: unknown[],
): number {
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
  return (prep(db, `SELECT count(*) AS n FROM ${fromWhere}`).get(...params) as { n: number }).n
}

// Both reports walk their covering partial index in order (INDEXED BY: without statistics the
// planner sorted all 150k rows instead, 1.2 s of the duplicates report).
/** Ids of current rows sharing a 身份证号 across two or more communities, grouped. */
export function duplicateIdCards(db: Database.Database): { key: string; ids: string }[] {
  return prep(
    db,
    `SELECT id_card AS key, group_concat(id) AS ids FROM street_rows INDEXED BY street_rows_id_card
     WHERE current = 1 AND id_card <> '' AND instr(id_card, '*') = 0
     GROUP BY id_card HAVING count(DISTINCT community_id) > 1`,
  ).all() as { key: string; ids: string }[]
}

/** Ids of current rows sharing 姓名 and 联系电话 across two or more communities. */
export function duplicateNamePhones(db: Database.Database): { key: string; ids: string }[] {
  return prep(
    db,
    `SELECT name || ' ' || phone AS key, group_concat(id) AS ids
     FROM street_rows INDEXED BY street_rows_name_phone WHERE current = 1 AND phone <> '' AND instr(phone, '*') = 0
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
