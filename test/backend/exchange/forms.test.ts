import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditFor } from '../../../src-main/backend/audit/audit.repo'
import { saveJinhua, testBackend, type TestBackend } from '../../helpers/temp-backend'
import { stageFile } from '../../helpers/staged-file'
import { noHeaderForm, streetTalentForm, wpsStyleForm } from '../../helpers/street-forms'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await saveJinhua(b)
  const g = await b.call('grids:create', { name: '第一网格' })
  const people = [
    ['李志红', '13812345678', '11010519491231002X', '中共党员', ['合同纠纷']],
    ['王建国', '13987654321', '', '群众', ['理发']],
    ['张秀英', '13700001111', '', '中共预备党员', ['心理疏导']],
    ['赵敏', '13600002222', '', '', []],
    ['钱多多', '13500003333', '', '共青团员', ['电工']],
  ] as const
  for (const [name, phone, id_card, political_status, skills] of people)
    await b.call('talents:create', {
      name,
      phone,
      id_card,
      political_status,
      skills: [...skills],
      grid_id: g.id,
      birth_month: name === '王建国' ? '1980-04' : '',
      categories: ['法律服务'],
      status: '在册',
    })
})
afterEach(() => b.dispose())

async function file(data: Buffer, fileName = '人才统计表.xlsx') {
  return { register: 'talents' as const, fileName, uploadId: await stageFile(b, data) }
}

async function load(data: Buffer | string) {
  const wb = new ExcelJS.Workbook()
  const buf = typeof data === 'string' ? Buffer.from(data, 'base64') : data
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('no sheet')
  return ws
}

const streetMapping = { G: 'blank' }

describe('reading a street form', () => {
  it('finds the two-row merged header, hidden column, form date, styled rows and notes', async () => {
    const info = await b.call('forms:inspect', await file(await streetTalentForm()))
    expect(info.headerRows).toEqual({ top: 3, bottom: 4 })
    expect(info.firstDataRow).toBe(5)
    expect(info.styledRows).toBe(3)
    expect(info.notesRow).toBe(9)
    expect(info.formDate).toBe('2026-03-31')
    expect(info.saved).toBe(false)
    expect(info.columns.map((c) => [c.letter, c.label, c.target, c.confidence])).toEqual([
      ['A', '序号', 'calc:seq', 'computed'],
      ['B', '基本信息/姓名', 'name', 'exact'],
      ['C', '基本信息/性别', 'gender', 'exact'],
      ['D', '基本信息/年龄', 'calc:age', 'computed'],
      ['E', '基本信息/政治面貌', 'political_status', 'exact'],
      ['F', '联系方式/手机', 'phone', 'synonym'],
      ['G', '联系方式/固定电话', '', 'none'],
      ['H', '所在社区', 'calc:community', 'computed'],
      ['I', '专业特长（必填）', 'skills', 'exact'],
      ['J', '身份证号码', 'id_card', 'synonym'],
      ['K', '是否党员', 'calc:is_party', 'computed'],
    ])
    expect(info.columns.find((c) => c.letter === 'J')?.hidden).toBe(true)
    expect(info.count).toBe(5)
    // Samples are masked by default and computed at the form's date.
    const li = info.samples.find((r) => r[1] === '李志红')
    expect(li?.[5]).toBe('138****5678')
    expect(li?.[9]).toBe('110105********002X')
    expect(li?.[3]).toBe('76')
    expect(li?.[7]).toBe('锦华社区')
    expect(li?.[10]).toBe('是')
    expect(info.samples.find((r) => r[1] === '王建国')?.[3]).toBe('45')
  })

  it('reads a WPS-style form: full-width header, 截止日期 in the next cell', async () => {
    const info = await b.call('forms:inspect', await file(await wpsStyleForm(), 'Sheet1.xlsx'))
    expect(info.headerRows).toEqual({ top: 3, bottom: 3 })
    expect(info.formDate).toBe('2025-12-31')
    expect(info.styledRows).toBe(5)
    expect(info.notesRow).toBeNull()
    expect(info.columns.map((c) => c.target)).toEqual([
      'calc:seq',
      'name',
      'birth_month',
      'phone',
      'categories',
      'grid_id',
      'calc:age',
    ])
  })

  it('refuses .xls, an encrypted file, a sheet without a header, and a huge sheet, in Chinese', async () => {
    const fail = async (data: Buffer, name: string) => {
      const r = await b.raw('forms:inspect', await file(data, name))
      expect(r.ok).toBe(false)
      return r.ok ? '' : r.error.message
    }
    const form = await streetTalentForm()
    expect(await fail(form, '统计表.xls')).toContain('另存为」.xlsx')
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(4000),
    ])
    expect(await fail(ole, '统计表.xlsx')).toContain('打开密码')
    expect(await fail(await noHeaderForm(), '通知.xlsx')).toContain('没有找到表头')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('大表')
    ws.addRow(['姓名', '联系电话'])
    for (let i = 0; i < 20_001; i++) ws.addRow([`人${i}`])
    const big = Buffer.from(await wb.xlsx.writeBuffer())
    expect(await fail(big, '大表.xlsx')).toContain('太大')
  })
})

