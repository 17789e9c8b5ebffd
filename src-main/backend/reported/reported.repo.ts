import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export const REPORTED_SELECT = `SELECT t.*, coalesce(u.name, '') AS unit_name, coalesce(g.name, '') AS grid_name,
  (SELECT count(*) FROM reported_services s WHERE s.member_id = t.id AND s.deleted_at IS NULL) AS service_count,
  (SELECT coalesce(sum(s.hours), 0) FROM reported_services s WHERE s.member_id = t.id AND s.deleted_at IS NULL) AS service_hours
  FROM reported_members t LEFT JOIN units u ON u.id = t.unit_id LEFT JOIN grids g ON g.id = t.grid_id`

export const REPORTED_VERIFY = `t.name || ' ' || t.employer || ' ' || t.org_name || ' ' || t.skills || ' ' || t.service_intent || ' ' || t.estate || ' ' || t.phone`

export const REPORTED_SERVICE_SELECT = `SELECT t.*, t.member_id AS parent_id FROM reported_services t`

export interface UnitCapacity {
  name: string
  member_count: number | null
}

export function unitCapacity(db: Database.Database, unitId: number): UnitCapacity | undefined {
  return prep(db, 'SELECT name, member_count FROM units WHERE id = ?').get(unitId) as
    UnitCapacity | undefined
}

/** Live members of the unit still 已报到, other than `exceptId`. */
export function reportedOfUnit(
  db: Database.Database,
  unitId: number,
  exceptId: number | null,
): number {
  return (
    prep(
      db,
      `SELECT count(*) AS n FROM reported_members
       WHERE unit_id = ? AND deleted_at IS NULL AND status = '已报到' AND id IS NOT ?`,
    ).get(unitId, exceptId) as { n: number }
  ).n
}

/** How many live members are linked to the unit at all (any status). */
export function linkedToUnit(db: Database.Database, unitId: number): number {
  return (
    prep(
      db,
      'SELECT count(*) AS n FROM reported_members WHERE unit_id = ? AND deleted_at IS NULL',
    ).get(unitId) as { n: number }
  ).n
}

export function unitOfMember(db: Database.Database, id: number): number | null {
  const r = prep(db, 'SELECT unit_id FROM reported_members WHERE id = ?').get(id) as
    { unit_id: number | null } | undefined
  return r?.unit_id ?? null
}

export function liveUnitIdByName(db: Database.Database, name: string): number | undefined {
  const r = prep(db, 'SELECT id FROM units WHERE name = ? AND deleted_at IS NULL').get(name) as
    { id: number } | undefined
  return r?.id
}

/**
 * Writes the unit's 在职党员报到人数 as counted from the register, once any live member is
 * linked to it; with none linked the typed number stays as it was.
 */
export function syncUnitReportedCount(db: Database.Database, unitId: number | null): void {
  if (unitId === null || linkedToUnit(db, unitId) === 0) return
  prep(db, 'UPDATE units SET reported_count = ? WHERE id = ?').run(
    reportedOfUnit(db, unitId, null),
    unitId,
  )
}

export interface LinkedMember {
  id: number
  name: string
  status: string
  reported_on: string
}

export function membersOfUnit(db: Database.Database, unitId: number): LinkedMember[] {
  return prep(
    db,
    `SELECT id, name, status, reported_on FROM reported_members
     WHERE unit_id = ? AND deleted_at IS NULL ORDER BY status, sort_key`,
  ).all(unitId) as LinkedMember[]
}
