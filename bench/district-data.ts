// The district dataset for 街道 mode: 300 communities × 500 talents (150k pooled rows, 300
// submissions), written through the backend's own submission path, with a few people handed
// in by two neighbouring communities (same 身份证号) for the duplicates report.
import ExcelJS from 'exceljs'
import type { AppContext } from '../src-main/backend/app/context'
import * as W from '../src-main/backend/demo/demo-data'
import { storedValues } from '../src-main/backend/street/street-read'
import { writeSubmission } from '../src-main/backend/street/street-import'
import * as D from '../src-main/shared/dictionaries'
import { checkDigit } from '../src-main/shared/validators/id-card'
import { personName, rng } from './city-data'

export interface District {
  communities: number
  perCommunity: number
}
export const DISTRICT: District = { communities: 300, perCommunity: 500 }

const r = rng(2026_16)
const CATEGORIES = Object.keys(W.SKILLS)
let serial = 0

/** A valid, unique 身份证号 per call (birth date and sequence counted up from a serial). */
function idCard(): string {
  serial++
  const seq = serial % 1000
  const d = Math.floor(serial / 1000)
  const day = String(1 + (d % 28)).padStart(2, '0')
  const month = String(1 + (Math.floor(d / 28) % 12)).padStart(2, '0')
  const year = 1950 + (Math.floor(d / 336) % 50)
  const body = `530102${year}${month}${day}${String(seq).padStart(3, '0')}`
  return body + checkDigit(body)
}

/** One pooled person, as a community's roster would give them. */
export function personValues(grid: string): Record<string, string> {
  const cat = r.pick(CATEGORIES)
  return storedValues({
    name: personName(),
    id_card: r.next() < 0.6 ? idCard() : '',
    phone: `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
    gender: r.pick(['男', '女']),
    political_status: r.pick(D.POLITICAL_STATUS),
    work_status: r.pick(D.WORK_STATUS),
    employer: r.pick(W.EMPLOYERS),
    occupation: r.pick(W.OCCUPATIONS),
    categories: [cat],
    skills: [r.pick(W.SKILLS[cat] ?? ['理发'])],
    grid,
    estate: r.pick(W.ESTATES),
    status: '在册',
  })
}

export const communityName = (i: number) => `第${i + 1}社区`

export function buildDistrict(ctx: AppContext, d: District, log: (line: string) => void): void {
  const t = Date.now()
  let previous: Record<string, string>[] = []
  for (let c = 0; c < d.communities; c++) {
    const rows = Array.from({ length: d.perCommunity }, () => personValues(`第${r.int(1, 12)}网格`))
    // Five people of the neighbouring community handed in here as well.
    previous.slice(0, 5).forEach((p, i) => (rows[i] = { ...p }))
    ctx.db.transaction(() =>
      writeSubmission(ctx, {
        community: communityName(c),
        fileName: `${communityName(c)}.xlsx`,
        sha256: `bench-${c}`,
        source: '花名册',
        rows,
      }),
    )()
    previous = rows.slice(d.perCommunity - 5)
  }
  log(
    `  街道：${d.communities} 个社区 × ${d.perCommunity} 人：${((Date.now() - t) / 1000).toFixed(1)} s`,
  )
}

/** A community's roster file as 联建通 exports it (title names the community). */
export async function rosterFile(community: string, n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('社区能人')
  ws.addRow([`青云街道${community}社区治理人才库花名册`])
  ws.addRow([`填报单位：中共${community}委员会`])
  ws.addRow([
    '序号',
    '姓名',
    '性别',
    '身份证号',
    '联系电话',
    '所属网格',
    '人才类别',
    '专业特长',
    '工作单位或原单位',
  ])
  for (let i = 0; i < n; i++) {
    const p = personValues(`第${r.int(1, 12)}网格`)
    const list = (k: string) => (JSON.parse(p[k] ?? '[]') as string[]).join('、')
    ws.addRow([
      i + 1,
      p.name,
      p.gender,
      p.id_card,
      p.phone,
      p.grid,
      list('categories'),
      list('skills'),
      p.employer,
    ])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
