// The lookups behind responder suggestions. Every one is an index seek: terms are matched as
// whole stored values (tags mirrored into register_values, 资源清单 titles, 联系领域, 楼栋)
// against the candidate words cut from the item's text, never by scanning a register.
import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

/** A candidate row: who, a short description, and the stored value that matched (if any). */
export interface Hit {
  id: number
  name: string
  detail: string
  value: string
  grid_id: number | null
  /** Where the person lives ('' for units and 兼职委员), for 同楼栋. */
  estate: string
  building: string
}

// Caps per lookup: 20 suggestions are shown, and every extra row is a page read (a common skill
// has thousands of holders city-wide; those of the item's grid are asked for separately).
const CAP = 40

/** Live 在册 talents with a 专业特长 among `terms`. */
export function talentsBySkill(db: Database.Database, terms: string): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, t.skills AS detail, v.value, t.grid_id, t.estate, t.building FROM register_values v
     JOIN talents t ON t.id = v.row_id
     WHERE v.table_name = 'talents' AND v.field = 'skills' AND v.value IN (SELECT value FROM json_each(?))
       AND t.deleted_at IS NULL AND t.status = '在册' LIMIT ${CAP}`,
  ).all(terms) as Hit[]
}

/** The same, among the talents of the grid (a common skill has thousands of talents city-wide;
 * those nearby must not be cut off by the cap). */
export function talentsBySkillInGrid(db: Database.Database, terms: string, gridId: number): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, t.skills AS detail, v.value, t.grid_id, t.estate, t.building FROM talents t
     JOIN register_values v ON v.table_name = 'talents' AND v.field = 'skills' AND v.row_id = t.id
     WHERE t.grid_id = ? AND t.deleted_at IS NULL AND t.status = '在册'
       AND v.value IN (SELECT value FROM json_each(?)) LIMIT 20`,
  ).all(gridId, terms) as Hit[]
}

/** Live 在册 talents of 人才类别 `category`, those of the grid first. */
export function talentsByCategory(
  db: Database.Database,
  category: string,
  gridId: number | null,
): Hit[] {
  if (gridId !== null)
    return prep(
      db,
      `SELECT t.id, t.name, t.skills AS detail, ? AS value, t.grid_id, t.estate, t.building FROM talents t
       WHERE t.grid_id = ? AND t.deleted_at IS NULL AND t.status = '在册' AND t.id IN
         (SELECT row_id FROM register_values WHERE table_name = 'talents' AND field = 'categories' AND value = ?)
       LIMIT 15`,
    ).all(category, gridId, category) as Hit[]
  return prep(
    db,
    `SELECT t.id, t.name, t.skills AS detail, v.value, t.grid_id, t.estate, t.building FROM register_values v
     JOIN talents t ON t.id = v.row_id
     WHERE v.table_name = 'talents' AND v.field = 'categories' AND v.value = ?
       AND t.deleted_at IS NULL AND t.status = '在册' LIMIT 15`,
  ).all(category) as Hit[]
}

