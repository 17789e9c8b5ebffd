// The talent list sorted by 姓名 in pinyin order (the indexed sort key), through the door vs
// the same SQL by hand: unfiltered and with one filter, pages 1–5, both directions.
import type Database from 'better-sqlite3'
import { result, time, type BenchResult } from './measure'

export async function listByName(
  db: Database.Database,
  pages: { status: string; page: number }[],
  list: (input: unknown) => Promise<unknown>,
): Promise<BenchResult> {
  const byName = pages.map((p, i) => ({ ...p, order: i % 2 ? 'desc' : 'asc', filter: i % 3 === 0 }))
  const nameOurs = await time(100, async (i) => {
    const p = byName[Math.max(0, i)]
    await list({
      page: p?.page,
      pageSize: 20,
      sort: { field: 'name', order: p?.order === 'desc' ? 'desc' : 'asc' },
      filters: p?.filter ? { political_status: p.status } : {},
    })
  })
  const bareByName = (order: string, filter: boolean) =>
    db.prepare(
      `SELECT * FROM talents WHERE deleted_at IS NULL ${filter ? 'AND political_status = ?' : ''} ORDER BY sort_key ${order}, id ${order} LIMIT 20 OFFSET ?`,
    )
  const bareNameStmts = {
    asc: [bareByName('ASC', false), bareByName('ASC', true)],
    desc: [bareByName('DESC', false), bareByName('DESC', true)],
  }
  const bareNameCount = [
    db.prepare('SELECT count(*) FROM talents WHERE deleted_at IS NULL'),
    db.prepare('SELECT count(*) FROM talents WHERE deleted_at IS NULL AND political_status = ?'),
  ]
  const nameBare = await time(100, (i) => {
    const p = byName[Math.max(0, i)]
    const offset = ((p?.page ?? 1) - 1) * 20
    const stmt = bareNameStmts[p?.order === 'desc' ? 'desc' : 'asc'][p?.filter ? 1 : 0]
    if (p?.filter) {
      stmt?.all(p.status, offset)
      bareNameCount[1]?.get(p.status)
    } else {
      stmt?.all(offset)
      bareNameCount[0]?.get()
    }
  })
  return result(
    'list_page_by_name',
    nameOurs,
    nameBare,
    'p95 < 20 ms',
    '按姓名拼音排序（升/降序，部分带政治面貌筛选），第 1–5 页',
  )
}
