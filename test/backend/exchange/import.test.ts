import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { sheetFile, stageFile } from '../../helpers/staged-file'
import { gbkCsv, messyTalentsXlsx } from './fixtures'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  await b.call('grids:create', { name: '第一网格' })
})
afterEach(() => b.dispose())

const file = (fileName: string, buf: Buffer) => sheetFile(b, fileName, buf)

describe('import preview of a messy ledger', () => {
  it('finds the header under title rows, maps synonyms, and reports each problem by row and column', async () => {
    const p = await b.call('exchange:preview', await file('台账.xlsx', await messyTalentsXlsx()))
    expect(p.headerRow).toBe(4)
    const map = Object.fromEntries(p.columns.map((c) => [c.header, c.key]))
    expect(map).toMatchObject({
      名字: 'name',
      手机号码: 'phone',
      公民身份号码: 'id_card',
      出生日期: 'birth_month',
      特长: 'skills',
      网格: 'grid_id',
      序号: '',
    })
    expect(p.total).toBe(8)
    const byRow = Object.fromEntries(p.rows.map((r) => [r.row, r]))
    expect(byRow[5]).toMatchObject({ name: '李志红', action: 'create', issues: [] })
    expect(byRow[6]).toMatchObject({ name: '王建国', action: 'create' })
    expect(byRow[8]?.issues).toEqual([
      expect.objectContaining({ column: '联系电话', message: expect.stringContaining('电话号码') }),
    ])
    expect(byRow[9]?.issues[0]?.message).toContain('存成了数字')
    expect(byRow[10]?.issues[0]?.message).toContain('科学计数法')
    expect(byRow[11]?.issues[0]?.message).toContain('与第 5 行重复')
    expect(byRow[12]?.issues).toEqual([
      expect.objectContaining({
        column: '所属网格',
        message: expect.stringContaining('不存在的网格'),
      }),
    ])
    expect(byRow[13]?.issues[0]?.message).toContain('17 位')
    expect(p).toMatchObject({ valid: 2, invalid: 6 })
    // Nothing was written by a preview.
    expect((await b.call('talents:list', {})).total).toBe(0)
  })

  it('imports the good rows in one go when asked to skip the bad ones, normalising what it reads', async () => {
    const input = { ...(await file('台账.xlsx', await messyTalentsXlsx())) }
    const refused = await b.raw('exchange:import', input)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('6 行存在问题') },
    })
    const r = await b.call('exchange:import', { ...input, skipInvalid: true })
    expect(r).toMatchObject({ created: 2, updated: 0, skipped: 0, invalid: 6, backup: null })
    const rows = (await b.call('talents:list', { sort: { field: 'name', order: 'asc' } })).rows
    const li = rows.find((x) => x.name === '李志红')
    expect(li).toMatchObject({
      id_card: '11010519491231002X',
      gender: '女',
      birth_month: '1949-12',
      political_status: '中共党员',
      skills: ['合同纠纷', '家电维修'],
      grid_name: '第一网格',
      note: '=1+1',
      status: '在册',
    })
    const wang = rows.find((x) => x.name === '王建国')
    expect(wang).toMatchObject({ phone: '13987654321', birth_month: '1965-03' })
  })

  it('duplicates of existing records are skipped or updated, as chosen', async () => {
    await b.call('talents:create', {
      name: '李志红',
      phone: '13800000000',
      id_card: '11010519491231002X',
      status: '在册',
      note: '原备注',
    })
    const input = { ...(await file('台账.xlsx', await messyTalentsXlsx())), skipInvalid: true }
    const p = await b.call('exchange:preview', await file('台账.xlsx', await messyTalentsXlsx()))
    expect(p.duplicates).toBe(1)
    expect(await b.call('exchange:import', input)).toMatchObject({ created: 1, skipped: 1 })
    // The first import used up its staged file: the second chooses the file again.
    const again = { ...(await file('台账.xlsx', await messyTalentsXlsx())), skipInvalid: true }
    const updated = await b.call('exchange:import', { ...again, onDuplicate: 'update' })
    // 王建国 was created by the first run, so both rows are duplicates now.
    expect(updated).toMatchObject({ updated: 2, created: 0 })
    const li = (await b.call('talents:list', { search: '李志红' })).rows[0]
    expect(li).toMatchObject({ phone: '13812345678', skills: ['合同纠纷', '家电维修'] })
  })

  it('reads GBK CSV as Excel in China saves it, and UTF-8 with BOM', async () => {
    const csv = '姓名,联系电话,政治面貌,入库日期\r\n陈玉梅,13908711205,群众,2024/5/6\r\n'
    const gbk = await b.call('exchange:preview', await file('ledger.csv', gbkCsv(csv)))
    expect(gbk).toMatchObject({ total: 1, valid: 1, rows: [{ name: '陈玉梅' }] })
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])
    await b.call('exchange:import', await file('ledger.csv', utf8))
    expect((await b.call('talents:list', {})).rows[0]).toMatchObject({
      name: '陈玉梅',
      joined_on: '2024-05-06',
    })
  })

  it('a user-corrected mapping is used instead of the guess', async () => {
    const p = await b.call('exchange:preview', {
      ...(await file('台账.xlsx', await messyTalentsXlsx())),
      mapping: { '1': 'name', '3': 'phone', '9': 'occupation' },
    })
    expect(p.columns.find((c) => c.header === '备注')?.key).toBe('occupation')
    expect(p.columns.find((c) => c.header === '公民身份号码')?.key).toBe('')
  })

  it('backs up the database before importing more than 100 rows, all in one transaction', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(['姓名', '联系电话'])
    for (let i = 0; i < 150; i++) ws.addRow([`居民${i}`, `139${String(10000000 + i)}`])
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
    const r = await b.call('exchange:import', await file('big.xlsx', buf))
    expect(r.created).toBe(150)
    expect(r.backup).toMatch(/lianjian-\d{8}-\d{6}-import\.sqlite$/)
    // The verified copy and its sidecar (versions, counts), nothing else.
    expect(readdirSync(join(b.dataDir, 'backups')).sort()).toEqual([
      basename(r.backup ?? ''),
      `${basename(r.backup ?? '')}.json`,
    ])
  })
})

