// 回收站 and 操作记录 retention: off by default; once chosen, records deleted longer ago than
// the period are purged (the person forgotten in the audit log) and old audit entries removed.
import { afterEach, describe, expect, it } from 'vitest'
import { applyRetention } from '../../../src-main/backend/safety/retention'
import { addTalent } from '../../helpers/safety-helpers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
afterEach(() => b.dispose())

const count = (sql: string, ...p: unknown[]) => (b.ctx.db.prepare(sql).get(...p) as { n: number }).n

describe('retention', () => {
  it('is off by default: nothing is ever removed', async () => {
    b = testBackend()
    const t = await addTalent(b, '留着的人')
    await b.call('talents:delete', { id: t.id } as never)
    b.ctx.db.prepare(`UPDATE talents SET deleted_at = '2000-01-01 00:00:00'`).run()
    b.ctx.db.prepare(`UPDATE audit_log SET at = '2000-01-01 00:00:00'`).run()
    expect(await b.call('safety:retention', {})).toEqual({ recycleDays: null, auditDays: null })
    expect(applyRetention(b.ctx)).toEqual({ purged: 0, auditRemoved: 0 })
    expect(count('SELECT count(*) AS n FROM talents')).toBe(1)
  })

  it('purges what has been in the 回收站 too long and trims the audit log, as chosen', async () => {
    b = testBackend()
    const old = await addTalent(b, '早删的人', '13800000001')
    const recent = await addTalent(b, '刚删的人', '13800000002')
    const live = await addTalent(b, '在册的人', '13800000003')
    for (const t of [old, recent]) await b.call('talents:delete', { id: t.id } as never)
    b.ctx.db
      .prepare(`UPDATE talents SET deleted_at = '2020-01-01 00:00:00' WHERE id = ?`)
      .run(old.id)
    b.ctx.db
      .prepare(`UPDATE audit_log SET at = '2020-01-01 00:00:00' WHERE row_id = ?`)
      .run(live.id)

    const bad = await b.raw('safety:set-retention', { recycleDays: 1, auditDays: null })
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('7 天') } })

    const r = await b.call('safety:set-retention', { recycleDays: 30, auditDays: 365 })
    expect(r).toMatchObject({ recycleDays: 30, auditDays: 365, purged: 1, auditRemoved: 1 })
    expect(count('SELECT count(*) AS n FROM talents WHERE id = ?', old.id)).toBe(0)
    expect(count('SELECT count(*) AS n FROM talents WHERE id = ?', recent.id)).toBe(1)
    expect(count('SELECT count(*) AS n FROM talents WHERE id = ?', live.id)).toBe(1)
    // The purge itself is recorded, without the person.
    expect(
      b.ctx.db
        .prepare(`SELECT action, before_json FROM audit_log WHERE row_id = ? ORDER BY id`)
        .all(old.id),
    ).toEqual([
      { action: 'create', before_json: null },
      { action: 'delete', before_json: null },
      { action: 'purge', before_json: null },
    ])
    expect(await b.call('safety:retention', {})).toEqual({ recycleDays: 30, auditDays: 365 })
    // Back to off.
    await b.call('safety:set-retention', { recycleDays: null, auditDays: null })
    expect(await b.call('safety:retention', {})).toEqual({ recycleDays: null, auditDays: null })
  })
})
