import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export const TALENT_SELECT = `SELECT t.*, coalesce(g.name, '') AS grid_name,
  (SELECT count(*) FROM talent_services s WHERE s.talent_id = t.id AND s.deleted_at IS NULL) AS service_count
  FROM talents t LEFT JOIN grids g ON g.id = t.grid_id`

export const TALENT_VERIFY = `t.name || ' ' || t.skills || ' ' || t.employer || ' ' || t.occupation || ' ' || t.estate || ' ' || t.building`

export const TALENT_SERVICE_SELECT = `SELECT t.*, t.talent_id AS parent_id FROM talent_services t`

export function talentWithIdCard(
  db: Database.Database,
  idCard: string,
): { id: number; name: string } | undefined {
  return prep(
    db,
    "SELECT id, name FROM talents WHERE id_card = ? AND id_card <> '' AND deleted_at IS NULL",
  ).get(idCard) as { id: number; name: string } | undefined
}
