// Phones, ID numbers and dates as people type them reach the real database normalised, by
// every way in: the create/update channels (the form), import, and the search box.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/temp-backend'
import { sheetFile, stageFile } from '../helpers/staged-file'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const csvFile = (text: string) => sheetFile(b, 'ledger.csv', Buffer.from(text, 'utf8'))

describe('normalised on the way in', () => {
  it('the form channels store 138-8888-9999 and １３８… as 13888889999, landlines as written', async () => {
    const a = await b.call('talents:create', {
      name: '李志红',
      phone: '138-8888-9999',
      id_card: '１１０１０５１９４９１２３１００２ｘ',
      birth_month: '１９４９．１２',
      status: '在册',
    })
    expect(a).toMatchObject({ phone: '13888889999', id_card: '11010519491231002X' })
    expect(a.birth_month).toBe('1949-12')
    const u = await b.call('talents:update', {
      id: a.id,
      data: { name: a.name, phone: '０８７１－１２３４５６７８', status: '在册' },
    })
    expect(u.phone).toBe('0871-12345678')
    const unit = await b.call('units:create', {
      name: '锦华物业',
      liaison: '王芳',
      liaison_phone: '１３９ ８７６５ ４３２１',
      status: '共建中',
    })
    expect(unit.liaison_phone).toBe('13987654321')
  })

  it('import reads full-width and dashed phones and full-width ID numbers', async () => {
    const csv =
      '姓名,联系电话,身份证号,出生年月\r\n' +
      '陈玉梅,１３９０８７１１２０５,,２０２６．１１\r\n' +
      '丁建华,139-0871-1206,１１０１０５１９４９１２３１００２ｘ,\r\n'
    const p = await b.call('exchange:preview', await csvFile(csv))
    expect(p.rows.flatMap((r) => r.issues)).toEqual([])
    expect(p).toMatchObject({ valid: 2, invalid: 0 })
    await b.call('exchange:import', await csvFile(csv))
    const rows = (await b.call('talents:list', { sort: { field: 'name', order: 'asc' } })).rows
    expect(rows.map((r) => [r.name, r.phone, r.id_card, r.birth_month])).toEqual([
      ['陈玉梅', '13908711205', '', '2026-11'],
      ['丁建华', '13908711206', '11010519491231002X', '1949-12'],
    ])
  })

  it('search finds a phone typed in groups, with dashes or full-width digits', async () => {
    await b.call('talents:create', { name: '李志红', phone: '13888889999', status: '在册' })
    await b.call('talents:create', { name: '王建国', phone: '13912345678', status: '在册' })
    for (const q of ['138-8888', '138 8888 9999', '１３８８８８８', '8888-9999'])
      expect(
        (await b.call('talents:list', { search: q })).rows.map((r) => r.name),
        q,
      ).toEqual(['李志红'])
  })
})

describe('a unit reports no more in-service members than it has', () => {
  const unit = (member_count: number | null, reported_count: number | null) => ({
    name: '锦华物业',
    liaison: '王芳',
    liaison_phone: '13987654321',
    status: '共建中',
    member_count,
    reported_count,
  })

  it('党员人数 2 with 报到人数 15 is refused by the form channel and by import, in Chinese', async () => {
    const r = await b.raw('units:create', unit(2, 15))
    expect(r).toMatchObject({
      ok: false,
      error: {
        details: [
          { field: 'reported_count', message: expect.stringContaining('不能多于党员人数') },
        ],
      },
    })
    const ok = await b.call('units:create', unit(15, 15))
    expect(ok.reported_count).toBe(15)
    const refused = await b.raw('units:update', { id: ok.id, data: unit(2, 15) })
    expect(refused.ok).toBe(false)
    const csv =
      '单位名称,联络员,联络员电话,党员人数,在职党员报到人数\r\n阳光幼儿园,李梅,13900001111,2,15\r\n'
    const p = await b.call('exchange:preview', {
      register: 'units',
      fileName: 'units.csv',
      uploadId: await stageFile(b, Buffer.from(csv, 'utf8')),
    })
    expect(p.rows[0]?.issues).toEqual([
      { column: '在职党员报到人数', message: expect.stringContaining('不能多于党员人数（2）') },
    ])
  })

  it('the demo community keeps the rule', async () => {
    const { fillDemo } = await import('../../src-main/backend/demo/demo')
    fillDemo(b.ctx)
    const units = (await b.call('units:list', { pageSize: 100 })).rows
    expect(units.length).toBeGreaterThan(0)
    for (const u of units)
      expect(Number(u.reported_count ?? 0)).toBeLessThanOrEqual(Number(u.member_count ?? 0))
  })
})
