// The CLI does what the UI does: 社区信息, 网格, import creating 网格, export of chosen or all
// columns, and the yearly report without --year, on real data folders and real files.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { runCaptured, tempDirsPerTest } from '../helpers/cli-run'
import { testBackend } from '../helpers/temp-backend'
import { realLedgerXlsx } from './exchange/fixtures'

const dir = tempDirsPerTest()
const run = runCaptured
async function headerRow(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  // The header is the first row whose first cell is 序号.
  for (let i = 1; i <= 6; i++) {
    const values = (ws?.getRow(i).values as unknown[]).slice(1).map(String)
    if (values[0] === '序号') return values
  }
  return []
}

describe('lianjian settings', () => {
  it('shows empty 社区信息 with how to fill it, sets keys, and validates like the page', async () => {
    const d = dir()
    const empty = await run(['settings', '--data-dir', d])
    expect(empty.code).toBe(0)
    expect(empty.out).toContain('还没有填写社区信息')
    expect(empty.out).toContain('community_name（社区名称）：（未填）')

    const partial = await run(['settings', 'set', 'community_name=锦华社区', '--data-dir', d])
    expect(partial.code).toBe(1)
    expect(partial.err).toContain('请填写所属街道')
    expect(partial.err).toContain('第一次填写时请同时给出')

    const set = await run([
      'settings',
      'set',
      'community_name=锦华社区',
      'street_name=青云街道',
      'party_org_name=中共锦华社区委员会',
      'phone=0871-１２３４５６７８',
      '--data-dir',
      d,
    ])
    expect(set.code).toBe(0)
    expect(set.out).toContain('已保存社区信息')
    const json = JSON.parse((await run(['settings', '--json', '--data-dir', d])).out) as Record<
      string,
      unknown
    >
    expect(json).toMatchObject({
      community_name: '锦华社区',
      street_name: '青云街道',
      phone: '0871-12345678',
      configured: true,
    })
    // Later changes keep what was there.
    expect((await run(['settings', 'set', 'operator_name=张秀兰', '--data-dir', d])).code).toBe(0)
    const again = JSON.parse((await run(['settings', '--json', '--data-dir', d])).out) as Record<
      string,
      unknown
    >
    expect(again).toMatchObject({ community_name: '锦华社区', operator_name: '张秀兰' })

    const unknown = await run(['settings', 'set', 'name=x', '--data-dir', d])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('没有「name」这一项')
    expect(unknown.err).toContain('community_name（社区名称）')
    const badPhone = await run(['settings', 'set', 'phone=12345', '--data-dir', d])
    expect(badPhone.code).toBe(1)
    expect(badPhone.err).toMatch(/电话号码.*键 phone/)
    const noEquals = await run(['settings', 'set', 'community_name', '--data-dir', d])
    expect(noEquals.err).toContain('应写成 键=值')
  })
})

describe('lianjian grids', () => {
  it('lists, adds several at once, refuses a duplicate, masks 网格长 phones', async () => {
    const d = dir()
    expect((await run(['grids', '--data-dir', d])).out).toContain('还没有网格')
    const add = await run(['grids', 'add', '第十网格', '第二网格', '--data-dir', d])
    expect(add.code).toBe(0)
    expect(add.out).toBe('已新增网格：第十网格、第二网格')
    const list = await run(['grids', '--data-dir', d])
    expect(
      list.out
        .split('\n')
        .slice(2)
        .map((l) => l.split('\t')[1]),
    ).toEqual(['第二网格', '第十网格'])
    const dup = await run(['grids', 'add', '第二网格', '--data-dir', d])
    expect(dup.code).toBe(1)
    expect(dup.err).toContain('已有名为「第二网格」的网格')
    const json = JSON.parse((await run(['grids', '--json', '--data-dir', d])).out) as unknown[]
    expect(json).toHaveLength(2)

    // Deleting a grid people belong to needs --move-to, and moves them in the same step.
    const b = testBackend(d)
    const grids = await b.call('grids:list', {})
    await b.call('talents:create', {
      name: '陈玉梅',
      phone: '13908711205',
      status: '在册',
      grid_id: grids.find((g) => g.name === '第十网格')?.id ?? null,
    })
    b.close()
    const refused = await run(['grids', 'delete', '第十网格', '--data-dir', d])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('「第十网格」里还有社区能人 1。请用 --move-to')
    const unknown = await run([
      'grids',
      'delete',
      '第十网格',
      '--move-to',
      '第九网格',
      '--data-dir',
      d,
    ])
    expect(unknown.err).toContain('没有名为「第九网格」的网格（--move-to）')
    const moved = await run([
      'grids',
      'delete',
      '第十网格',
      '--move-to',
      '第二网格',
      '--data-dir',
      d,
    ])
    expect(moved.out).toBe('已把 1 条记录移到「第二网格」，并删除了网格「第十网格」')
    const listed = await run(['list', 'talents', '--json', '--data-dir', d])
    expect(JSON.parse(listed.out).rows[0].grid_name).toBe('第二网格')
    expect((await run(['grids', 'delete', '第二网格', '--data-dir', d])).code).toBe(1)
  })
})

