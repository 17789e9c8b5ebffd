// A ledger made the way people make them: a title row, 所在网格 with 「第一网格」 where the grid
// is 「第一网格（锦华苑）」, full-width phone digits, the template's example person copied in, a
// 「填表人：… 填表日期：…」 footer, and grids that do not exist yet (one only on a bad row).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { stageFile } from '../../helpers/staged-file'
import { realLedgerXlsx } from './fixtures'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await b.call('grids:create', { name: '第一网格（锦华苑）' })
  await b.call('grids:create', { name: '第二网格（金桂园）' })
})
afterEach(() => b.dispose())

const file = async (createGrids = false) => ({
  register: 'talents' as const,
  fileName: '锦华社区能人台账.xlsx',
  uploadId: await stageFile(b, await realLedgerXlsx()),
  createGrids,
})

describe('importing a real ledger', () => {
  it('maps 所在网格, matches 第一网格 by the name before the bracket and says so', async () => {
    const p = await b.call('exchange:preview', await file())
    expect(p.columns.find((c) => c.header === '所在网格')?.key).toBe('grid_id')
    expect(p.columns.find((c) => c.header === '身份证号码')?.key).toBe('id_card')
    expect(p.gridMatches).toEqual([
      { sheet: '第一网格', grid: '第一网格（锦华苑）' },
      { sheet: '第二网格', grid: '第二网格（金桂园）' },
    ])
    // The footer lines and the example are not data; they are listed, not counted.
    expect(p.total).toBe(4)
    expect(p.ignored).toEqual([
      { row: 7, reason: '导入模板的示例行' },
      { row: 9, reason: expect.stringContaining('填表人：张三') },
      { row: 10, reason: expect.stringContaining('审核人：李四') },
    ])
    const byRow = Object.fromEntries(p.rows.map((r) => [r.row, r]))
    expect(byRow[3]).toMatchObject({ name: '陈玉梅', action: 'create', issues: [] })
    expect(byRow[4]).toMatchObject({ name: '丁建华', action: 'create', issues: [] })
    // Without 自动新增网格, an unknown grid is the row's problem, said in Chinese.
    expect(byRow[5]?.issues).toEqual([
      { column: '所属网格', message: expect.stringContaining('网格「第五网格」还没有建立') },
    ])
    // Only the grid of a row that would be imported is offered; 第六网格's row has a bad phone.
    expect(p.unknownGrids).toEqual(['第五网格'])
    expect(p).toMatchObject({ valid: 2, invalid: 2 })
    expect(p.gridTypos).toEqual([])
  })

  it('a new 网格 one character away from an existing one is flagged as a likely typo', async () => {
    const csv =
      '姓名,联系电话,所在网格\r\n陈玉梅,13908711205,第一网络\r\n丁建华,13908711206,第七网格\r\n'
    const p = await b.call('exchange:preview', {
      register: 'talents',
      fileName: 'typo.csv',
      uploadId: await stageFile(b, Buffer.from(csv, 'utf8')),
      createGrids: true,
    })
    expect(p.unknownGrids).toEqual(['第一网络', '第七网格'])
    expect(p.gridTypos).toEqual([{ sheet: '第一网络', grid: '第一网格（锦华苑）' }])
  })

  it('with 自动新增网格 creates only 第五网格, imports the good rows normalised, nobody else', async () => {
    const p = await b.call('exchange:preview', await file(true))
    expect(p.unknownGrids).toEqual(['第五网格'])
    expect(p).toMatchObject({ valid: 3, invalid: 1, total: 4 })
    const r = await b.call('exchange:import', { ...(await file(true)), skipInvalid: true })
    expect(r).toMatchObject({ created: 3, invalid: 1 })
    const grids = (await b.call('grids:list', {})).map((g) => g.name)
    expect(grids).toEqual(['第一网格（锦华苑）', '第二网格（金桂园）', '第五网格'])
    const rows = (await b.call('talents:list', { sort: { field: 'name', order: 'asc' } })).rows
    expect(rows.map((t) => [t.name, t.phone, t.grid_name, t.skills])).toEqual([
      ['陈玉梅', '13908711205', '第一网格（锦华苑）', ['急救培训', '心理疏导']],
      ['丁建华', '13908711206', '第二网格（金桂园）', ['理发']],
      ['万里', '13908711207', '第五网格', []],
    ])
    // The example person, the footer and 审核人 are nowhere.
    expect((await b.call('talents:list', { search: '李志红' })).total).toBe(0)
    expect((await b.call('talents:list', { search: '张三' })).total).toBe(0)
  })

  it('the downloadable template imported unchanged adds nobody', async () => {
    const t = await b.call('exchange:template', { register: 'talents' })
    const p = await b.call('exchange:preview', {
      register: 'talents',
      fileName: t.fileName,
      uploadId: await stageFile(b, Buffer.from(t.base64, 'base64')),
    })
    expect(p.total).toBe(0)
    expect(p.ignored.map((i) => i.reason)).toEqual(['导入模板的填写说明', '导入模板的示例行'])
    for (const register of ['units', 'committee', 'households'] as const) {
      const tpl = await b.call('exchange:template', { register })
      const q = await b.call('exchange:preview', {
        register,
        fileName: tpl.fileName,
        uploadId: await stageFile(b, Buffer.from(tpl.base64, 'base64')),
      })
      expect(q.total, register).toBe(0)
    }
  })
})
