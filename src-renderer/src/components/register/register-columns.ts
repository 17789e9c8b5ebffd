// Which list columns a register shows until she picks her own, and her pick, remembered per
// register in this browser. The defaults fit a 1366×768 screen (1069 px of table beside the
// menu) without sideways scrolling; every other list field stays one tick away.
import type { FieldDef } from '@shared/registers/field-def'
import type { RegisterSpec } from '@shared/registers/registers'
import { computed, ref, watch } from 'vue'

interface ColumnPlan {
  /** List fields left out until she asks for them. */
  hidden?: string[]
  /** Narrower (or wider) columns than the field's list width, so the defaults fit. */
  widths?: Record<string, number>
}

const PLANS: Record<string, ColumnPlan> = {
  talents: {
    hidden: ['gender', 'birth_month', 'political_status', 'work_status', 'employer'],
    widths: { phone: 116, categories: 120, skills: 140, grid_id: 120 },
  },
  units: {
    hidden: ['org_name', 'org_type', 'org_secretary', 'reported_count', 'joined_on'],
    widths: { liaison_phone: 116 },
  },
  // 任期止 carries a 即将到期 / 已到期 tag after the date: wide enough that the fixed 操作
  // column never covers it.
  committee: {
    hidden: ['gender'],
    widths: { phone: 116, unit_id: 170, unit_post: 110, term_end: 190 },
  },
  households: {
    hidden: ['gender', 'branch', 'unit_no', 'room', 'status'],
    widths: { phone: 116, grid_id: 110, estate: 100 },
  },
  reported_members: {
    hidden: ['gender', 'service_intent'],
    widths: { phone: 116, employer: 150, grid_id: 110, skills: 120 },
  },
  // 办理期限 (with its 逾期 tag) is the view's own column beside these.
  matters: {
    hidden: ['source', 'place', 'reporter'],
    widths: { content: 170 },
  },
}

const storageKey = (register: string) => `lianjian.columns.${register}`

function stored(register: string): string[] | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey(register)) ?? 'null')
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : null
  } catch {
    return null
  }
}

/** The list fields shown until she picks her own (also what the bench's bare page shows). */
export function defaultColumns(spec: RegisterSpec): FieldDef[] {
  const hidden = PLANS[spec.key]?.hidden ?? []
  return spec.fields.filter((f) => f.list && !hidden.includes(f.key))
}

/** A column's minimum width: the field's (or the plan's) width, never narrower than its label. */
export function columnWidth(register: string, f: FieldDef): number {
  const base = PLANS[register]?.widths?.[f.key] ?? f.list ?? 80
  return Math.max(base, f.label.length * 14 + (f.sortable ? 50 : 30))
}

export function useColumnChoice(spec: RegisterSpec) {
  const all = spec.fields.filter((f) => f.list)
  const defaults = () => defaultColumns(spec).map((f) => f.key)
  // The name column opens the record, so it is always there.
  const withName = (keys: string[]) =>
    keys.includes(spec.nameField) ? keys : [spec.nameField, ...keys]
  const chosen = ref<string[]>(withName(stored(spec.key) ?? defaults()))
  const shown = computed(() => all.filter((f) => chosen.value.includes(f.key)))
  const isDefault = computed(() => {
    const d = defaults()
    return d.length === chosen.value.length && d.every((k) => chosen.value.includes(k))
  })
  watch(chosen, (keys) => {
    try {
      localStorage.setItem(storageKey(spec.key), JSON.stringify(keys))
    } catch {
      // Private mode or a full quota: the pick lasts for this visit only.
    }
  })
  return {
    all,
    chosen,
    shown,
    isDefault,
    reset: () => (chosen.value = defaults()),
    width: (f: FieldDef) => columnWidth(spec.key, f),
  }
}
