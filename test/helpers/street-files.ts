// What communities hand the street, made the way they make them: 联建通's own roster export
// (from a real community backend), a street-style sheet with a 所在社区 column, a data package.
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import type { Input } from '../../src-main/shared/contract'
import { stageFile } from './staged-file'
import { testBackend, type TestBackend } from './temp-backend'

type Talent = Omit<Input<'talents:create'>, 'status'>

/** A community's backend with its 社区信息 and talents. */
export async function communityBackend(name: string, talents: Talent[]): Promise<TestBackend> {
  const b = testBackend()
  await b.call('settings:save', {
    community_name: name,
    street_name: '青云街道',
    party_org_name: `中共${name}委员会`,
  })
  for (const t of talents) await b.call('talents:create', { status: '在册', ...t })
  return b
}

/** The community's 人才库花名册 as 联建通 exports it for the street (unmasked: handed over). */
export async function rosterExport(b: TestBackend): Promise<Buffer> {
  const info = await b.call('exchange:columns', { register: 'talents' })
  const file = await b.call('exchange:export', {
    register: 'talents',
    columns: ['id_card', ...info.defaults],
    masked: false,
  })
  return Buffer.from(file.base64, 'base64')
}

/** The community's data package (.zip), read from where the backend wrote it. */
export async function packageOf(b: TestBackend): Promise<Buffer> {
  const r = await b.call('safety:package-export', {})
  return readFileSync(r.path)
}

/** A street-made sheet: title, a 所在社区 column and the columns in the street's own words. */
export async function streetSheet(community: string, people: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人才库')
  ws.addRow(['青云街道社区治理人才汇总表'])
  ws.addRow(['序号', '所在社区', '姓名', '性别', '联系方式', '身份证号码', '人才类别', '特长'])
  people.forEach((p, i) => ws.addRow([i + 1, community, ...p]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function importInto(
  street: Pick<TestBackend, 'call'>,
  fileName: string,
  data: Buffer,
  community?: string,
) {
  const uploadId = await stageFile(street, data)
  return street.call('street:import', { fileName, uploadId, ...(community ? { community } : {}) })
}
