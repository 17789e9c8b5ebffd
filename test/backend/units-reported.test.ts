// A unit's 在职党员报到人数 can never exceed its 党员人数: the form (and import) refuse it, and
// the demo community holds no such unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeAll(() => {
  b = testBackend()
  fillDemo(b.ctx)
})
afterAll(() => b.dispose())

describe('报到党员 ≤ 党员人数', () => {
  it('refuses more reported members than members, saying which numbers', async () => {
    const r = await b.raw('units:create', {
      name: '测试报到单位',
      liaison: '王联络',
      liaison_phone: '13800000001',
      status: '共建中',
      member_count: 10,
      reported_count: 12,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toContain('在职党员报到人数（12）不能多于党员人数（10）')
  })

  it('accepts equal numbers', async () => {
    const r = await b.raw('units:create', {
      name: '测试报到单位二',
      liaison: '王联络',
      liaison_phone: '13800000001',
      status: '共建中',
      member_count: 10,
      reported_count: 10,
    })
    expect(r.ok).toBe(true)
  })

  it('the demo has no unit with more reported members than members', () => {
    const n = b.ctx.db
      .prepare('SELECT COUNT(*) AS n FROM units WHERE reported_count > member_count')
      .get() as { n: number }
    expect(n.n).toBe(0)
  })
})
