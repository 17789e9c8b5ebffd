// `lianjian export` / `lianjian import` on real data folders and real files.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { fillDemo } from '../../../src-main/backend/demo/demo'
import { runCaptured, tempDirsPerTest } from '../../helpers/cli-run'
import { testBackend } from '../../helpers/temp-backend'
import { messyTalentsXlsx } from './fixtures'

const dir = tempDirsPerTest()
const run = runCaptured
function demoDir(): string {
  const d = dir()
  const b = testBackend(d)
  fillDemo(b.ctx)
  b.close()
  return d
}
async function cellTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
  const texts: string[] = []
  wb.worksheets[0]?.eachRow((row) =>
    row.eachCell((c) => {
      texts.push(String(c.value))
    }),
  )
  return texts
}

describe('lianjian export', () => {
  it('writes the street roster masked by default, exact with --unmasked, and a named preset', async () => {
    const d = demoDir()
    const masked = join(d, 'masked.xlsx')
    const r = await run(['export', 'talents', '--data-dir', d, '--out', masked])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/已导出 300 条.*已脱敏/)
    const texts = await cellTexts(masked)
    expect(texts.some((t) => /^1\d{2}\*{4}\d{4}$/.test(t))).toBe(true)
    expect(texts.some((t) => /^1\d{10}$/.test(t))).toBe(false)

    const plain = join(d, 'plain.xlsx')
    expect(
      (await run(['export', 'talents', '--data-dir', d, '--out', plain, '--unmasked'])).code,
    ).toBe(0)
    expect((await cellTexts(plain)).some((t) => /^1\d{10}$/.test(t))).toBe(true)

    const b = testBackend(d)
    await b.call('exchange:preset-save', {
      register: 'talents',
      name: '街道简表',
      columns: ['name', 'phone'],
    })
    b.close()
    const short = join(d, 'short.xlsx')
    expect(
      (await run(['export', 'talents', '--data-dir', d, '--out', short, '--preset', '街道简表']))
        .code,
    ).toBe(0)
    const header = (await cellTexts(short)).filter(
      (t) => t === '姓名' || t === '联系电话' || t === '性别',
    )
    expect(header).toEqual(['姓名', '联系电话'])

    const missing = await run([
      'export',
      'talents',
      '--data-dir',
      d,
      '--out',
      short,
      '--preset',
      '无',
    ])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('没有名为「无」的导出方案。已有方案：街道简表')
  })

  it('refuses a missing --out and an unknown register with a Chinese message', async () => {
    const d = dir()
    const a = await run(['export', 'talents', '--data-dir', d])
    expect(a.code).toBe(1)
    expect(a.err).toContain('请用 --out 指定导出的文件')
    const b = await run(['export', 'people', '--data-dir', d, '--out', join(d, 'x.xlsx')])
    expect(b.err).toContain('请指定登记簿')
  })
})

describe('lianjian import', () => {
  it('prints the row report; --dry-run writes nothing; a real run imports the good rows', async () => {
    const d = dir()
    const b = testBackend(d)
    await b.call('grids:create', { name: '第一网格' })
    b.close()
    const file = join(d, '台账.xlsx')
    writeFileSync(file, await messyTalentsXlsx())

    const dry = await run(['import', 'talents', file, '--data-dir', d, '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.out).toContain('表头在第 4 行')
    expect(dry.out).toContain('名字 → 姓名')
    expect(dry.out).toMatch(/第 10 行 {2}钱多多 {2}身份证号：身份证号显示成了科学计数法/)
    expect(dry.out).toContain('试运行')
    const count = async () => {
      const c = testBackend(d)
      const n = (await c.call('talents:list', {})).total
      c.close()
      return n
    }
    expect(await count()).toBe(0)

    const real = await run(['import', 'talents', file, '--data-dir', d])
    expect(real.code).toBe(0)
    expect(real.out).toMatch(/导入完成：新增 2 条/)
    expect(await count()).toBe(2)

    // The same file again: everything is a duplicate now, so nothing new is written.
    const again = await run(['import', 'talents', file, '--data-dir', d])
    expect(again.out).toMatch(/新增 0 条，更新 0 条，跳过重复 2 条/)
    expect(again.code).toBe(1)
  })

  it('exits non-zero with the reason when nothing can be imported', async () => {
    const d = dir()
    const junk = join(d, 'junk.xlsx')
    writeFileSync(junk, 'not a spreadsheet at all')
    const r = await run(['import', 'talents', junk, '--data-dir', d])
    expect(r.code).toBe(1)
    expect(r.err).toContain('不是有效的 Excel/Word 文件')
    const bad = await run(['import', 'talents', join(d, 'nope.xlsx'), '--data-dir', d])
    expect(bad.err).toContain('读不到文件')
    const dup = await run(['import', 'talents', junk, '--data-dir', d, '--on-duplicate', 'merge'])
    expect(dup.err).toContain('--on-duplicate 只能是 skip（跳过）或 update（更新）')
  })
})
