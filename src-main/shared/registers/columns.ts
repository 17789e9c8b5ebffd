// Spreadsheet columns for each register: what export writes and import reads. Labels are the
// field labels; synonyms are the other headers found in communities' old ledgers.
import type { FieldDef } from './field-def'
import { personalKind, type PersonalKind } from './mask-record'
import { REGISTERS, type RegisterKey, type RegisterSpec } from './registers'

export interface SheetColumn {
  key: string
  label: string
  field: FieldDef
  /** Written as a text cell; masked on export unless the user asks otherwise. */
  personal: PersonalKind | null
  width: number
}

export const SYNONYMS: Record<string, string[]> = {
  name: ['姓名', '名字', '能人姓名', '人员姓名', '委员姓名', '人才姓名'],
  head_name: ['户主姓名（党员）', '户主姓名', '中心户户主', '中心户姓名', '户主', '姓名'],
  phone: [
    '联系电话',
    '电话',
    '手机',
    '手机号',
    '手机号码',
    '联系方式',
    '电话号码',
    '联系手机',
    '移动电话',
    '联系号码',
    '电话/手机',
  ],
  liaison_phone: ['联络员电话', '联络员手机', '联系电话', '电话', '手机', '联系方式'],
  id_card: [
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '公民身份证号',
    '身份证',
    '证件号码',
    '证件号',
  ],
  gender: ['性别'],
  birth_month: ['出生年月', '出生日期', '生日', '出生年月日', '出生时间'],
  ethnicity: ['民族'],
  political_status: ['政治面貌', '政治身份'],
  education: ['学历', '文化程度', '最高学历'],
  work_status: ['工作状态', '在职情况', '在职状态'],
  employer: ['工作单位或原单位', '工作单位（原单位）', '工作单位', '原单位', '原工作单位', '单位'],
  occupation: ['职业职务', '职务', '职业', '职务职称'],
  categories: ['人才类别', '类别', '人才类型', '能人类别'],
  skills: ['专业特长', '特长', '专长', '技能', '特长技能', '擅长'],
  domains: ['参与领域', '服务领域', '参与治理领域'],
  availability: ['可服务时间', '服务时间'],
  hukou: ['户籍', '户籍类型'],
  discovery: ['发现方式', '来源'],
  referrer: ['推荐人'],
  // 网格 columns in old ledgers (DOMAIN.md): 所在网格, 所属网格, 网格名称, 片区 ….
  grid_id: [
    '所属网格',
    '所在网格',
    '网格',
    '网格名称',
    '片区',
    '所在片区',
    '所属片区',
    '微网格',
    '居住网格',
  ],
  duty_grid_id: ['联系网格', '分工网格'],
  unit_id: ['所在共建单位', '共建单位', '所在单位', '单位名称', '单位'],
  joined_on: ['入库日期', '加入日期', '登记日期', '入库时间', '加入时间'],
  note: ['备注', '说明'],
  building: ['楼栋', '楼号', '栋', '楼栋号'],
  unit_no: ['单元', '单元号'],
  room: ['室', '房号', '门牌号', '房间号'],
  estate: ['小区', '小区名称', '所在小区', '居住小区'],
  branch: ['所属党支部/党小组', '所属党支部', '党支部', '党小组'],
  plaque_on: ['挂牌日期', '挂牌时间'],
  contact_members: ['联系党员', '联系党员姓名'],
  status: ['状态'],
  liaison: ['联络员', '联系人'],
  nature: ['单位性质', '性质', '单位类型'],
  address: ['地址', '单位地址'],
  org_name: ['党组织名称', '所在党组织', '所在党支部'],
  reported_on: ['报到日期', '报到时间', '社区报到日期'],
  service_intent: ['服务意向/认领岗位', '服务意向', '认领岗位', '意向岗位', '服务岗位'],
  returned_on: ['返回日期', '返回时间'],
  return_reason: ['返回原因'],
  org_type: ['党组织类型', '党组织形式'],
  org_secretary: ['党组织书记', '书记'],
  member_count: ['党员人数', '党员数'],
  reported_count: ['在职党员报到人数', '报到人数', '在职党员报到数'],
  agreement_on: ['共建协议签订日期', '协议签订日期', '签订日期'],
  agreement_term: ['协议期限', '共建期限'],
  unit_post: ['单位职务', '职务'],
  party_post: ['党内职务'],
  term_start: ['任期起', '任期开始', '任期起始'],
  term_end: ['任期止', '任期结束', '任期届满'],
  level: ['层级'],
  category: ['委员类别', '类别'],
  method: ['产生方式'],
  approval_no: ['批复文号', '文号'],
  duty_domain: ['联系领域', '分工领域'],
  duty_project: ['牵头项目'],
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
    personal: personalKind(f),
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
