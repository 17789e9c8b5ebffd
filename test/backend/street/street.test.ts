// 街道 mode on real files: three communities hand in a roster export, a street-style sheet
// and a data package; one person appears in two of them; one community submits again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import {
  communityBackend,
  importInto,
  packageOf,
  rosterExport,
  streetSheet,
} from '../../helpers/street-files'

const SHARED_ID = '11010519491231002X'
const WANG_ID = '530102198001010015'
let street: TestBackend
let jinhua: TestBackend
let files: { jinhua: Buffer; jinhua2: Buffer; yuxi: Buffer; package: Buffer }

beforeAll(async () => {
  jinhua = await communityBackend('锦华社区', [
    { name: '李志红', phone: '13812345678', id_card: SHARED_ID, categories: ['法律服务'] },
    {
      name: '王建国',
      phone: '13987654321',
      id_card: WANG_ID,
      categories: ['医疗健康', '志愿服务'],
      skills: ['推拿'],
    },
    { name: '张秀英', phone: '13700001111', categories: ['文化体育'] },
  ])
  const first = await rosterExport(jinhua)
  // Next quarter: 张秀英 left, 赵敏 joined, 王建国's phone changed.
  const list = await jinhua.call('talents:list', { search: '' })
  const byName = (n: string) => list.rows.find((r) => r.name === n)
  await jinhua.call('talents:delete', { id: byName('张秀英')?.id ?? 0 })
  const wang = byName('王建国')
  await jinhua.call('talents:update', {
    id: wang?.id ?? 0,
    data: {
      name: '王建国',
      phone: '13911112222',
      id_card: WANG_ID,
      status: '在册',
      categories: ['医疗健康', '志愿服务'],
      skills: ['推拿'],
    },
  })
  await jinhua.call('talents:create', {
    name: '赵敏',
    phone: '13600002222',
    status: '在册',
    categories: ['教育培训'],
  })
  const second = await rosterExport(jinhua)
  const pkgCommunity = await communityBackend('河畔社区', [
    { name: '周伟', phone: '13500003333', categories: ['矛盾调解'] },
    { name: '吴芳', phone: '13400004444', categories: ['法律服务'] },
  ])
  files = {
    jinhua: first,
    jinhua2: second,
    // 李志红 again, in another community, by the same 身份证号.
    yuxi: await streetSheet('玉溪社区', [
      ['李志红', '女', '13812345678', SHARED_ID, '法律服务、矛盾调解', '调解'],
      ['陈刚', '男', '13300005555', '', '技能服务', '水电维修'],
    ]),
    package: await packageOf(pkgCommunity),
  }
  pkgCommunity.dispose()
  street = testBackend()
  await street.call('settings:save', {
    community_name: '青云街道',
    street_name: '青云街道',
    party_org_name: '中共青云街道工作委员会',
  })
  await street.call('street:settings-save', { mode: '街道', period: '2026年第4季度' })
})

afterAll(() => {
  street?.dispose()
  jinhua?.dispose()
})

