// The blank Excel sheet a user downloads as 导入模板 (not a .docx document template): the header
// row, a row explaining each column, and one example row (marked, and skipped on import), so a
// secretary can copy her old ledger into the right shape.
import type { Output, ParsedInput } from '../../shared/contract'
import { sheetColumns, type SheetColumn } from '../../shared/registers/columns'
import { REGISTERS, type RegisterKey } from '../../shared/registers/registers'
import { EXAMPLE_NOTE } from './import-rows'
import { loadExcelJS } from './load-exceljs'

export const EXAMPLES: Record<RegisterKey, Record<string, string>> = {
  talents: {
    name: '李志红',
    id_card: '11010519491231002X',
    phone: '13812345678',
    political_status: '中共党员',
    education: '大学本科',
    work_status: '退休',
    employer: '盘龙区人民法院',
    occupation: '退休法官',
    categories: '法律服务、矛盾调解',
    skills: '合同纠纷、婚姻家庭',
    domains: '矛盾纠纷调处',
    grid_id: '第一网格',
    estate: '锦华苑',
    building: '3栋',
    unit_no: '2单元',
    room: '501',
    hukou: '本地',
    discovery: '走访摸排',
    status: '在册',
    joined_on: '2026-03-12',
  },
  units: {
    name: '盘龙区人民医院',
    nature: '医院',
    liaison: '王建华',
    liaison_phone: '0871-65123456',
    org_name: '中共盘龙区人民医院委员会',
    org_type: '党委',
    org_secretary: '周明',
    member_count: '120',
    reported_count: '86',
    joined_on: '2024-05-01',
    status: '共建中',
  },
  committee: {
    name: '赵德明',
    gender: '男',
    phone: '13908711204',
    unit_id: '盘龙区人民医院',
    party_post: '党委书记',
    level: '社区大党委',
    category: '驻区单位党组织负责人',
    method: '聘任',
    term_start: '2024-01-01',
    term_end: '2026-12-31',
    status: '在任',
  },
  households: {
    head_name: '陈玉梅',
    gender: '女',
    phone: '13908711205',
    branch: '第一网格党支部',
    grid_id: '第一网格',
    estate: '锦华苑',
    building: '3栋',
    unit_no: '1单元',
    room: '201',
    plaque_on: '2025-07-01',
    contact_members: '张三、李四',
    status: '正常',
  },
  reported_members: {
    name: '杨晓东',
    gender: '男',
    phone: '13908711206',
    employer: '盘龙区人民医院',
    org_name: '中共盘龙区人民医院第二支部委员会',
    reported_on: '2026-04-15',
    grid_id: '第一网格',
    estate: '锦华苑',
    building: '5栋',
    skills: '急救培训、健康讲座',
    service_intent: '楼栋长、政策宣讲',
    status: '已报到',
  },
}

function explain(c: SheetColumn): string {
  const f = c.field
  const parts = [f.required ? '必填' : '选填']
  if (f.kind === 'select') parts.push(`填：${(f.options ?? []).join('/')}`)
  if (f.kind === 'multi') parts.push(`可多项，用、分隔：${(f.options ?? []).join('/')}`)
  if (f.kind === 'tags') parts.push('可多项，用、分隔')
  if (f.kind === 'date') parts.push('如 2026-03-12')
  if (f.kind === 'month') parts.push('如 1965-03')
  if (f.kind === 'idcard') parts.push('18 位，请设为文本格式；填写后自动得出性别和出生年月')
  if (f.kind === 'phone') parts.push('手机或带区号固话')
  if (f.kind === 'grid') parts.push('填网格名称；还没有的网格可在导入时选择自动新增')
  if (f.kind === 'unit') parts.push('填共建单位名称，须已登记')
  if (f.kind === 'int' || f.kind === 'decimal') parts.push('填数字')
  return parts.join('；')
}

export async function blankImportSheet(
  input: ParsedInput<'exchange:template'>,
): Promise<Output<'exchange:template'>> {
  const key = input.register
  const columns = sheetColumns(key)
  const wb = new (await loadExcelJS()).Workbook()
  const ws = wb.addWorksheet(`${REGISTERS[key].label}导入模板`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  ws.columns = columns.map((c) => ({ width: Math.max(c.width, 14) }))
  ws.addRow(columns.map((c) => c.label))
  ws.addRow(columns.map(explain))
  // The example person is marked in 备注 so that importing the template unchanged adds nobody.
  const example = ws.addRow(
    columns.map((c) => (c.key === 'note' ? EXAMPLE_NOTE : (EXAMPLES[key][c.key] ?? ''))),
  )
  example.eachCell((cell) => {
    cell.font = { color: { argb: 'FF9CA3AF' } }
  })
  ws.getRow(1).eachCell((cell, n) => {
    cell.font = {
      bold: true,
      color: { argb: columns[n - 1]?.field.required ? 'FFB3151C' : 'FF111827' },
    }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3E3E3' } }
  })
  ws.getRow(2).eachCell((cell) => {
    cell.font = { italic: true, size: 9, color: { argb: 'FF6B7280' } }
    cell.alignment = { wrapText: true, vertical: 'top' }
  })
  ws.getRow(2).height = 48
  columns.forEach((c, i) => {
    if (c.personal) ws.getColumn(i + 1).numFmt = '@'
  })
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
  return {
    fileName: `${REGISTERS[key].label}导入模板.xlsx`,
    base64: buf.toString('base64'),
    count: 0,
  }
}
