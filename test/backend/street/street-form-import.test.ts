// 最多报一次 end to end: a community fills the street's own form with 联建通 (two-row merged
// header, hidden 身份证号码 column, notes under the table) and the street imports that very file;
// its header is read by the form module's reader, as is a plain .csv submission's.
import { afterEach, describe, expect, it } from 'vitest'
import { stageFile } from '../../helpers/staged-file'
import { communityBackend, importInto } from '../../helpers/street-files'
import { streetTalentForm } from '../../helpers/street-forms'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

const open: TestBackend[] = []
afterEach(() => open.splice(0).forEach((b) => b.dispose()))

async function streetBackend(): Promise<TestBackend> {
  const b = testBackend()
  open.push(b)
  await b.call('settings:save', {
    community_name: '青云街道',
    street_name: '青云街道',
    party_org_name: '中共青云街道工作委员会',
  })
  return b
}

describe('the street imports a filled street form', () => {
  it('reads the form the community filled: people, 社区 and values in their columns', async () => {
    const jinhua = await communityBackend('锦华社区', [
      {
        name: '李志红',
        phone: '13812345678',
        id_card: '11010519491231002X',
        political_status: '中共党员',
        skills: ['合同纠纷'],
        categories: ['法律服务'],
      },
      { name: '王建国', phone: '13987654321', skills: ['理发'], categories: ['技能服务'] },
    ])
    open.push(jinhua)
    const filled = await jinhua.call('forms:fill', {
      register: 'talents',
      fileName: '人才统计表.xlsx',
      uploadId: await stageFile(jinhua, await streetTalentForm()),
      mapping: { G: 'blank' },
      masked: false,
    })
    const street = await streetBackend()
    const r = await importInto(street, filled.fileName, Buffer.from(filled.base64, 'base64'))
    expect(r).toMatchObject({ status: 'imported', community: '锦华社区', count: 2 })
    const rows = (await street.call('street:list', {})).rows
    expect(rows.map((p) => p.name).sort()).toEqual(['李志红', '王建国'])
    // 联系方式/手机 → 联系电话, 专业特长（必填） → 技能特长, the hidden 身份证号码 column too.
    expect(rows.find((p) => p.name === '李志红')).toMatchObject({
      community: '锦华社区',
      gender: '女',
      political_status: '中共党员',
      phone: '138****5678',
      id_card: '110105********002X',
      skills: ['合同纠纷'],
    })
  })

  it('reads a .csv submission with its one header row', async () => {
    const street = await streetBackend()
    const csv =
      '青云街道人才汇总表\n序号,所在社区,姓名,性别,联系方式\n1,山水社区,孙丽,女,13200006666\n'
    const r = await importInto(street, '山水.csv', Buffer.from(csv, 'utf8'))
    expect(r).toMatchObject({ status: 'imported', community: '山水社区', count: 1 })
    expect((await street.call('street:list', {})).rows[0]).toMatchObject({
      name: '孙丽',
      phone: '132****6666',
    })
  })

  it('refuses a sheet without a header, in Chinese', async () => {
    const street = await streetBackend()
    const r = await street.raw('street:import', {
      fileName: '随便.csv',
      uploadId: await stageFile(street, Buffer.from('甲,乙\n1,2\n', 'utf8')),
      community: '山水社区',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('没有找到表头')
  })
})