/** Live 已报到 members with a 特长 or 服务意向 among `terms`; `value` is field:term. */
export function reportedByTags(db: Database.Database, terms: string): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, t.employer AS detail, v.field || ':' || v.value AS value, t.grid_id, t.estate, t.building
     FROM register_values v JOIN reported_members t ON t.id = v.row_id
     WHERE v.table_name = 'reported_members' AND v.field IN ('skills', 'service_intent')
       AND v.value IN (SELECT value FROM json_each(?))
       AND t.deleted_at IS NULL AND t.status = '已报到' LIMIT ${CAP}`,
  ).all(terms) as Hit[]
}

// The index is named: without ANALYZE statistics the planner preferred walking every live row.
const RESOURCE = (
  index: string,
) => `SELECT u.id, u.name, u.nature AS detail, i.title AS value, NULL AS grid_id, '' AS estate, '' AS building
  FROM unit_list_items i INDEXED BY ${index} JOIN units u ON u.id = i.unit_id
  WHERE i.deleted_at IS NULL AND i.list_type = '资源' AND i.status <> '已完成'
    AND u.deleted_at IS NULL AND u.status = '共建中'`

/** 资源清单 items still open of units 共建中, by category and by a title among `terms` (two
 * lookups: an OR of the two would scan the list). */
export function resourceItems(db: Database.Database, category: string, terms: string): Hit[] {
  const byTitle = prep(
    db,
    `${RESOURCE('unit_list_items_title')} AND i.title IN (SELECT value FROM json_each(?)) LIMIT ${CAP}`,
  ).all(terms) as Hit[]
  if (!category) return byTitle
  return byTitle.concat(
    prep(db, `${RESOURCE('unit_list_items_category')} AND i.category = ? LIMIT ${CAP}`).all(
      category,
    ) as Hit[],
  )
}

/** 在任 committee members whose 联系领域 is the category or among `terms`. */
export function committeeByDomain(db: Database.Database, terms: string): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, coalesce(u.name, '') AS detail, t.duty_domain AS value, t.duty_grid_id AS grid_id, '' AS estate, '' AS building
     FROM committee_members t INDEXED BY committee_duty_domain LEFT JOIN units u ON u.id = t.unit_id
     WHERE t.duty_domain IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL AND t.status = '在任'
     LIMIT ${CAP}`,
  ).all(terms) as Hit[]
}

/** 在任 committee members whose 联系网格 is the grid. */
export function committeeByGrid(db: Database.Database, gridId: number): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, coalesce(u.name, '') AS detail, '' AS value, t.duty_grid_id AS grid_id, '' AS estate, '' AS building
     FROM committee_members t LEFT JOIN units u ON u.id = t.unit_id
     WHERE t.duty_grid_id = ? AND t.deleted_at IS NULL AND t.status = '在任' LIMIT 20`,
  ).all(gridId) as Hit[]
}

/** 在任 committee members of the given units; `value` is their unit's name. */
export function committeeOfUnits(db: Database.Database, unitIds: string): Hit[] {
  return prep(
    db,
    `SELECT t.id, t.name, u.name AS detail, u.name AS value, t.duty_grid_id AS grid_id, '' AS estate, '' AS building
     FROM committee_members t INDEXED BY committee_unit JOIN units u ON u.id = t.unit_id
     WHERE t.unit_id IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL AND t.status = '在任'
     LIMIT 20`,
  ).all(unitIds) as Hit[]
}

/** Live people in one of `buildings` (楼栋 read from 地点) of the 小区 named in `location` or
 * of the grid: place-only candidates, a few per register. */
export function byBuilding(
  db: Database.Database,
  table: 'households' | 'talents' | 'reported_members',
  buildings: string,
  location: string,
  gridId: number | null,
): Hit[] {
  const name = table === 'households' ? 'head_name' : 'name'
  return prep(
    db,
    `SELECT t.id, t.${name} AS name, t.estate || t.building AS detail, '' AS value, t.grid_id, t.estate, t.building
     FROM ${table} t INDEXED BY ${table}_building
     WHERE t.building IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL AND ${LIVE[table]}
       AND ((t.estate <> '' AND instr(?, t.estate) > 0) OR t.grid_id IS ?)
     LIMIT 10`,
  ).all(buildings, location, gridId) as Hit[]
}

const LIVE = {
  households: "t.status <> '撤销'",
  talents: "t.status = '在册'",
  reported_members: "t.status = '已报到'",
} as const

/** A few live people of the grid (网格-only candidates, the weakest reason). */
export function byGrid(
  db: Database.Database,
  table: 'households' | 'talents' | 'reported_members',
  gridId: number,
): Hit[] {
  const name = table === 'households' ? 'head_name' : 'name'
  const live =
    table === 'households'
      ? "t.status <> '撤销'"
      : table === 'talents'
        ? "t.status = '在册'"
        : "t.status = '已报到'"
  const detail = table === 'reported_members' ? 't.employer' : 't.estate || t.building'
  return prep(
    db,
    `SELECT t.id, t.${name} AS name, ${detail} AS detail, '' AS value, t.grid_id FROM ${table} t
     WHERE t.grid_id = ? AND t.deleted_at IS NULL AND ${live} LIMIT 5`,
  ).all(gridId) as Hit[]
}