describe('street mode', () => {
  it('keeps the chosen mode and period', async () => {
    expect(await street.call('street:settings', {})).toEqual({
      mode: '街道',
      period: '2026年第4季度',
      chosen: true,
    })
  })

  it('imports three communities: roster export, street sheet, data package', async () => {
    await street.call('street:community-add', { name: '山水社区' })
    const a = await importInto(street, '锦华社区花名册.xlsx', files.jinhua)
    expect(a).toMatchObject({ status: 'imported', community: '锦华社区', count: 3, replaced: null })
    const b = await importInto(street, '玉溪.xlsx', files.yuxi)
    expect(b).toMatchObject({ community: '玉溪社区', count: 2 })
    const c = await importInto(street, 'hepan.zip', files.package)
    expect(c).toMatchObject({ community: '河畔社区', count: 2 })
    const status = await street.call('street:status', {})
    expect(status.people).toBe(7)
    expect(status.missing).toEqual(['山水社区'])
    expect(status.communities.find((x) => x.name === '锦华社区')?.last?.row_count).toBe(3)
  })

  it('says so when the same file comes twice, and imports nothing', async () => {
    const again = await importInto(street, '锦华社区花名册(1).xlsx', files.jinhua)
    expect(again.status).toBe('same-file')
    expect(again.message).toContain('没有重复导入')
    expect((await street.call('street:status', {})).people).toBe(7)
  })

  it('refuses a file that names no community unless one is given', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('a').addRows([
      ['姓名', '联系电话'],
      ['孙丽', '13200006666'],
    ])
    const data = Buffer.from(await wb.xlsx.writeBuffer())
    await expect(importInto(street, 'x.xlsx', data)).rejects.toThrow(/请选择或填写报送的社区/)
    const r = await importInto(street, 'x.xlsx', data, '山水社区')
    expect(r).toMatchObject({ community: '山水社区', count: 1 })
    expect((await street.call('street:status', {})).missing).toEqual([])
  })

  it('reports the person in two communities, with phone and ID masked', async () => {
    const dups = await street.call('street:duplicates', {})
    expect(dups).toHaveLength(1)
    expect(dups[0]?.reason).toBe('身份证号相同')
    expect(dups[0]?.people.map((p) => p.community).sort()).toEqual(['玉溪社区', '锦华社区'])
    expect(dups[0]?.people[0]?.phone).toBe('138****5678')
    expect(dups[0]?.people[0]?.id_card).toBe('110105********002X')
  })

  it('lists the merged pool with search (pinyin too), filters and paging', async () => {
    const all = await street.call('street:list', { pageSize: 5 })
    expect(all.total).toBe(8)
    expect(all.rows).toHaveLength(5)
    const hits = await street.call('street:list', { search: 'lzh' })
    expect(hits.rows.map((r) => r.community).sort()).toEqual(['玉溪社区', '锦华社区'])
    expect((await street.call('street:list', { search: '推拿' })).rows.map((r) => r.name)).toEqual([
      '王建国',
    ])
    const jin = (await street.call('street:status', {})).communities.find(
      (c) => c.name === '锦华社区',
    )
    const law = await street.call('street:list', { category: '法律服务' })
    expect(law.total).toBe(3)
    expect(law.rows.map((r) => r.name).sort()).toEqual(['李志红', '李志红', '吴芳'].sort())
    const inJin = await street.call('street:list', { communityId: jin?.id ?? 0 })
    expect(inJin.total).toBe(3)
  })

  it('replaces a community on resubmission, keeps the old one and compares them', async () => {
    const r = await importInto(street, '锦华社区花名册-第二次.xlsx', files.jinhua2)
    expect(r.replaced).not.toBeNull()
    expect(r.message).toContain('替换了该社区上一次的报送')
    const list = await street.call('street:list', { search: '张秀英' })
    expect(list.total).toBe(0)
    // Counts follow the replacement: 锦华 now hands in 3 people, one of them 法律服务.
    expect((await street.call('street:list', {})).total).toBe(8)
    expect((await street.call('street:list', { category: '文化体育' })).total).toBe(0)
    const jin = (await street.call('street:status', {})).communities.find(
      (c) => c.name === '锦华社区',
    )
    const subs = await street.call('street:submissions', { communityId: jin?.id ?? 0 })
    expect(subs).toHaveLength(2)
    expect(subs[1]?.replaced_by).toBe(subs[0]?.id)
    const diff = await street.call('street:compare', {
      from: subs[1]?.id ?? 0,
      to: subs[0]?.id ?? 0,
    })
    expect(diff.added).toEqual([{ name: '赵敏' }])
    expect(diff.removed).toEqual([{ name: '张秀英' }])
    // 王建国 is known by his 身份证号, so a new phone is a change, not a new person.
    expect(diff.changed).toEqual([{ name: '王建国', fields: ['联系电话'] }])
    expect(diff.unchanged).toBe(1)
  })

  it('counts 社区 × 人才类别', async () => {
    const s = await street.call('street:stats', {})
    const law = s.categories.indexOf('法律服务')
    const row = (n: string) => s.rows.find((r) => r.community === n)
    expect(row('锦华社区')?.counts[law]).toBe(1)
    expect(row('玉溪社区')?.counts[law]).toBe(1)
    expect(row('河畔社区')?.counts[law]).toBe(1)
    expect(row('锦华社区')?.total).toBe(3)
  })

  it('exports the merged pool masked, with a 社区 column, and audits an unmasked copy', async () => {
    const file = await street.call('street:export', {})
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws?.getRow(3).getCell(2).text).toBe('社区')
    const texts: string[] = []
    ws?.eachRow((r) => texts.push(r.values?.toString() ?? ''))
    expect(texts.join()).toContain('138****5678')
    expect(texts.join()).not.toContain('13812345678')
    expect(file.count).toBe(8)
    const open = await street.call('street:export', { masked: false })
    expect(open.fileName).toContain('未脱敏')
    const audits = street.ctx.db
      .prepare(`SELECT after_json FROM audit_log WHERE table_name = 'street_rows'`)
      .all() as { after_json: string }[]
    expect(audits.map((a) => JSON.parse(a.after_json) as { masked: boolean })).toEqual([
      { count: 8, masked: true },
      { count: 8, masked: false },
    ])
  })
})

describe('a filled street form', () => {
  it('reads a two-row merged header (基本信息 → 姓名 性别 年龄, 联系方式 and 所在社区 merged down)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('人才库')
    ws.mergeCells('A1:G1')
    ws.getCell('A1').value = '青云街道社区治理人才统计表'
    ws.getCell('A2').value = '填报单位：中共山花社区委员会'
    ws.getRow(3).values = ['序号', '基本信息', '', '', '联系方式', '所在社区', '人才类别']
    ws.getRow(4).values = ['', '姓名', '性别', '年龄', '', '', '']
    ws.mergeCells('B3:D3')
    for (const c of ['A', 'E', 'F', 'G']) ws.mergeCells(`${c}3:${c}4`)
    ws.addRow([1, '孙丽', '女', 52, '13200007777', '山花社区', '教育培训'])
    ws.addRow([2, '钱进', '男', 60, '13200008888', '山花社区', '技能服务'])
    ws.addRow(['注：本表由社区填报，街道汇总。'])
    const r = await importInto(
      street,
      '山花社区-街道表.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    )
    expect(r).toMatchObject({ status: 'imported', community: '山花社区', count: 2 })
    const people = await street.call('street:list', { search: '孙丽' })
    expect(people.rows.find((p) => p.community === '山花社区')).toMatchObject({
      community: '山花社区',
      gender: '女',
      phone: '132****7777',
      categories: ['教育培训'],
    })
  })
})
