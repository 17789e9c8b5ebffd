// Answers are checked against the contract's output schema by the one dispatch every door uses
// (outside a packaged desktop build), and handler outputs are checked by the compiler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createInvoke } from '../../src-main/backend/dispatch'
import { child, reg } from '../../src-main/backend/handlers'
import { talents, talentServices } from '../../src-main/backend/talents/talents.handlers'
import { unitListItems, units } from '../../src-main/backend/units/units.handlers'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

/** A talent whose stored name is bytes, not text: SQLite keeps a BLOB as it is given. */
async function talentWithBlobName(): Promise<number> {
  const t = await b.call('talents:create', { name: '李志红', phone: '13800001234', status: '在册' })
  b.ctx.db.prepare("UPDATE talents SET name = CAST('李志红' AS BLOB) WHERE id = ?").run(t.id)
  return t.id
}

describe('answers that break the contract', () => {
  it('become a visible INTERNAL error naming the channel and the field, not a silent success', async () => {
    const id = await talentWithBlobName()
    const r = await b.raw('talents:get', { id })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('INTERNAL')
    expect(r.error.message).toContain('「talents:get」返回的数据与约定不符')
    expect(r.error.message).toMatch(/错误编号 [0-9A-Z]+/)
    expect(r.error.details).toEqual([{ field: 'name', message: expect.any(String) }])
    // The list checks every row the same way.
    const list = await b.raw('talents:list', {})
    expect(list).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!list.ok) expect(list.error.details?.[0]?.field).toBe('rows.0.name')
  })

  it('never carry the offending value into the message or details', async () => {
    const id = await talentWithBlobName()
    const r = await b.raw('talents:get', { id })
    expect(JSON.stringify(r)).not.toContain('李志红')
  })

  it('pass as they are when the check is off, as in a packaged build', async () => {
    const id = await talentWithBlobName()
    const packaged = createInvoke(b.ctx, { checkOutputs: false })
    const r = await packaged('talents:get', { id })
    expect(r).toMatchObject({ ok: true, data: { id, name: expect.any(Buffer) } })
  })

  it('a correct answer is unchanged by the check', async () => {
    const t = await b.call('talents:create', {
      name: '王建华',
      phone: '13800004321',
      status: '在册',
    })
    const checked = await b.raw('talents:get', { id: t.id })
    const unchecked = await createInvoke(b.ctx, { checkOutputs: false })('talents:get', {
      id: t.id,
    })
    expect(checked).toEqual(unchecked)
    expect(checked).toMatchObject({ ok: true, data: { name: '王建华' } })
  })
})

describe('register handlers are typed by their own channels', () => {
  it('accepts each register’s operations under its own key only (checked by tsc)', () => {
    expect(Object.keys(reg('talents', talents))).toContain('talents:history')
    expect(Object.keys(child('unit_list_items', unitListItems))).toEqual([
      'unit_list_items:list',
      'unit_list_items:create',
      'unit_list_items:update',
      'unit_list_items:delete',
    ])
    // @ts-expect-error a unit's answers are not a talent's (units:get adds its members)
    reg('talents', units)
    // @ts-expect-error 三项清单 rows are not 服务记录 rows
    child('talent_services', unitListItems)
    expect(Object.keys(child('talent_services', talentServices))).toHaveLength(4)
  })
})
