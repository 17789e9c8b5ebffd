// Filling street forms, the less common cases: a form that computes columns by formula and sums
// them under the table, a protected sheet, no 社区信息 yet, and a form for another register.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stageFile } from '../../helpers/staged-file'
import { formulaUnitsForm, streetTalentForm } from '../../helpers/street-forms'
import { saveJinhua, testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await saveJinhua(b)
})
afterEach(() => b.dispose())

async function load(base64: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('no sheet')
  return ws
}

const streetMapping = { G: 'blank' }

describe('filling a street form: formulas, protection, missing 社区信息, wrong register', () => {
  it("keeps the form's formulas: in added rows, and a 合计 row growing with the data", async () => {
    for (let i = 1; i <= 4; i++)
      await b.call('units:create', {
        name: `共建单位${i}`,
        liaison: '联络员',
        liaison_phone: '13800000000',
        member_count: 10 * i,
        reported_count: i,
        status: '共建中',
      })
    const data = await formulaUnitsForm()
    const staged = {
      register: 'units' as const,
      fileName: '报到统计.xlsx',
      uploadId: await stageFile(b, data),
    }
    const info = await b.call('forms:inspect', staged)
    expect(info.columns.map((c) => [c.target, c.confidence])).toEqual([
      ['calc:seq', 'computed'],
      ['name', 'exact'],
      ['member_count', 'exact'],
      ['reported_count', 'exact'],
      ['blank', 'formula'],
    ])
    expect(info.headerRows).toEqual({ top: 2, bottom: 2 })
    expect(info.notesRow).toBe(6)
    const ws = await load((await b.call('forms:fill', staged)).base64)
    expect(String(ws.getCell('D1').value)).toMatch(/^填报日期：\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(ws.getCell('E4').value).toMatchObject({ formula: 'IF(C4=0,"",D4/C4)' })
    expect(ws.getCell('E6').value).toMatchObject({ formula: 'IF(C6=0,"",D6/C6)' })
    expect(ws.getCell('E6').numFmt).toBe('0%')
    const counts = [3, 4, 5, 6].map((r) => Number(ws.getCell(r, 3).value))
    expect(counts.sort((x, y) => x - y)).toEqual([10, 20, 30, 40])
    expect(ws.getCell('A7').value).toBe('合计')
    expect(ws.getCell('C7').value).toMatchObject({ formula: 'SUM(C3:C6)' })
    expect(ws.getCell('E7').value).toMatchObject({ formula: 'IF(C7=0,"",D7/C7)' })
  })

  it('without 社区信息 the preview still shows; filling a 所在社区 column says what to fill first', async () => {
    const bare = testBackend()
    try {
      await bare.call('talents:create', { name: '李志红', phone: '13812345678', status: '在册' })
      const staged = {
        register: 'talents' as const,
        fileName: '人才统计表.xlsx',
        uploadId: await stageFile(bare, await streetTalentForm()),
      }
      const info = await bare.call('forms:inspect', staged)
      expect(info.samples[0]?.[7]).toBe('')
      const r = await bare.raw('forms:fill', { ...staged, mapping: streetMapping })
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('请先在「社区信息」中填写') },
      })
    } finally {
      bare.dispose()
    }
  })

  it('a sheet protected against editing is filled and stays protected (only an open password is refused)', async () => {
    await b.call('talents:create', { name: '李志红', phone: '13812345678', status: '在册' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await streetTalentForm()) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]
    if (!sheet) throw new Error('no sheet')
    await sheet.protect('街道密码', { selectLockedCells: true, selectUnlockedCells: true })
    const data = Buffer.from(await wb.xlsx.writeBuffer())
    const out = await b.call('forms:fill', {
      register: 'talents',
      fileName: '人才统计表.xlsx',
      uploadId: await stageFile(b, data),
      mapping: streetMapping,
    })
    const ws = await load(out.base64)
    expect(ws.getCell('B5').value).toBe('李志红')
    expect(
      (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection,
    ).toMatchObject({
      sheet: true,
      algorithmName: 'SHA-512',
    })
  })

  it('a form for another register says where to fill it instead of guessing', async () => {
    const r = await b.raw('forms:inspect', {
      register: 'talents',
      fileName: '报到统计.xlsx',
      uploadId: await stageFile(b, await formulaUnitsForm()),
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('像是共建单位的表格。请到「共建单位」页面'),
      },
    })
  })
})
