// Row tags of the rosters and the 登记表, made from the register field lists so that a new
// field is a new tag: the tag is the field key (grid_id → grid, unit_id → unit).
import type { FieldDef } from '../registers/field-def'
import { REGISTERS, type RegisterKey, type RegisterSpec } from '../registers/registers'
import type { LoopDef, TagDef } from './doc-kinds'

/** The tag a field is printed under. */
export function fieldTag(f: FieldDef): string {
  return f.kind === 'grid' || f.kind === 'unit' ? f.key.replace(/_id$/, '') : f.key
}

const EXAMPLES: Record<string, string> = {
  name: '李志红',
  head_name: '王建国',
  id_card: '530102********1234',
  phone: '138****5678',
  liaison_phone: '139****1234',
  employer: '市第一人民医院',
  occupation: '主治医师',
  skills: '全科诊疗、健康讲座',
  availability: '周末上午',
  grid: '第一网格（锦华苑）',
  duty_grid: '第二网格（馨园小区）',
  unit: '市第一人民医院',
  estate: '锦华苑',
  building: '3栋',
  unit_no: '2单元',
  room: '501',
  referrer: '张秀兰',
  note: '',
  address: '青云街道锦华路 88 号',
  liaison: '刘洋',
  org_name: '中共市第一人民医院委员会',
  org_secretary: '陈明',
  agreement_term: '3年',
  unit_post: '副院长',
  party_post: '党委副书记',
  approval_no: '青云党工〔2026〕5号',
  duty_domain: '医疗健康',
  duty_project: '家门口义诊',
  branch: '锦华社区第一党支部',
  contact_members: '李明、赵芳',
  service_intent: '政策宣讲、楼道清洁',
}

function example(f: FieldDef): string {
  const own = EXAMPLES[fieldTag(f)]
  if (own !== undefined) return own
  if (f.kind === 'select') return f.options?.[0] ?? ''
  if (f.kind === 'multi') return (f.options ?? []).slice(0, 2).join('、')
  if (f.kind === 'date') return '2026.11.22'
  if (f.kind === 'month') return '1968.05'
  if (f.kind === 'int' || f.kind === 'decimal') return '12'
  if (f.kind === 'bool') return '是'
  return ''
}

const EXTRA: Record<RegisterKey, TagDef[]> = {
  talents: [
    { tag: 'address', label: '居住地址', example: '锦华苑3栋2单元501室' },
    { tag: 'service_count', label: '服务记录条数', example: '4' },
  ],
  units: [{ tag: 'committee_count', label: '兼职委员人数', example: '1' }],
  committee: [
    { tag: 'term', label: '任期（年月）', example: '2024.01—2026.12' },
    { tag: 'duty', label: '联系领域/网格', example: '医疗健康；第二网格（馨园小区）' },
  ],
  households: [
    { tag: 'address', label: '住址', example: '锦华苑3栋2单元501室' },
    { tag: 'link_count', label: '联系户数', example: '8' },
    { tag: 'visit_count', label: '联户记录条数', example: '5' },
  ],
  reported_members: [
    { tag: 'address', label: '居住小区/楼栋', example: '锦华苑3栋' },
    { tag: 'service_count', label: '服务记录条数', example: '3' },
    { tag: 'service_hours', label: '服务时长合计（小时）', example: '6.5' },
  ],
}

export function registerRowTags(key: RegisterKey): TagDef[] {
  const spec: RegisterSpec = REGISTERS[key]
  const own = spec.fields.map((f) => ({ tag: fieldTag(f), label: f.label, example: example(f) }))
  return [{ tag: 'index', label: '序号', example: '1' }, ...own, ...EXTRA[key]]
}

export const TALENT_CARD_EXTRA: { fields: TagDef[]; loops: LoopDef[] } = {
  fields: [{ tag: 'masked', label: '是否脱敏', example: '是', condition: true }],
  loops: [
    {
      loop: 'recent_services',
      label: '最近的服务记录（最多 6 条）',
      fields: [
        { tag: 'service_date', label: '日期', example: '2026.10.12' },
        { tag: 'item', label: '事项', example: '重阳节义诊' },
        { tag: 'category', label: '类别', example: '医疗健康' },
        { tag: 'hours', label: '时长（小时）', example: '2' },
        { tag: 'beneficiaries', label: '服务对象/人数', example: '老年居民 40 人' },
      ],
    },
  ],
}