describe('round trip', () => {
  it('export unmasked, import into a fresh database: the same records, IDs exact', async () => {
    await b.call('talents:create', {
      name: '李志红',
      phone: '13812345678',
      id_card: '11010519491231002X',
      categories: ['法律服务'],
      skills: ['合同纠纷'],
      domains: ['矛盾纠纷调处'],
      status: '在册',
      joined_on: '2025-01-02',
      note: '-负责人',
    })
    await b.call('talents:create', {
      name: '王建国',
      phone: '0871-65123456',
      birth_month: '1965-03',
      status: '暂停',
      joined_on: '2025-01-03',
    })
    const cols = (await b.call('exchange:columns', { register: 'talents' })).columns.map(
      (c) => c.key,
    )
    const out = await b.call('exchange:export', {
      register: 'talents',
      columns: cols,
      masked: false,
    })
    const before = (await b.call('talents:list', {})).rows
    const fresh = testBackend()
    try {
      await fresh.call('settings:save', {
        community_name: 'x',
        street_name: 'y',
        party_org_name: 'z',
      })
      await fresh.call('grids:create', { name: '第一网格' })
      const r = await fresh.call('exchange:import', {
        register: 'talents',
        fileName: out.fileName,
        uploadId: await stageFile(fresh, Buffer.from(out.base64, 'base64')),
      })
      expect(r.created).toBe(2)
      const after = (await fresh.call('talents:list', {})).rows
      const strip = (rows: Record<string, unknown>[]) =>
        rows
          .map(({ id: _i, created_at: _c, updated_at: _u, grid_id: _g, ...rest }) => rest)
          .sort((x, y) => String(x.name).localeCompare(String(y.name)))
      expect(strip(after)).toEqual(strip(before))
    } finally {
      fresh.dispose()
    }
  })
})
