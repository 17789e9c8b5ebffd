import * as D from '../dictionaries'
import type { FieldDef } from './field-def'

// 党员中心户
export const HOUSEHOLD_FIELDS = [
  {
    key: 'head_name',
    label: '户主姓名（党员）',
    kind: 'text',
    required: true,
    max: 30,
    group: '中心户',
    list: 110,
    sortable: true,
  },
  { key: 'gender', label: '性别', kind: 'select', options: D.GENDER, group: '中心户', list: 60 },
  { key: 'phone', label: '联系电话', kind: 'phone', required: true, group: '中心户', list: 130 },
  { key: 'branch', label: '所属党支部/党小组', kind: 'text', max: 60, group: '中心户', list: 150 },
  { key: 'grid_id', label: '所属网格', kind: 'grid', group: '位置', list: 130, filter: true },
  { key: 'estate', label: '小区', kind: 'text', max: 50, group: '位置', list: 110 },
  {
    key: 'building',
    label: '楼栋',
    kind: 'text',
    required: true,
    max: 20,
    group: '位置',
    list: 70,
    sortable: true,
  },
  { key: 'unit_no', label: '单元', kind: 'text', max: 20, group: '位置', list: 60 },
  { key: 'room', label: '室', kind: 'text', max: 20, group: '位置', list: 60 },
  { key: 'plaque_on', label: '挂牌日期', kind: 'date', group: '位置', list: 100, sortable: true },
  {
    key: 'contact_members',
    label: '联系党员',
    kind: 'tags',
    max: 30,
    group: '位置',
    wide: true,
    placeholder: '输入姓名后按回车',
  },
  {
    key: 'status',
    label: '状态',
    kind: 'select',
    options: D.HOUSEHOLD_STATUS,
    required: true,
    initial: '正常',
    group: '位置',
    list: 70,
    filter: true,
  },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, group: '位置', wide: true },
] as const satisfies readonly FieldDef[]

// 联系户: the households a 中心户 links. Their count is derived, never typed.
export const HOUSEHOLD_LINK_FIELDS = [
  { key: 'head_name', label: '户主姓名', kind: 'text', required: true, max: 30, list: 100 },
  { key: 'address', label: '地址', kind: 'text', max: 100, list: 200, wide: true },
  { key: 'phone', label: '电话', kind: 'phone', list: 130 },
  { key: 'people', label: '人数', kind: 'int', max: 50, list: 70 },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, list: 160, wide: true },
] as const satisfies readonly FieldDef[]

// 联户记录
export const HOUSEHOLD_VISIT_FIELDS = [
  { key: 'visit_date', label: '日期', kind: 'date', required: true, list: 100, initial: 'today' },
  { key: 'link_name', label: '联系户', kind: 'text', max: 30, list: 100 },
  { key: 'item', label: '事项', kind: 'text', required: true, max: 200, list: 220, wide: true },
  { key: 'result', label: '办理结果', kind: 'textarea', max: 1000, list: 200, wide: true },
  { key: 'follow_up', label: '需跟进', kind: 'bool', list: 70 },
  { key: 'note', label: '备注', kind: 'textarea', max: 500, wide: true },
] as const satisfies readonly FieldDef[]
