// The registers and their child lists: table, fields, what search covers, which
// fields filter and sort. Backend repos, contract channels and the UI all read these.
import { COMMITTEE_FIELDS, COMMITTEE_REVIEW_FIELDS } from './committee.fields'
import type { FieldDef } from './field-def'
import type { AnyRegisterKey } from './register-keys'
import { ATTENDEE_FIELDS, MEETING_FIELDS, RESOLUTION_FIELDS, TOPIC_FIELDS } from './meetings.fields'
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_LINK_FIELDS,
  HOUSEHOLD_VISIT_FIELDS,
} from './households.fields'
import { MATTER_FIELDS } from './matters.fields'
import { TALENT_FIELDS, TALENT_SERVICE_FIELDS } from './talents.fields'
import { UNIT_FIELDS, UNIT_LIST_ITEM_FIELDS } from './units.fields'
import { REPORTED_MEMBER_FIELDS, REPORTED_SERVICE_FIELDS } from './reported-members.fields'

export interface ChildSpec {
  key: string
  table: string
  parentColumn: string
  label: string
  fields: readonly FieldDef[]
  /** Field that names a row in messages and history. */
  titleField: string
}

export interface RegisterSpec {
  key: AnyRegisterKey
  table: string
  label: string
  /** What one record is called in messages: 社区能人「李志红」. */
  noun: string
  nameField: string
  fields: readonly FieldDef[]
  /** Fields whose text (and pinyin) the search box matches. */
  search: readonly string[]
  children: readonly ChildSpec[]
}

export const REGISTERS = {
  talents: {
    key: 'talents',
    table: 'talents',
    label: '社区能人',
    noun: '社区能人',
    nameField: 'name',
    fields: TALENT_FIELDS,
    search: ['name', 'skills', 'employer', 'occupation', 'estate', 'building', 'phone'],
    children: [
      {
        key: 'talent_services',
        table: 'talent_services',
        parentColumn: 'talent_id',
        label: '服务记录',
        fields: TALENT_SERVICE_FIELDS,
        titleField: 'item',
      },
    ],
  },
  units: {
    key: 'units',
    table: 'units',
    label: '共建单位',
    noun: '共建单位',
    nameField: 'name',
    fields: UNIT_FIELDS,
    search: ['name', 'org_name', 'liaison', 'org_secretary', 'address'],
    children: [
      {
        key: 'unit_list_items',
        table: 'unit_list_items',
        parentColumn: 'unit_id',
        label: '三项清单',
        fields: UNIT_LIST_ITEM_FIELDS,
        titleField: 'title',
      },
    ],
  },
  committee: {
    key: 'committee',
    table: 'committee_members',
    label: '兼职委员',
    noun: '兼职委员',
    nameField: 'name',
    fields: COMMITTEE_FIELDS,
    search: ['name', 'unit_post', 'party_post', 'duty_domain', 'phone'],
    children: [
      {
        key: 'committee_reviews',
        table: 'committee_reviews',
        parentColumn: 'member_id',
        label: '双诺双述双评',
        fields: COMMITTEE_REVIEW_FIELDS,
        titleField: 'year',
      },
    ],
  },
  households: {
    key: 'households',
    table: 'households',
    label: '党员中心户',
    noun: '党员中心户',
    nameField: 'head_name',
    fields: HOUSEHOLD_FIELDS,
    search: ['head_name', 'estate', 'building', 'branch', 'contact_members', 'phone'],
    children: [
      {
        key: 'household_links',
        table: 'household_links',
        parentColumn: 'household_id',
        label: '联系户',
        fields: HOUSEHOLD_LINK_FIELDS,
        titleField: 'head_name',
      },
      {
        key: 'household_visits',
        table: 'household_visits',
        parentColumn: 'household_id',
        label: '联户记录',
        fields: HOUSEHOLD_VISIT_FIELDS,
        titleField: 'item',
      },
    ],
  },
  meetings: {
    key: 'meetings',
    table: 'meetings',
    label: '会议',
    noun: '会议',
    nameField: 'title',
    fields: MEETING_FIELDS,
    search: ['title', 'location', 'host'],
    children: [
      {
        key: 'meeting_attendees',
        table: 'meeting_attendees',
        parentColumn: 'meeting_id',
        label: '参会人员',
        fields: ATTENDEE_FIELDS,
        titleField: 'name',
      },
      {
        key: 'meeting_topics',
        table: 'meeting_topics',
        parentColumn: 'meeting_id',
        label: '议题',
        fields: TOPIC_FIELDS,
        titleField: 'title',
      },
      {
        key: 'meeting_resolutions',
        table: 'meeting_resolutions',
        parentColumn: 'meeting_id',
        label: '议定事项',
        fields: RESOLUTION_FIELDS,
        titleField: 'content',
      },
    ],
  },
  reported_members: {
    key: 'reported_members',
    table: 'reported_members',
    label: '在职党员',
    noun: '在职党员',
    nameField: 'name',
    fields: REPORTED_MEMBER_FIELDS,
    search: ['name', 'employer', 'org_name', 'skills', 'service_intent', 'estate', 'phone'],
    children: [
      {
        key: 'reported_services',
        table: 'reported_services',
        parentColumn: 'member_id',
        label: '服务记录',
        fields: REPORTED_SERVICE_FIELDS,
        titleField: 'content',
      },
    ],
  },
  // 民情事项: its responders and timeline change only through the steps (matter-flow.ts), so
  // they are not generic child lists.
  matters: {
    key: 'matters',
    table: 'matters',
    label: '民情事项',
    noun: '民情事项',
    nameField: 'code',
    fields: MATTER_FIELDS,
    search: ['code', 'content', 'place', 'building', 'reporter', 'phone'],
    children: [],
  },
} as const satisfies Record<AnyRegisterKey, RegisterSpec>

// The names themselves live in register-keys.ts (the preload can load that one).
export { REGISTER_KEYS, type AnyRegisterKey, type RegisterKey } from './register-keys'

export type ChildKey = (typeof REGISTERS)[AnyRegisterKey]['children'][number]['key']

const CHILD_KEYS: readonly string[] = Object.values(REGISTERS).flatMap((r) =>
  r.children.map((c) => c.key),
)

/** True for the key of a child list (so a ChildSpec's plain string key can name its channels). */
export function isChildKey(key: string): key is ChildKey {
  return CHILD_KEYS.includes(key)
}