describe('filling a street form', () => {
  it('refuses while a column has no mapping, naming it', async () => {
    const r = await b.raw('forms:fill', await file(await streetTalentForm()))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('G 列「联系方式/固定电话」')
  })

  it('round trip: values in place, notes moved down, formatting equal to the original', async () => {
    const original = await streetTalentForm()
    const out = await b.call('forms:fill', { ...(await file(original)), mapping: streetMapping })
    expect(out.count).toBe(5)
    expect(out.fileName).toBe('人才统计表（已填写）.xlsx')
    const before = await load(original)
    const ws = await load(out.base64)
    // Values, typed: numbers as numbers, IDs and phones as (masked) text.
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1, 12)
    const names = [5, 6, 7, 8, 9].map((r) => ws.getCell(r, 2).value)
    expect(new Set(names)).toEqual(new Set(['李志红', '王建国', '张秀英', '赵敏', '钱多多']))
    expect([5, 6, 7, 8, 9].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3, 4, 5])
    const li = row(5 + names.indexOf('李志红'))
    expect(li).toEqual([
      expect.any(Number),
      '李志红',
      '女',
      76,
      '中共党员',
      '138****5678',
      undefined,
      '锦华社区',
      '合同纠纷',
      '110105********002X',
      '是',
    ])
    expect(ws.getCell(5 + names.indexOf('赵敏'), 11).value).toBeNull()
    // The notes and the 填报人 line moved down by the two extra rows, merges with them.
    expect(ws.getCell('A11').value).toBe(before.getCell('A9').value)
    expect(ws.getCell('A12').value).toBe('填报人：')
    expect(ws.getCell('G12').value).toBe('审核人：')
    expect(ws.model.merges).toContain('A11:K11')
    expect(ws.model.merges).not.toContain('A9:K9')
    expect(ws.getRow(11).height).toBe(30)
    expect(ws.getCell('A11').font).toEqual(before.getCell('A9').font)
    expect(before.getCell(7, 3).dataValidation).toMatchObject({ type: 'list' })
    // Extra rows copy the last styled row: fonts, borders, alignment, height, number format.
    for (const r of [8, 9]) {
      expect(ws.getRow(r).height).toBe(20)
      expect(ws.getCell(r, 3).dataValidation).toEqual(before.getCell(7, 3).dataValidation)
      for (let c = 1; c <= 11; c++)
        expect(ws.getCell(r, c).style).toEqual(before.getCell(7, c).style)
    }
    // Title, header, widths, hidden column, merges and print setup as the street made them.
    // 「填报单位（盖章）：」 left empty gets the 社区党组织名称; the rest is untouched.
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：中共锦华社区委员会')
    for (let r = 1; r <= 4; r++) {
      expect(ws.getRow(r).height).toBe(before.getRow(r).height)
      for (let c = 1; c <= 11; c++) {
        if (r !== 2 || c > 6) expect(ws.getCell(r, c).value).toEqual(before.getCell(r, c).value)
        expect(ws.getCell(r, c).style).toEqual(before.getCell(r, c).style)
      }
    }
    for (let c = 1; c <= 11; c++) {
      expect(ws.getColumn(c).width).toBe(before.getColumn(c).width)
      expect(ws.getColumn(c).hidden).toBe(before.getColumn(c).hidden)
    }
    const headMerges = (m: string[]) => m.filter((x) => Number(/\d+$/.exec(x)?.[0]) <= 4)
    expect(headMerges(ws.model.merges).sort()).toEqual(headMerges(before.model.merges).sort())
    const { printArea, ...setup } = ws.pageSetup
    const { printArea: beforeArea, ...beforeSetup } = before.pageSetup
    expect(setup).toEqual(beforeSetup)
    expect(beforeArea).toBe('A1:K10')
    expect(printArea).toBe('A1:K12')
  })

  it('remembers a corrected mapping for the form and forgets it on request', async () => {
    const original = await streetTalentForm()
    await b.call('forms:fill', { ...(await file(original)), mapping: streetMapping })
    const again = await b.call('forms:inspect', await file(original))
    expect(again.saved).toBe(true)
    expect(again.columns.find((c) => c.letter === 'G')).toMatchObject({
      target: 'blank',
      confidence: 'saved',
    })
    // The remembered mapping fills without asking.
    expect((await b.call('forms:fill', await file(original))).count).toBe(5)
    const saved = await b.call('forms:mapping-save', {
      register: 'talents',
      signature: again.signature,
      labels: again.columns.map((c) => c.label),
      mapping: { ...streetMapping, G: 'phone' },
    })
    expect(saved.signature).toBe(again.signature)
    expect((await b.call('forms:inspect', await file(original))).columns[6]?.target).toBe('phone')
    const bad = await b.raw('forms:mapping-save', {
      register: 'talents',
      signature: again.signature,
      labels: [],
      mapping: { A: 'nonsense' },
    })
    expect(bad.ok).toBe(false)
    const gone = await b.call('forms:mapping-forget', {
      register: 'talents',
      signature: again.signature,
    })
    expect(gone.forgotten).toBe(true)
    const fresh = await b.call('forms:inspect', await file(original))
    expect(fresh.saved).toBe(false)
    expect(fresh.columns[6]?.target).toBe('')
  })

  it('unmasked only when asked, and audited; the current search only', async () => {
    const out = await b.call('forms:fill', {
      ...(await file(await streetTalentForm())),
      mapping: streetMapping,
      masked: false,
      search: '李志红',
    })
    expect(out.count).toBe(1)
    expect(out.fileName).toBe('人才统计表（已填写，未脱敏）.xlsx')
    const ws = await load(out.base64)
    expect(ws.getCell('F5').value).toBe('13812345678')
    expect(ws.getCell('J5').value).toBe('11010519491231002X')
    // Fewer records than styled rows: the rest stay empty and styled, notes stay put.
    expect(ws.getCell('B6').value).toBeNull()
    expect(ws.getCell('B7').border).toEqual(ws.getCell('B5').border)
    expect(ws.getCell('A9').value).toMatch(/^注：/)
    const audit = auditFor(b.ctx.db, 'talents', 0).map(
      (a) => JSON.parse(a.after_json ?? '{}') as Record<string, unknown>,
    )
    expect(audit.some((a) => a.masked === false && a.form === '人才统计表.xlsx')).toBe(true)
  })

  it("writes dates in the form's own number format and counts 年龄 at its 截止日期", async () => {
    const out = await b.call('forms:fill', await file(await wpsStyleForm(), 'Sheet1.xlsx'))
    const ws = await load(out.base64)
    const r = [4, 5, 6, 7, 8].find((x) => ws.getCell(x, 2).value === '王建国') ?? 0
    expect(ws.getCell(r, 3).value).toEqual(new Date(Date.UTC(1980, 3, 1)))
    expect(ws.getCell(r, 3).numFmt).toBe('yyyy"年"m"月"')
    expect(ws.getCell(r, 7).value).toBe(45)
    expect(ws.getCell(r, 6).value).toBe('第一网格')
  })
})
