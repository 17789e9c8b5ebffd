// Every register and child list as a test case (a minimal valid record, an update that changes
// one field, a query that finds it), so one lifecycle test covers them all. The channel names
// it calls are built here and exported, so the channel-coverage check can count them.
import type { Channel } from '../../src-main/shared/contract'
import * as api from '../../src-main/shared/register-api'
import {
  REGISTERS,
  type AnyRegisterKey,
  type ChildKey,
} from '../../src-main/shared/registers/registers'
import type { TestBackend } from './temp-backend'

export const REGISTER_OPS = [
  'list',
  'get',
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'history',
] as const
export const CHILD_OPS = ['list', 'create', 'update', 'delete'] as const

export type Values = Record<string, unknown>
export type Row = Values & { id: number }

/** One field an update changes, as the 修改记录 tab must show it. */
export interface Change {
  field: string
  label: string
  before: string
  after: string
}

export interface RegisterCase {
  key: AnyRegisterKey
  create: Values
  /** Full data for update (the form always sends the whole record). */
  update: Values
  change: Change
  /** A 2-character query that finds the record. */
  search: string
  /** The record's name when the app assigns it (民情事项's 编号), not the form. */
  name?: string
}

export interface ChildCase {
  key: ChildKey
  parent: AnyRegisterKey
  create: Values
  update: Values
  change: Change
}

const talent = { name: '李志红', phone: '13800001234', status: '在册' }
const unit = {
  name: '市第一人民医院',
  liaison: '王敏',
  liaison_phone: '13800002222',
  status: '共建中',
}
const member = {
  name: '周建国',
  phone: '13800003333',
  level: '社区大党委',
  term_start: '2025-01-01',
  term_end: '2027-12-31',
  status: '在任',
}
const household = { head_name: '单丽', phone: '13800004444', building: '3栋', status: '正常' }
const reported = { name: '杨晓东', phone: '13800005555', status: '已报到' }
const meeting = {
  meeting_type: '党建联席会议',
  title: '锦华社区第一次党建联席会议',
  meeting_date: '2026-03-10',
  location: '社区党群服务中心',
}

const matter = {
  reported_on: '2026-03-12',
  source: '网格走访',
  kind: '问题',
  content: '锦华苑3栋楼道灯不亮',
}

export const REGISTER_CASES: RegisterCase[] = [
  {
    key: 'talents',
    create: talent,
    update: { ...talent, employer: '锦华物业' },
    change: { field: 'employer', label: '工作单位或原单位', before: '', after: '锦华物业' },
    search: '志红',
  },
  {
    key: 'units',
    create: unit,
    update: { ...unit, liaison: '王丽敏' },
    change: { field: 'liaison', label: '联络员', before: '王敏', after: '王丽敏' },
    search: '医院',
  },
  {
    key: 'committee',
    create: member,
    update: { ...member, term_end: '2028-06-30' },
    change: { field: 'term_end', label: '任期止', before: '2027-12-31', after: '2028-06-30' },
    search: '建国',
  },
  {
    key: 'households',
    create: household,
    update: { ...household, building: '5栋' },
    change: { field: 'building', label: '楼栋', before: '3栋', after: '5栋' },
    search: '单丽',
  },
  {
    key: 'meetings',
    create: meeting,
    update: { ...meeting, location: '二楼会议室' },
    change: {
      field: 'location',
      label: '会议地点',
      before: '社区党群服务中心',
      after: '二楼会议室',
    },
    search: '联席',
  },
  {
    key: 'reported_members',
    create: reported,
    update: { ...reported, skills: ['急救培训'] },
    change: { field: 'skills', label: '特长', before: '', after: '急救培训' },
    search: '晓东',
  },
  {
    key: 'matters',
    create: matter,
    update: { ...matter, place: '锦华苑小区' },
    change: { field: 'place', label: '地点', before: '', after: '锦华苑小区' },
    search: '楼道',
    name: '2026-0001',
  },
]

