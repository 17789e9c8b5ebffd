import * as D from '../dictionaries'
import type { FieldDef } from './field-def'

// 在职党员双报到: in-service Party members who reported to the community where they live.
// 工作单位 is linked to a 共建单位 when it is one (unit_id), else typed (employer).
export const REPORTED_MEMBER_FIELDS = [
  {
    key: 'name',
    label: '姓名',
    kind: 'text',
    required: true,
    max: 30,
    group: '基本信息',
    list: 90,
    sortable: true,
  },
  { key: 'gender', label: '性别', kind: 'select', options: D.GENDER, group: '基本信息', list: 60 },
  { key: 'phone', label: '联系电话', kind: 'phone', required: true, group: '基本信息', list: 130 },
  {
    key: 'unit_id',
    label: '所在共建单位',
    kind: 'unit',
    group: '基本信息',
    filter: true,
    wide: true,
  },
  {
    key: 'employer',
    label: '工作单位',
    kind: 'text',
    max: 80,
    group: '基本信息',
    list: 180,
    wide: true,
    placeholder: '不是共建单位时在此填写；选了共建单位会自动填上',
  },
  { key: 'org_name', label: '所在党组织', kind: 'text', max: 80, group: '基本信息', wide: true },
  {
    key: 'reported_on',
    label: '报到日期',
    kind: 'date',
    group: '报到与服务',
    list: 100,
    sortable: true,
    initial: 'today',
  },
  { key: 'grid_id', label: '居住网格', kind: 'grid', group: '报到与服务', list: 130, filter: true },
  { key: 'estate', label: '居住小区', kind: 'text', max: 50, group: '报到与服务' },
  { key: 'building', label: '楼栋', kind: 'text', max: 20, group: '报到与服务' },
  {
    key: 'skills',
    label: '特长',
    kind: 'tags',
    max: 30,
    group: '报到与服务',
    list: 150,
    wide: true,
    indexed: true,
    placeholder: '输入后按回车，可填多项',
  },
  {
    key: 'service_intent',
    label: '服务意向/认领岗位',
    kind: 'tags',
    max: 30,
    group: '报到与服务',
    list: 150,
    wide: true,
    indexed: true,
    placeholder: '输入后按回车，可填多项',
  },
  {
    key: 'status',
    label: '状态',
    kind: 'select',
    options: D.REPORTED_STATUS,
    required: true,
    initial: '已报到',
    group: '状态',
    list: 70,
    filter: true,
  },
  { key: 'returned_on', label: '返回日期', kind: 'date', group: '状态' },
  { key: 'return_reason', label: '返回原因', kind: 'text', max: 100, group: '状态', wide: true },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, group: '状态', wide: true },
] as const satisfies readonly FieldDef[]

// 服务记录 of a reported member. Its 关联事项 (matter_id) is not a form field: the 民情事项
// register writes it when an item closes, so it is a derived column of the record.
export const REPORTED_SERVICE_FIELDS = [
  { key: 'service_date', label: '日期', kind: 'date', required: true, list: 110, initial: 'today' },
  { key: 'hours', label: '时长（小时）', kind: 'decimal', max: 1000, list: 100 },
  { key: 'content', label: '内容', kind: 'text', required: true, max: 200, list: 260, wide: true },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, list: 160, wide: true },
] as const satisfies readonly FieldDef[]
