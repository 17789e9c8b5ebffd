import * as D from '../dictionaries'
import type { FieldDef } from './field-def'

// 会议: 党建联席会议 and the other meetings the community holds.
export const MEETING_FIELDS = [
  {
    key: 'meeting_type',
    label: '会议类型',
    kind: 'select',
    options: D.MEETING_TYPE,
    required: true,
    initial: '党建联席会议',
    group: '会议信息',
    list: 150,
    filter: true,
  },
  {
    key: 'seq_no',
    label: '期号',
    kind: 'int',
    min: 1,
    max: 999,
    group: '会议信息',
    placeholder: '当年第几次',
  },
  {
    key: 'title',
    label: '会议标题',
    kind: 'text',
    required: true,
    max: 100,
    group: '会议信息',
    list: 220,
    sortable: true,
    wide: true,
    placeholder: '如：锦华社区2026年第3次党建联席会议',
  },
  {
    key: 'meeting_date',
    label: '会议日期',
    kind: 'date',
    required: true,
    initial: 'today',
    group: '会议信息',
    list: 110,
    sortable: true,
  },
  {
    key: 'location',
    label: '会议地点',
    kind: 'text',
    required: true,
    max: 100,
    group: '会议信息',
    list: 130,
  },
  { key: 'start_time', label: '开始时间', kind: 'time', group: '会议信息' },
  { key: 'end_time', label: '结束时间', kind: 'time', group: '会议信息' },
  { key: 'host', label: '主持人', kind: 'text', max: 30, group: '会议信息' },
  { key: 'recorder', label: '记录人', kind: 'text', max: 30, group: '会议信息' },
  { key: 'contact', label: '联系人', kind: 'text', max: 30, group: '会议通知' },
  { key: 'contact_phone', label: '联系电话', kind: 'phone', group: '会议通知' },
  {
    key: 'summary',
    label: '会议概况',
    kind: 'textarea',
    max: 2000,
    group: '会议概况',
    wide: true,
    placeholder: '会议主要内容，用于会议纪要开头',
  },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, group: '会议概况', wide: true },
] as const satisfies readonly FieldDef[]

// 参会人员. Picked 兼职委员 and 共建单位 are copied in (name, unit, post), so the sign-in sheet
// and 纪要 keep what was true on the day; committee_id / unit_id are set only by the picker.
export const ATTENDEE_FIELDS = [
  { key: 'name', label: '姓名', kind: 'text', required: true, max: 30, list: 90 },
  { key: 'unit_name', label: '单位', kind: 'text', max: 80, list: 200 },
  { key: 'post', label: '职务', kind: 'text', max: 60, list: 120 },
  {
    key: 'attendance',
    label: '出席情况',
    kind: 'select',
    options: D.ATTENDANCE,
    required: true,
    initial: '出席',
    list: 110,
  },
  { key: 'leave_reason', label: '请假原因', kind: 'text', max: 100, list: 150 },
  { key: 'signed_in', label: '已签到', kind: 'bool', list: 80 },
  { key: 'note', label: '备注', kind: 'textarea', max: 200, wide: true },
] as const satisfies readonly FieldDef[]

// 议题, in the order they are discussed.
export const TOPIC_FIELDS = [
  { key: 'title', label: '议题', kind: 'text', required: true, max: 100, list: 260, wide: true },
  { key: 'proposer', label: '提出单位', kind: 'text', max: 80, list: 160, wide: true },
  { key: 'description', label: '说明', kind: 'textarea', max: 1000, list: 260, wide: true },
  { key: 'note', label: '备注', kind: 'textarea', max: 200, wide: true },
] as const satisfies readonly FieldDef[]

// 议定事项: what was agreed, who leads it, by when, and how far it has got. 逾期 is derived.
export const RESOLUTION_FIELDS = [
  { key: 'content', label: '事项内容', kind: 'textarea', required: true, max: 500, list: 260 },
  { key: 'lead_unit_id', label: '责任单位', kind: 'unit' },
  { key: 'lead_unit_name', label: '责任单位名称', kind: 'text', max: 80, list: 160 },
  { key: 'partner_units', label: '配合单位', kind: 'text', max: 200, list: 160 },
  { key: 'deadline', label: '完成时限', kind: 'date', list: 100 },
  {
    key: 'status',
    label: '状态',
    kind: 'select',
    options: D.RESOLUTION_STATUS,
    required: true,
    initial: '未开始',
    list: 80,
  },
  { key: 'progress', label: '进展记录', kind: 'textarea', max: 2000, list: 200 },
  { key: 'done_on', label: '完成日期', kind: 'date', list: 100 },
  { key: 'note', label: '备注', kind: 'textarea', max: 200 },
] as const satisfies readonly FieldDef[]
