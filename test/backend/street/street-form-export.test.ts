// 街道 mode: the merged pool filled into the district's own form through the form module
// (forms:inspect / forms:fill with pool 'street'), on a real data folder and real .xlsx files.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditFor } from '../../../src-main/backend/audit/audit.repo'
import { stageFile } from '../../helpers/staged-file'
import { importInto, streetSheet } from '../../helpers/street-files'
import { streetTalentForm } from '../../helpers/street-forms'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  await b.call('settings:save', {
    community_name: '青云街道',
    street_name: '青云街道',
    party_org_name: '中共青云街道工作委员会',
  })
  await importInto(
    b,
    '玉溪.xlsx',
    await streetSheet('玉溪社区', [
      ['陈刚', '男', '13300005555', '', '技能服务', '电工'],
      ['周燕', '女', '13300006666', '', '法律服务', '调解'],
    ]),
  )
  await importInto(
    b,
    '山水.xlsx',
    await streetSheet('山水社区', [['孙丽', '女', '13200006666', '', '法律服务', '合同纠纷']]),
  )
})
afterEach(() => b.dispose())

async function form(data: Buffer) {
  return {
    register: 'talents' as const,
    pool: 'street' as const,
    fileName: '区人才统计表.xlsx',
    uploadId: await stageFile(b, data),
  }
}

async function load(base64: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('no sheet')
  return ws
}

describe('street: the merged pool into the district form', () => {
  it('maps 所在社区 per row, fills values in place, keeps styles and merges', async () => {
    const original = await streetTalentForm()
    const info = await b.call('forms:inspect', await form(original))
    expect(info.count).toBe(3)
    expect(info.columns.find((c) => c.letter === 'H')?.target).toBe('calc:community')
    const h = info.columns.findIndex((c) => c.letter === 'H')
    expect(info.samples.map((s) => s[h])).toEqual(['山水社区', '玉溪社区', '玉溪社区'])

    const out = await b.call('forms:fill', { ...(await form(original)), mapping: { G: 'blank' } })
    expect(out.count).toBe(3)
    const ws = await load(out.base64)
    const before = await load(original.toString('base64'))
    const rows = [5, 6, 7].map((r) => [2, 3, 6, 8, 9].map((c) => ws.getCell(r, c).value))
    expect(rows).toEqual([
      ['孙丽', '女', '132****6666', '山水社区', '合同纠纷'],
      ['陈刚', '男', '133****5555', '玉溪社区', '电工'],
      ['周燕', '女', '133****6666', '玉溪社区', '调解'],
    ])
    expect([5, 6, 7].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3])
    // 填报单位 is the street's party organisation; title, header, notes and setup unchanged.
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：中共青云街道工作委员会')
    expect(ws.model.merges.sort()).toEqual(before.model.merges.sort())
    for (let r = 1; r <= 10; r++)
      for (let c = 1; c <= 11; c++)
        expect(ws.getCell(r, c).style).toEqual(before.getCell(r, c).style)
    expect(ws.getCell('A9').value).toBe(before.getCell('A9').value)
    expect(ws.pageSetup).toEqual(before.pageSetup)
    expect(ws.getColumn(10).hidden).toBe(true)
  })

  it('remembers the mapping apart from the community side, unmasked audited', async () => {
    const original = await streetTalentForm()
    await b.call('forms:fill', { ...(await form(original)), mapping: { G: 'blank' } })
    expect((await b.call('forms:inspect', await form(original))).saved).toBe(true)
    const community = await b.call('forms:inspect', {
      register: 'talents',
      fileName: 'x.xlsx',
      uploadId: await stageFile(b, original),
    })
    expect(community.saved).toBe(false)

    const out = await b.call('forms:fill', { ...(await form(original)), masked: false })
    expect(out.fileName).toBe('区人才统计表（已填写，未脱敏）.xlsx')
    expect((await load(out.base64)).getCell('F5').value).toBe('13200006666')
    const audit = auditFor(b.ctx.db, 'street_rows', 0).map(
      (a) => JSON.parse(a.after_json ?? '{}') as Record<string, unknown>,
    )
    expect(audit.some((a) => a.masked === false && a.pool === 'street' && a.count === 3)).toBe(true)
    const forgot = await b.call('forms:mapping-forget', {
      register: 'talents',
      pool: 'street',
      signature: (await b.call('forms:inspect', await form(original))).signature,
    })
    expect(forgot.forgotten).toBe(true)
  })

  it("仅当前筛选: the page's search and 社区 filter narrow what is filled", async () => {
    const status = await b.call('street:status', {})
    const yuxi = status.communities.find((c) => c.name === '玉溪社区')?.id ?? 0
    const byCommunity = await b.call('forms:inspect', {
      ...(await form(await streetTalentForm())),
      filters: { communityId: yuxi },
    })
    expect(byCommunity.count).toBe(2)
    const searched = await b.call('forms:fill', {
      ...(await form(await streetTalentForm())),
      search: '孙丽',
      mapping: { G: 'blank' },
    })
    expect(searched.count).toBe(1)
    expect((await load(searched.base64)).getCell('B5').value).toBe('孙丽')
    const none = await b.call('forms:inspect', {
      ...(await form(await streetTalentForm())),
      search: '没有这个人',
    })
    expect(none.count).toBe(0)
  })

  it('refuses an empty pool and a register other than talents, in Chinese', async () => {
    const other = await b.raw('forms:inspect', {
      ...(await form(await streetTalentForm())),
      register: 'units',
    })
    expect(other.ok).toBe(false)
    if (!other.ok) expect(other.error.message).toContain('合并人才库只能填写人才类的表格')
    const empty = testBackend()
    try {
      const r = await empty.raw('forms:inspect', {
        register: 'talents',
        pool: 'street',
        fileName: 'f.xlsx',
        uploadId: await stageFile(empty, await streetTalentForm()),
      })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toContain('请先导入各社区报送的文件')
    } finally {
      empty.dispose()
    }
  })
})
