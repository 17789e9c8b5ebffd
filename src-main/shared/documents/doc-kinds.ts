// The document kinds and, for each, every tag a template may use (with an example value):
// the 文档模板 page shows it, template validation checks user templates against it, and the
// tests check that the data builders fill every tag listed here.
import type { RegisterKey } from '../registers/registers'
import { MEETING_LOOPS, MEETING_TAGS, REPORT_LOOPS, REPORT_TAGS } from './meeting-tags'
import { registerRowTags, TALENT_CARD_EXTRA } from './register-tags'

export const DOC_KINDS = [
  'notice',
  'sign-in',
  'minutes',
  'tasks',
  'talent-roster',
  'unit-roster',
  'committee-roster',
  'household-roster',
  'reported-roster',
  'talent-card',
  'report',
] as const
export type DocKind = (typeof DOC_KINDS)[number]

export interface TagDef {
  tag: string
  label: string
  example: string
  /** A yes/no value: used as {#tag}…{/tag} (or {^tag}…{/tag} for "no"), never printed. */
  condition?: boolean
}

export interface LoopDef {
  loop: string
  label: string
  fields: readonly TagDef[]
}

export interface KindSpec {
  kind: DocKind
  label: string
  /** What a document of this kind is made from. */
  subject: 'meeting' | 'register' | 'talent' | 'period'
  register?: RegisterKey
  fields: readonly TagDef[]
  loops: readonly LoopDef[]
}

/** Tags every template may use: the 社区信息 and the day the document is made. */
export const COMMON_TAGS: readonly TagDef[] = [
  { tag: 'community_name', label: '社区名称', example: '锦华社区' },
  { tag: 'street_name', label: '所属街道', example: '青云街道' },
  { tag: 'district', label: '区县', example: '盘龙区' },
  { tag: 'party_org_name', label: '社区党组织名称', example: '中共锦华社区委员会' },
  { tag: 'secretary_name', label: '党组织书记', example: '周丽华' },
  { tag: 'community_phone', label: '社区联系电话', example: '0871-65123456' },
  { tag: 'community_address', label: '社区地址', example: '青云街道锦华路 88 号' },
  { tag: 'place_name', label: '街道和社区', example: '青云街道锦华社区' },
  { tag: 'today', label: '生成日期', example: '2026年11月22日' },
  { tag: 'sign_org', label: '落款署名（已按公文格式右空二字排好）', example: '中共锦华社区委员会' },
  { tag: 'sign_date', label: '落款日期（比署名右移二字排好）', example: '2026年11月22日' },
  { tag: 'issued_on', label: '印发日期（版记用）', example: '2026年11月22日' },
  {
    tag: 'imprint_org',
    label: '印发机关（版记用，过长时自动换行）',
    example: '中共锦华社区委员会',
  },
  {
    tag: 'issuer_mark',
    label: '发文机关标志（版头，长名称已分行）',
    example: '中共锦华社区委员会',
  },
  { tag: 'doc_number', label: '发文字号（生成时填写，可空）', example: '锦华党〔2026〕3号' },
]

const rosterLoop = (key: RegisterKey, label: string): LoopDef => ({
  loop: 'rows',
  label,
  fields: registerRowTags(key),
})

const ROSTER_TAGS: readonly TagDef[] = [
  { tag: 'roster_title', label: '名册标题', example: '青云街道锦华社区治理人才库花名册' },
  { tag: 'count', label: '条数', example: '300' },
  { tag: 'filter_note', label: '筛选条件（未筛选时为空）', example: '（筛选：第一网格）' },
  { tag: 'masked', label: '是否脱敏', example: '是', condition: true },
]

export const KINDS: Record<DocKind, KindSpec> = {
  notice: {
    kind: 'notice',
    label: '会议通知',
    subject: 'meeting',
    fields: MEETING_TAGS,
    loops: MEETING_LOOPS,
  },
  'sign-in': {
    kind: 'sign-in',
    label: '会议签到表',
    subject: 'meeting',
    fields: MEETING_TAGS,
    loops: MEETING_LOOPS,
  },
  minutes: {
    kind: 'minutes',
    label: '会议纪要',
    subject: 'meeting',
    fields: MEETING_TAGS,
    loops: MEETING_LOOPS,
  },
  tasks: {
    kind: 'tasks',
    label: '议定事项任务分解表',
    subject: 'meeting',
    fields: MEETING_TAGS,
    loops: MEETING_LOOPS,
  },
  'talent-roster': {
    kind: 'talent-roster',
    label: '人才库花名册',
    subject: 'register',
    register: 'talents',
    fields: ROSTER_TAGS,
    loops: [rosterLoop('talents', '每位社区能人一行')],
  },
  'unit-roster': {
    kind: 'unit-roster',
    label: '共建单位名册',
    subject: 'register',
    register: 'units',
    fields: ROSTER_TAGS,
    loops: [rosterLoop('units', '每家共建单位一行')],
  },
  'committee-roster': {
    kind: 'committee-roster',
    label: '兼职委员名册',
    subject: 'register',
    register: 'committee',
    fields: ROSTER_TAGS,
    loops: [rosterLoop('committee', '每位兼职委员一行')],
  },
  'household-roster': {
    kind: 'household-roster',
    label: '党员中心户名册',
    subject: 'register',
    register: 'households',
    fields: ROSTER_TAGS,
    loops: [rosterLoop('households', '每户一行')],
  },
  'reported-roster': {
    kind: 'reported-roster',
    label: '在职党员报到名册',
    subject: 'register',
    register: 'reported_members',
    fields: ROSTER_TAGS,
    loops: [rosterLoop('reported_members', '每位在职党员一行')],
  },
  'talent-card': {
    kind: 'talent-card',
    label: '社区能人登记表',
    subject: 'talent',
    register: 'talents',
    fields: [
      ...registerRowTags('talents').filter((t) => t.tag !== 'index'),
      ...TALENT_CARD_EXTRA.fields,
    ],
    loops: TALENT_CARD_EXTRA.loops,
  },
  report: {
    kind: 'report',
    label: '工作报告',
    subject: 'period',
    fields: REPORT_TAGS,
    loops: REPORT_LOOPS,
  },
}

export const ROSTER_KIND: Record<RegisterKey, DocKind> = {
  talents: 'talent-roster',
  units: 'unit-roster',
  committee: 'committee-roster',
  households: 'household-roster',
  reported_members: 'reported-roster',
}

export function isDocKind(v: unknown): v is DocKind {
  return typeof v === 'string' && (DOC_KINDS as readonly string[]).includes(v)
}
