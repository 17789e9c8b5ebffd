// 民情事项 list page logic: the 只看逾期 switch, the 登记 form (编号 and 状态 are the app's),
// status colours, and opening an item on its own page.
import { MATTER_FIELDS, MATTER_FORM_KEYS } from '@shared/registers/matters.fields'
import type { FieldDef } from '@shared/registers/field-def'
import { computed } from 'vue'
import { useRouter } from 'vue-router'
import { useMattersStore } from '../../stores/matters.store'
import type { Values } from '../../utils/field-form'

/** The 登记 form in the order she fills it. */
export const MATTER_FORM_FIELDS: FieldDef[] = MATTER_FORM_KEYS.map(
  (k) => MATTER_FIELDS.find((f) => f.key === k) as FieldDef,
)

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'
const STATUS_TAG: Record<string, TagType> = {
  待派单: 'danger',
  已派单: 'warning',
  已接单: 'warning',
  办理中: 'primary',
  已反馈: 'primary',
  已结项: 'success',
  已评价: 'success',
  已取消: 'info',
  已合并: 'info',
}
export const statusTag = (s: unknown): TagType => STATUS_TAG[String(s)] ?? 'info'

export function useMattersView() {
  const store = useMattersStore()
  const router = useRouter()
  const overdueOnly = computed(() => store.query.filters.overdue === '1')
  const openMatter = (row: Values) => `/matters/${String(row.id)}`
  const afterCreate = (row: Values) => void router.push(openMatter(row))
  return { store, overdueOnly, openMatter, afterCreate }
}
