import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditFor } from '../../src-main/backend/audit/audit.repo'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  const g = await b.call('grids:create', { name: '第一网格' })
  await b.call('talents:create', {
    name: '李志红',
    phone: '13812345678',
    id_card: '11010519491231002X',
    grid_id: g.id,
    categories: ['法律服务', '矛盾调解'],
    skills: ['合同纠纷'],
    status: '在册',
    note: '=HYPERLINK("http://evil")',
  })
  await b.call('talents:create', {
    name: '王建国',
    phone: '0871-65123456',
    status: '在册',
    employer: '+86 公司',
  })
})
afterEach(() => b.dispose())

async function read(base64: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('no sheet')
  const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? '')
  return { ws, text }
}

describe('export to .xlsx', () => {
  it('writes the street roster: title, 填报单位 line, frozen header in the street columns, masked', async () => {
    const cols = (await b.call('exchange:columns', { register: 'talents' })).defaults
    const out = await b.call('exchange:export', {
      register: 'talents',
      columns: cols,
      masked: true,
    })
    expect(out.count).toBe(2)
    expect(out.fileName).toMatch(/^青云街道锦华社区治理人才库花名册-\d{8}-\d{4}\.xlsx$/)
    const { ws, text } = await read(out.base64)
    expect(text(1, 1)).toBe('青云街道锦华社区治理人才库花名册')
    expect(text(2, 1)).toMatch(
      /^填报单位：中共锦华社区委员会\s+填报日期：\d{4}年\d{1,2}月\d{1,2}日$/,
    )
    const header = (ws.getRow(3).values as unknown[]).slice(1)
    expect(header).toEqual([
      '序号',
      '姓名',
      '性别',
      '出生年月',
      '政治面貌',
      '联系电话',
      '所属网格',
      '人才类别',
      '专业特长',
      '参与领域',
      '工作状态',
      '工作单位或原单位',
      '发现方式',
      '入库日期',
      '备注',
    ])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    const rows = [4, 5].map((r) =>
      (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined ? '' : String(v))),
    )
    const li = rows.find((r) => r[1] === '李志红')
    expect(li?.[5]).toBe('138****5678')
    expect(li?.[6]).toBe('第一网格')
    expect(li?.[7]).toBe('法律服务、矛盾调解')
    expect(li?.[14]).toBe(`'=HYPERLINK("http://evil")`)
    const wang = rows.find((r) => r[1] === '王建国')
    expect(wang?.[5]).toBe('0871-****3456')
    expect(wang?.[11]).toBe("'+86 公司")
    expect(ws.getCell(4, 6).numFmt).toBe('@')
  })

  it('an unmasked export is exact, kept as text, and audited', async () => {
    const out = await b.call('exchange:export', {
      register: 'talents',
      columns: ['name', 'id_card', 'phone'],
      masked: false,
    })
    const { ws, text } = await read(out.base64)
    const ids = [4, 5].map((r) => text(r, 3))
    expect(ids).toContain('11010519491231002X')
    expect(typeof ws.getCell(4, 4).value).toBe('string')
    expect(out.fileName).toContain('未脱敏')
    const audit = auditFor(b.ctx.db, 'talents', 0)
    expect(audit.at(-1)).toMatchObject({ action: 'export' })
    expect(JSON.parse(audit.at(-1)?.after_json ?? '{}')).toMatchObject({ count: 2, masked: false })
  })

  it('exports the current search and filter only', async () => {
    const out = await b.call('exchange:export', {
      register: 'talents',
      search: 'lzh',
      columns: ['name'],
      masked: true,
    })
    expect(out.count).toBe(1)
    const byFilter = await b.call('exchange:export', {
      register: 'talents',
      filters: { categories: '矛盾调解' },
      columns: ['name'],
      masked: true,
    })
    expect(byFilter.count).toBe(1)
  })

  it('refuses unknown columns and an empty column list', async () => {
    expect(
      await b.raw('exchange:export', { register: 'talents', columns: ['salary'], masked: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '导出列不存在：salary' },
    })
    expect(
      await b.raw('exchange:export', { register: 'talents', columns: [], masked: true }),
    ).toMatchObject({
      ok: false,
      error: { message: '请至少选择一列' },
    })
  })

  it('saves, lists, replaces and deletes named column presets', async () => {
    const p = await b.call('exchange:preset-save', {
      register: 'talents',
      name: '街道 2026 版',
      columns: ['phone', 'name'],
    })
    expect(p.columns).toEqual(['phone', 'name'])
    await b.call('exchange:preset-save', {
      register: 'talents',
      name: '街道 2026 版',
      columns: ['name'],
    })
    const list = await b.call('exchange:presets', { register: 'talents' })
    expect(list).toHaveLength(1)
    expect(list[0]?.columns).toEqual(['name'])
    await b.call('exchange:preset-delete', { id: p.id })
    expect(await b.call('exchange:presets', { register: 'talents' })).toEqual([])
  })

  it('every register exports with its own title', async () => {
    await b.call('units:create', {
      name: '盘龙区人民医院',
      liaison: '王',
      liaison_phone: '13800000000',
      status: '共建中',
    })
    const cols = (await b.call('exchange:columns', { register: 'units' })).defaults
    const out = await b.call('exchange:export', { register: 'units', columns: cols, masked: true })
    const { text } = await read(out.base64)
    expect(text(1, 1)).toBe('青云街道锦华社区共建成员单位名册')
    expect(text(4, 2)).toBe('盘龙区人民医院')
  })
})
