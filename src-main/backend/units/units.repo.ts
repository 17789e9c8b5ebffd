import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export const UNIT_SELECT = `SELECT t.*,
  (SELECT count(*) FROM committee_members c WHERE c.unit_id = t.id AND c.deleted_at IS NULL) AS committee_count,
  (SELECT count(*) FROM unit_list_items i WHERE i.unit_id = t.id AND i.deleted_at IS NULL AND i.status = '待认领') AS open_item_count,
  (SELECT count(*) FROM reported_members r WHERE r.unit_id = t.id AND r.deleted_at IS NULL) AS reported_link_count
  FROM units t`

export const UNIT_VERIFY = `t.name || ' ' || t.org_name || ' ' || t.liaison || ' ' || t.org_secretary || ' ' || t.address`

export const UNIT_ITEM_SELECT = `SELECT t.*, t.unit_id AS parent_id, coalesce(c.name, '') AS claimed_by_unit_name
  FROM unit_list_items t LEFT JOIN units c ON c.id = t.claimed_by_unit_id`

export function liveUnitByName(db: Database.Database, name: string): { id: number } | undefined {
  return prep(db, 'SELECT id FROM units WHERE name = ? AND deleted_at IS NULL').get(name) as
    { id: number } | undefined
}

export interface MemberBrief {
  id: number
  name: string
  party_post: string
  status: string
  term_end: string
}

export function unitMembers(db: Database.Database, unitId: number): MemberBrief[] {
  return prep(
    db,
    `SELECT id, name, party_post, status, term_end FROM committee_members
       WHERE unit_id = ? AND deleted_at IS NULL ORDER BY status, sort_key`,
  ).all(unitId) as MemberBrief[]
}

export interface UnitOptionRow {
  id: number
  name: string
  status: string
  /** Stored pinyin keys ('' only if a write path ever missed them). */
  keys: string
}

export function unitOptions(db: Database.Database): UnitOptionRow[] {
  return prep(
    db,
    "SELECT id, name, status, pick_keys AS keys FROM units WHERE deleted_at IS NULL ORDER BY status = '已退出', sort_key",
  ).all() as UnitOptionRow[]
}
