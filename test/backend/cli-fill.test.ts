import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../helpers/cli-run'
import { stageFile } from '../helpers/staged-file'
import { streetTalentForm } from '../helpers/street-forms'
import { saveJinhua, testBackend } from '../helpers/temp-backend'

const dir = tempDirsPerTest()

describe('lianjian fill', () => {
  it('prints the mapping, stops on a column it cannot map, then fills once it is marked 留空', async () => {
    const b = testBackend(dir())
    await saveJinhua(b)
    await b.call('talents:create', { name: '李志红', phone: '13812345678', status: '在册' })
    await b.call('talents:create', { name: '王建国', phone: '13987654321', status: '在册' })
    const formData = await streetTalentForm()
    const work = dir()
    const form = join(work, '青云街道人才统计表.xlsx')
    writeFileSync(form, formData)
    const out = join(work, '已填写.xlsx')
    b.close()
    const args = ['fill', 'talents', form, '--out', out, '--data-dir', b.dataDir]
    const first = await runCaptured(args)
    expect(first.code).toBe(1)
    expect(first.out).toContain('表头第 3–4 行，数据从第 5 行起')
    expect(first.out).toContain('F 联系方式/手机 → 联系电话')
    expect(first.out).toContain('J 身份证号码（隐藏列） → 身份证号')
    expect(first.out).toContain('G 联系方式/固定电话 → ？')
    expect(first.err).toContain('G 列「联系方式/固定电话」')
    expect(first.out).toContain('K 是否党员 → 是否党员（按政治面貌）')

    // The dialog saves the user's choice for this form; the command line then uses it.
    const again = testBackend(b.dataDir)
    const info = await again.call('forms:inspect', {
      register: 'talents',
      fileName: '青云街道人才统计表.xlsx',
      uploadId: await stageFile(again, formData),
    })
    await again.call('forms:mapping-save', {
      register: 'talents',
      signature: info.signature,
      labels: info.columns.map((c) => c.label),
      mapping: { G: 'blank' },
    })
    again.close()
    const second = await runCaptured([...args, '--search', '李志红'])
    expect(second.code).toBe(0)
    expect(second.out).toContain('列对应（按上次保存的对应关系）')
    expect(second.out).toContain('G 联系方式/固定电话 → 留空（不填这一列）')
    expect(second.out).toContain('已填写 1 条')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    expect(ws?.getCell('B5').value).toBe('李志红')
    expect(ws?.getCell('F5').value).toBe('138****5678')
    expect(ws?.getCell('B6').value).toBeNull()

    const unmasked = await runCaptured([...args, '--unmasked'])
    expect(unmasked.code).toBe(0)
    expect(unmasked.out).toContain('已填写 2 条')
    expect(unmasked.out).toContain('未脱敏，已记入操作记录')
  })
})
