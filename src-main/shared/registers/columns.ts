// Spreadsheet columns for each register: what export writes and import reads. Labels are the
// field labels; synonyms are the other headers found in communities' old ledgers.
import type { FieldDef } from './field-def'
import { REGISTERS, type RegisterKey, type RegisterSpec } from './registers'

export interface SheetColumn {
  key: string
  label: string
  field: FieldDef
  /** Written as a text cell; masked on export unless the user asks otherwise. */
  personal: 'id' | 'phone' | null
  width: number
}

export const SYNONYMS: Record<string, string[]> = {
  name: ['姓名', '名字', '能人姓名', '人员姓名', '委员姓名'],
  head_name: ['户主姓名（党员）', '户主姓名', '中心户户主', '户主', '姓名'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  liaison_phone: ['联络员电话', '联系电话', '电话', '手机', '联系方式'],
  id_card: ['身份证号', '身份证号码', '公民身份号码', '身份证', '证件号码'],
  gender: ['性别'],
  birth_month: ['出生年月', '出生日期', '生日', '出生年月日'],
  ethnicity: ['民族'],
  political_status: ['政治面貌', '政治身份'],
  education: ['学历', '文化程度'],
  work_status: ['工作状态', '在职情况'],
  employer: ['工作单位或原单位', '工作单位', '原单位', '单位'],
  occupation: ['职业职务', '职务', '职业'],
  categories: ['人才类别', '类别', '人才类型'],
  skills: ['专业特长', '特长', '专长', '技能'],
  domains: ['参与领域', '服务领域'],
  grid_id: ['所属网格', '网格'],
  duty_grid_id: ['联系网格'],
  unit_id: ['所在共建单位', '共建单位', '所在单位', '单位名称', '单位'],
  joined_on: ['入库日期', '加入日期', '登记日期'],
  note: ['备注', '说明'],
  building: ['楼栋', '楼号', '栋'],
  unit_no: ['单元'],
  room: ['室', '房号', '门牌号'],
  estate: ['小区', '小区名称'],
  status: ['状态'],
  liaison: ['联络员', '联系人'],
  nature: ['单位性质', '性质'],
  org_name: ['党组织名称'],
  org_type: ['党组织类型'],
  org_secretary: ['党组织书记', '书记'],
  member_count: ['党员人数'],
  reported_count: ['在职党员报到人数', '报到人数'],
  term_start: ['任期起', '任期开始'],
  term_end: ['任期止', '任期结束', '任期届满'],
  level: ['层级'],
  category: ['委员类别', '类别'],
}

function width(f: FieldDef): number {
  if (f.kind === 'idcard') return 22
  if (f.kind === 'phone') return 15
  if (f.kind === 'textarea' || f.kind === 'multi' || f.kind === 'tags') return 26
  if (f.kind === 'date' || f.kind === 'month') return 12
  if (f.kind === 'grid' || f.kind === 'unit') return 20
  return Math.min(24, Math.max(8, f.label.length * 2 + 2))
}

export function sheetColumns(key: RegisterKey): SheetColumn[] {
  const spec: RegisterSpec = REGISTERS[key]
  return spec.fields.map((f) => ({
    key: f.key,
    label: f.label,
    field: f,
    personal: f.kind === 'idcard' ? 'id' : f.kind === 'phone' ? 'phone' : null,
    width: width(f),
  }))
}

/** The street's default 人才库花名册 columns (DOMAIN.md), after 序号. */
export const STREET_TALENT_COLUMNS = [
  'name',
  'gender',
  'birth_month',
  'political_status',
  'phone',
  'grid_id',
  'categories',
  'skills',
  'domains',
  'work_status',
  'employer',
  'discovery',
  'joined_on',
  'note',
] as const
