// `lianjian street import | status | export` on real files in a real data folder.
import ExcelJS from 'exceljs'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../../helpers/cli-run'
import { stageFile } from '../../helpers/staged-file'
import { streetSheet } from '../../helpers/street-files'
import { streetTalentForm } from '../../helpers/street-forms'
import { testBackend } from '../../helpers/temp-backend'

const dir = tempDirsPerTest()

describe('lianjian street', () => {
  it('imports files, refuses the same file twice, shows status and exports', async () => {
    const data = dir()
    const work = dir()
    const a = join(work, '玉溪.xlsx')
    const b = join(work, '无社区.xlsx')
    writeFileSync(
      a,
      await streetSheet('玉溪社区', [['陈刚', '男', '13300005555', '', '技能服务', '']]),
    )
    writeFileSync(b, await streetSheet('', [['孙丽', '女', '13200006666', '', '法律服务', '']]))
    const set = await runCaptured([
      'settings',
      'set',
      'community_name=青云街道',
      'street_name=青云街道',
      'party_org_name=中共青云街道工作委员会',
      '--data-dir',
      data,
    ])
    expect(set.code).toBe(0)

    const first = await runCaptured(['street', 'import', a, '--data-dir', data])
    expect(first.code).toBe(0)
    expect(first.out).toContain('已导入玉溪社区的报送 1 人')

    // One file names no community: it fails with a clear message, the other says it was seen.
    const both = await runCaptured(['street', 'import', a, b, '--data-dir', data])
    expect(both.code).toBe(1)
    expect(both.out).toContain('没有重复导入')
    expect(both.out).toMatch(/无社区\.xlsx：未导入。.*请选择或填写报送的社区/)
    const named = await runCaptured([
      'street',
      'import',
      b,
      '--community',
      '山水社区',
      '--data-dir',
      data,
    ])
    expect(named.out).toContain('已导入山水社区的报送 1 人')

    const status = await runCaptured(['street', 'status', '--data-dir', data])
    expect(status.out).toContain('合并人才库共 2 人')
    expect(status.out).toContain('玉溪社区')
    const json = JSON.parse(
      (await runCaptured(['street', 'status', '--json', '--data-dir', data])).out,
    ) as {
      communities: { name: string; last: { row_count: number } }[]
    }
    expect(json.communities.map((c) => [c.name, c.last.row_count])).toEqual([
      ['山水社区', 1],
      ['玉溪社区', 1],
    ])

    const out = join(work, '合并.xlsx')
    const exp = await runCaptured(['street', 'export', '--out', out, '--data-dir', data])
    expect(exp.out).toContain('已导出合并人才库 2 人')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
    expect(wb.worksheets[0]?.getCell('B5').text).toBe('玉溪社区')

    // The district's own form: 所在社区 per row; an unknown column stops it, naming the column.
    const blank = join(work, '区人才统计表.xlsx')
    writeFileSync(blank, await streetTalentForm())
    const filled = join(work, '区人才统计表（已填写）.xlsx')
    const args = ['street', 'export', '--out', filled, '--form', blank, '--data-dir', data]
    const stopped = await runCaptured(args)
    expect(stopped.code).toBe(1)
    expect(stopped.out).toContain('H 所在社区 → 所在社区（社区信息）')
    expect(stopped.err).toContain('G 列「联系方式/固定电话」')
    expect(stopped.err).toContain('按上级表格导出')
    expect(existsSync(filled)).toBe(false)
  })

  it('export --form fills the district form once its mapping is saved', async () => {
    const data = dir()
    const work = dir()
    const a = join(work, '玉溪.xlsx')
    writeFileSync(a, await streetSheet('玉溪社区', [['陈刚', '男', '13300005555', '', '', '电工']]))
    expect((await runCaptured(['street', 'import', a, '--data-dir', data])).code).toBe(0)
    const blank = join(work, '区人才统计表.xlsx')
    writeFileSync(blank, await streetTalentForm())
    // The mapping the dialog would save (G 固定电话 留空), so the command line fills unasked.
    const b = testBackend(data)
    try {
      const info = await b.call('forms:inspect', {
        register: 'talents',
        pool: 'street',
        fileName: '区人才统计表.xlsx',
        uploadId: await stageFile(b, readFileSync(blank)),
      })
      await b.call('forms:mapping-save', {
        register: 'talents',
        pool: 'street',
        signature: info.signature,
        labels: info.columns.map((c) => c.label),
        mapping: { G: 'blank' },
      })
    } finally {
      b.close() // not dispose(): that removes the data folder the CLI runs on next
    }
    const filled = join(work, '已填写.xlsx')
    const args = ['street', 'export', '--out', filled, '--form', blank, '--data-dir', data]
    const ok = await runCaptured([...args, '--unmasked'])
    expect(ok.err).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('列对应（按上次保存的对应关系）')
    expect(ok.out).toContain('已从合并人才库填写 1 条')
    expect(ok.out).toContain('未脱敏，已记入操作记录')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(filled) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect([2, 6, 8, 9].map((c) => ws?.getCell(5, c).value)).toEqual([
      '陈刚',
      '13300005555',
      '玉溪社区',
      '电工',
    ])
    expect(ws?.getCell('A1').value).toBe('青云街道社区治理人才信息统计表')
  })
})