describe('lianjian import --create-grids and export --columns', () => {
  it('prints the bracket matches and the rows it leaves out', async () => {
    const d = dir()
    expect(
      (await run(['grids', 'add', '第一网格（锦华苑）', '第二网格（金桂园）', '--data-dir', d]))
        .code,
    ).toBe(0)
    const file = join(d, 'ledger.xlsx')
    writeFileSync(file, await realLedgerXlsx())
    const r = await run(['import', 'talents', file, '--dry-run', '--data-dir', d])
    expect(r.out).toContain(
      '网格按括号前的名称对应：第一网格 → 第一网格（锦华苑）；第二网格 → 第二网格（金桂园）',
    )
    expect(r.out).toContain('略过 3 行（不是数据）：第 7 行 导入模板的示例行')
    expect(r.out).toContain('共 4 行：可导入 2 行')
  })

  it('creates the ledger 网格 only when asked, then exports chosen or all columns', async () => {
    const d = dir()
    const csv = join(d, 'ledger.csv')
    writeFileSync(
      csv,
      '姓名,联系电话,所在网格,身份证号\r\n陈玉梅,13908711205,第一网格,11010519491231002X\r\n丁建华,13908711206,第二网格,\r\n',
    )
    const dry = await run(['import', 'talents', csv, '--dry-run', '--data-dir', d])
    expect(dry.out).toContain('表中有还没有的网格：第一网格、第二网格。加 --create-grids')
    const plain = await run(['import', 'talents', csv, '--data-dir', d])
    expect(plain.code).toBe(1)
    const created = await run(['import', 'talents', csv, '--create-grids', '--data-dir', d])
    expect(created.code).toBe(0)
    expect(created.out).toContain('将新增网格：第一网格、第二网格')
    expect(created.out).toContain('新增 2 条')
    expect((await run(['grids', '--data-dir', d])).out).toContain('第一网格')

    const settings = [
      'settings',
      'set',
      'community_name=锦华社区',
      'street_name=青云街道',
      'party_org_name=中共锦华社区委员会',
    ]
    const noSettings = await run(['export', 'talents', '--out', join(d, 'x.xlsx'), '--data-dir', d])
    expect(noSettings.err).toContain('lianjian settings set')
    expect((await run([...settings, '--data-dir', d])).code).toBe(0)
    const chosen = join(d, 'chosen.xlsx')
    const r = await run([
      'export',
      'talents',
      '--columns',
      '姓名,身份证号,所属网格',
      '--out',
      chosen,
      '--data-dir',
      d,
    ])
    expect(r.code).toBe(0)
    expect(await headerRow(chosen)).toEqual(['序号', '姓名', '身份证号', '所属网格'])
    const all = join(d, 'all.xlsx')
    expect(
      (await run(['export', 'talents', '--all-columns', '--out', all, '--data-dir', d])).code,
    ).toBe(0)
    const header = await headerRow(all)
    expect(header.length).toBeGreaterThan(20)
    expect(header).toContain('可服务时间')
    const wrong = await run([
      'export',
      'talents',
      '--columns',
      '姓名,年龄',
      '--out',
      all,
      '--data-dir',
      d,
    ])
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('没有「年龄」这一列')
    const both = await run([
      'export',
      'talents',
      '--columns',
      '姓名',
      '--all-columns',
      '--out',
      all,
      '--data-dir',
      d,
    ])
    expect(both.err).toContain('只能选用一个')
  })
})

describe('lianjian generate report', () => {
  it('without --year is this year’s whole-year report', async () => {
    const d = dir()
    await run([
      'settings',
      'set',
      'community_name=锦华社区',
      'street_name=青云街道',
      'party_org_name=中共锦华社区委员会',
      '--data-dir',
      d,
    ])
    const out = join(d, 'report.docx')
    const r = await run(['generate', 'report', '--out', out, '--data-dir', d])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const year = new Date().getFullYear()
    expect(r.out).toContain(`未指定 --year，按 ${year} 年全年生成`)
    expect(r.out).toContain(`已生成`)
    expect(readFileSync(out).length).toBeGreaterThan(1000)
  })
})
