// `lianjian street import | status | export` on real files in a real data folder.
import ExcelJS from 'exceljs'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../../helpers/cli-run'
import { streetSheet } from '../../helpers/street-files'

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

    const form = await runCaptured([
      'street',
      'export',
      '--out',
      out,
      '--form',
      'x.xlsx',
      '--data-dir',
      data,
    ])
    expect(form.code).toBe(1)
    expect(form.err).toContain('暂不支持按街道自己的表格（--form）导出')
  })
})
