// How many open 民情事项 each responder holds (待派单 … 已反馈; 已结项 and later are done):
// the real counter behind the 「在办 N 件」 of responder suggestions.
import type Database from 'better-sqlite3'
import { MATTER_OPEN_STATUS } from '../../shared/dictionaries'
import type { OpenItemCounts } from '../responders/suggest'

const OPEN_JSON = JSON.stringify(MATTER_OPEN_STATUS)

export function openItemCounts(db: Database.Database): OpenItemCounts {
  // One statement for every call: suggestions ask once per kind present in the list.
  const stmt = db.prepare(
    `SELECT r.ref_id AS id, count(DISTINCT r.matter_id) AS n
       FROM matter_responders r JOIN matters m ON m.id = r.matter_id
      WHERE r.kind = ? AND r.ref_id IN (SELECT value FROM json_each(?))
        AND m.deleted_at IS NULL AND m.status IN (SELECT value FROM json_each(?))
      GROUP BY r.ref_id`,
  )
  return (kind, ids) => {
    const out = new Map<number, number>()
    if (!ids.length) return out
    for (const row of stmt.all(kind, JSON.stringify(ids), OPEN_JSON) as { id: number; n: number }[])
      out.set(row.id, row.n)
    return out
  }
}