export const CHILD_CASES: ChildCase[] = [
  {
    key: 'talent_services',
    parent: 'talents',
    create: { service_date: '2026-05-01', item: '义诊咨询' },
    update: { service_date: '2026-05-01', item: '义诊咨询', hours: 2.5 },
    change: { field: 'hours', label: '时长（小时）', before: '', after: '2.5' },
  },
  {
    key: 'unit_list_items',
    parent: 'units',
    create: { list_type: '资源', title: '会议室共享', status: '待认领' },
    update: { list_type: '资源', title: '会议室共享', status: '实施中' },
    change: { field: 'status', label: '状态', before: '待认领', after: '实施中' },
  },
  {
    key: 'committee_reviews',
    parent: 'committee',
    create: { year: 2026, pledge: '每月走访驻区单位' },
    update: { year: 2026, pledge: '每月走访驻区单位', rating: '优秀' },
    change: { field: 'rating', label: '评议等次', before: '', after: '优秀' },
  },
  {
    key: 'household_links',
    parent: 'households',
    create: { head_name: '张桂兰', people: 3 },
    update: { head_name: '张桂兰', people: 4 },
    change: { field: 'people', label: '人数', before: '3', after: '4' },
  },
  {
    key: 'household_visits',
    parent: 'households',
    create: { visit_date: '2026-06-02', item: '楼道堆物清理' },
    update: { visit_date: '2026-06-02', item: '楼道堆物清理', follow_up: true },
    change: { field: 'follow_up', label: '需跟进', before: '否', after: '是' },
  },
  {
    key: 'meeting_attendees',
    parent: 'meetings',
    create: { name: '周建国', attendance: '出席' },
    update: { name: '周建国', attendance: '列席' },
    change: { field: 'attendance', label: '出席情况', before: '出席', after: '列席' },
  },
  {
    key: 'meeting_topics',
    parent: 'meetings',
    create: { title: '加装电梯协调' },
    update: { title: '加装电梯协调', proposer: '锦华物业' },
    change: { field: 'proposer', label: '提出单位', before: '', after: '锦华物业' },
  },
  {
    key: 'meeting_resolutions',
    parent: 'meetings',
    create: { content: '每月开展一次义诊', lead_unit_name: '市第一人民医院', status: '未开始' },
    update: { content: '每月开展一次义诊', lead_unit_name: '市第一人民医院', status: '推进中' },
    change: { field: 'status', label: '状态', before: '未开始', after: '推进中' },
  },
  {
    key: 'reported_services',
    parent: 'reported_members',
    create: { service_date: '2026-05-04', content: '楼道清洁志愿服务' },
    update: { service_date: '2026-05-04', content: '楼道清洁志愿服务', hours: 3 },
    change: { field: 'hours', label: '时长（小时）', before: '', after: '3' },
  },
]

// Built by the app's own helpers, so a name that is not a channel fails to compile.
export const registerChannel = (key: AnyRegisterKey, op: (typeof REGISTER_OPS)[number]): Channel =>
  api.registerChannel(key, op)
export const childChannel = (key: ChildKey, op: (typeof CHILD_OPS)[number]): Channel =>
  api.childChannel(key, op)

/** Every channel the lifecycle test calls; it checks at its end that it called each one. */
export const LIFECYCLE_CHANNELS: Channel[] = [
  ...REGISTER_CASES.flatMap((c) => REGISTER_OPS.map((op) => registerChannel(c.key, op))),
  ...CHILD_CASES.flatMap((c) => CHILD_OPS.map((op) => childChannel(c.key, op))),
]

/** The register's label, for the part the history shows for a child list. */
export function childLabel(key: ChildKey): string {
  for (const r of Object.values(REGISTERS)) {
    const c = (r.children as readonly { key: string; label: string }[]).find((x) => x.key === key)
    if (c) return c.label
  }
  throw new Error(`unknown child list ${key}`)
}

/** A backend caller for names built at run time, remembering which channels it called. */
export function recordingCaller(b: () => TestBackend, called: Set<string>) {
  return {
    async call<T = Row>(channel: Channel, input: unknown): Promise<T> {
      called.add(channel)
      return (await b().call(channel, input as never)) as T
    },
    async fail(channel: Channel, input: unknown) {
      called.add(channel)
      const r = await b().raw(channel, input)
      if (r.ok) throw new Error(`${channel} should have failed`)
      return r.error
    },
  }
}
