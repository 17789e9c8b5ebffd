// 民情事项 fill a superior's own form like the other registers (forms:* with register
// 'matters'): the mapping by label, 所在社区 from 社区信息, the phone masked, the unmapped
// column named, and the CLI `lianjian fill matters`.
import ExcelJS from 'exceljs'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../../helpers/cli-run'
import { stageFile } from '../../helpers/staged-file'
import { streetMattersForm } from '../../helpers/street-forms'
import { saveJinhua, testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await saveJinhua(b)
  await b.call('matters:create', {
    reported_on: '2026-03-12',
    source: '来电来访',
    kind: '问题',
    content: '楼道灯不亮',
    reporter: '李志红',
    phone: '13812345678',
  })
  await b.call('matters:create', {
    reported_on: '2026-03-14',
    source: '网格走访',
    kind: '建议',
    content: '增设非机动车充电桩',
    reporter: '王建国',
  })
})
afterEach(() => b.dispose())
const dir = tempDirsPerTest()

async function form() {
  return {
    register: 'matters' as const,
    fileName: '民情事项汇总表.xlsx',
    uploadId: await stageFile(b, await streetMattersForm()),
  }
}

describe('填报上级表格 for 民情事项', () => {
  it('maps the columns, names the one it cannot, fills a masked copy', async () => {
    const info = await b.call('forms:inspect', await form())
    expect(info.columns.map((c) => c.target)).toEqual([
      'calc:seq',
      'code',
      'reported_on',
      'reporter',
      'phone',
      'content',
      'status',
      'calc:community',
      '',
    ])
    expect(info.count).toBe(2)
    const refused = await b.raw('forms:fill', await form())
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('I 列「办理结果」')

    const out = await b.call('forms:fill', { ...(await form()), mapping: { I: 'blank' } })
    expect(out.count).toBe(2)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    const li = [4, 5].find((r) => ws?.getCell(r, 4).value === '李志红') ?? 0
    expect([2, 5, 6, 7, 8].map((c) => ws?.getCell(li, c).value)).toEqual([
      '2026-0001',
      '138****5678',
      '楼道灯不亮',
      '待派单',
      '锦华社区',
    ])
    expect(ws?.getCell('A2').value).toBe('填报单位（盖章）：中共锦华社区委员会')
    expect(ws?.getCell('A7').value).toBe('注：每月5日前报送街道党建办。')
    expect(ws?.getCell(li, 3).border).toEqual(ws?.getCell(3, 3).border)
  })

  it('lianjian fill matters works on the command line', async () => {
    const work = dir()
    const blank = join(work, '民情事项汇总表.xlsx')
    writeFileSync(blank, await streetMattersForm())
    const filled = join(work, '已填写.xlsx')
    const info = await b.call('forms:inspect', await form())
    await b.call('forms:mapping-save', {
      register: 'matters',
      signature: info.signature,
      labels: info.columns.map((c) => c.label),
      mapping: { I: 'blank' },
    })
    b.close()
    const r = await runCaptured([
      'fill',
      'matters',
      blank,
      '--out',
      filled,
      '--data-dir',
      b.dataDir,
    ])
    expect(r.err).toBe('')
    expect(r.out).toContain('E 联系电话 → 联系电话')
    expect(r.out).toContain('已填写 2 条')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(filled) as unknown as ArrayBuffer)
    const contents = [4, 5].map((r) => wb.worksheets[0]?.getCell(r, 6).value)
    expect(contents.sort()).toEqual(['增设非机动车充电桩', '楼道灯不亮'].sort())
    b = testBackend(b.dataDir)
  })
})
