// 街道 mode's plain handlers: the setting, its communities and submissions, and the merged
// pool's reports. Phones and ID numbers of other communities' people are masked on screen.
import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { TALENT_CATEGORY } from '../../shared/dictionaries'
import { maskIdCard, maskPhone } from '../../shared/mask'
import { STREET_ROW_FIELDS } from '../../shared/registers/street.fields'
import { AppError } from '../../shared/result'
import type { StreetPerson } from '../../shared/schemas/street.schema'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { planSearch } from '../search/search-tokens'
import {
  countsByCommunity,
  countsByCommunityCategory,
  duplicateIdCards,
  duplicateNamePhones,
  peopleCount,
  poolPage,
} from './street-pool.repo'
import {
  allSubmissions,
  ensureCommunity,
  listCommunities,
  readStreetSettings,
  rowsByIds,
  rowsOfSubmission,
  submissionById,
  submissionsOf,
  writeStreetSettings,
  type StoredRow,
} from './street.repo'

const list = (json: string | undefined): string[] => {
  try {
    const v: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(v) ? v.map(String) : []
  } catch {
    return []
  }
}

export function streetSettings(
  _input: ParsedInput<'street:settings'>,
  ctx: AppContext,
): Output<'street:settings'> {
  const s = readStreetSettings(ctx.db)
  return { mode: s?.unit_mode ?? '社区', period: s?.period ?? '', chosen: s?.chosen === 1 }
}

export function streetSettingsSave(
  input: ParsedInput<'street:settings-save'>,
  ctx: AppContext,
): Output<'street:settings-save'> {
  const before = streetSettings({}, ctx)
  const after = { mode: input.mode ?? before.mode, period: input.period ?? before.period }
  ctx.db.transaction(() => {
    writeStreetSettings(ctx.db, after, nowStamp())
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'street_settings',
      rowId: 1,
      action: 'update',
      before,
      after,
    })
  })()
  return streetSettings({}, ctx)
}

export function streetCommunityAdd(
  input: ParsedInput<'street:community-add'>,
  ctx: AppContext,
): Output<'street:community-add'> {
  return ctx.db.transaction(() => {
    const c = ensureCommunity(ctx.db, input.name, nowStamp())
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'street_communities',
      rowId: c.id,
      action: 'create',
      after: c,
    })
    return c
  })()
}

export function streetStatus(
  _input: ParsedInput<'street:status'>,
  ctx: AppContext,
): Output<'street:status'> {
  const period = readStreetSettings(ctx.db)?.period ?? ''
  const subs = allSubmissions(ctx.db)
  const communities = listCommunities(ctx.db).map((c) => {
    const own = subs.filter((s) => s.community_id === c.id)
    const last = own.at(-1) ?? null
    const submitted = period ? own.some((s) => s.period === period) : own.length > 0
    return { id: c.id, name: c.name, submissions: own.length, last, submitted }
  })
  return {
    period,
    communities,
    missing: communities.filter((c) => !c.submitted).map((c) => c.name),
    people: peopleCount(ctx.db),
  }
}

export function streetSubmissions(
  input: ParsedInput<'street:submissions'>,
  ctx: AppContext,
): Output<'street:submissions'> {
  return submissionsOf(ctx.db, input.communityId)
}

/** What makes two rows of one community the same person: 身份证号, else 姓名 + 电话, else 姓名. */
function personKey(r: StoredRow): string {
  if (r.id_card && !r.id_card.includes('*')) return `id:${r.id_card}`
  return r.phone ? `np:${r.name} ${r.phone}` : `n:${r.name}`
}

export function streetCompare(
  input: ParsedInput<'street:compare'>,
  ctx: AppContext,
): Output<'street:compare'> {
  const from = submissionById(ctx.db, input.from)
  const to = submissionById(ctx.db, input.to)
  if (!from || !to) throw new AppError('NOT_FOUND', '找不到要比较的报送，请刷新后重新选择')
  if (from.community_id !== to.community_id)
    throw new AppError('VALIDATION', '只能比较同一个社区的两次报送')
  const before = new Map(rowsOfSubmission(ctx.db, from.id).map((r) => [personKey(r), r]))
  const after = new Map(rowsOfSubmission(ctx.db, to.id).map((r) => [personKey(r), r]))
  const out: Output<'street:compare'> = {
    community: to.community,
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
  }
  for (const [k, r] of after) {
    const old = before.get(k)
    if (!old) {
      out.added.push({ name: r.name ?? '' })
      continue
    }
    const fields = STREET_ROW_FIELDS.filter((f) => (old[f.key] ?? '') !== (r[f.key] ?? '')).map(
      (f) => f.label,
    )
    if (fields.length) out.changed.push({ name: r.name ?? '', fields })
    else out.unchanged++
  }
  for (const [k, r] of before) if (!after.has(k)) out.removed.push({ name: r.name ?? '' })
  return out
}

export function toPerson(r: StoredRow): StreetPerson {
  return {
    id: r.id,
    community: r.community,
    name: r.name ?? '',
    gender: r.gender ?? '',
    birth_month: r.birth_month ?? '',
    phone: r.phone ? maskPhone(r.phone) : '',
    id_card: r.id_card ? maskIdCard(r.id_card) : '',
    political_status: r.political_status ?? '',
    grid: r.grid ?? '',
    categories: list(r.categories),
    skills: list(r.skills),
    work_status: r.work_status ?? '',
    employer: r.employer ?? '',
    status: r.status ?? '',
  }
}

export function streetList(
  input: ParsedInput<'street:list'>,
  ctx: AppContext,
): Output<'street:list'> {
  const plan = planSearch(input.search)
  if (input.search.trim() && plan.match === null) return { rows: [], total: 0 }
  const { ids, total } = poolPage(ctx.db, {
    match: plan.match,
    verify: plan.verify,
    communityId: input.communityId,
    category: input.category || undefined,
    grid: input.grid || undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  })
  return { rows: rowsByIds(ctx.db, ids).map(toPerson), total }
}

export function streetDuplicates(
  _input: ParsedInput<'street:duplicates'>,
  ctx: AppContext,
): Output<'street:duplicates'> {
  const ids = (s: string) => s.split(',').map(Number)
  const byIdCard = duplicateIdCards(ctx.db).map((g) => ids(g.ids))
  const byNamePhone = duplicateNamePhones(ctx.db).map((g) => ids(g.ids))
  // Every person of every group read in one query, not one query per group.
  const rows = new Map(
    rowsByIds(ctx.db, [...byIdCard.flat(), ...byNamePhone.flat()]).map((r) => [r.id, r]),
  )
  const people = (group: number[]) =>
    group.map((id) => rows.get(id)).filter((r): r is StoredRow => r !== undefined)
  const groups: Output<'street:duplicates'> = []
  const seen = new Set<string>()
  for (const g of byIdCard) {
    const list = people(g)
    for (const p of list) seen.add(`${p.name} ${p.phone}`)
    groups.push({ reason: '身份证号相同', people: list.map(toPerson) })
  }
  for (const g of byNamePhone) {
    const list = people(g)
    // A pair already reported by 身份证号 is not reported again by name and phone.
    if (list[0] && seen.has(`${list[0].name} ${list[0].phone}`)) continue
    groups.push({ reason: '姓名和电话相同', people: list.map(toPerson) })
  }
  return groups
}

export function streetStats(
  _input: ParsedInput<'street:stats'>,
  ctx: AppContext,
): Output<'street:stats'> {
  const cells = countsByCommunityCategory(ctx.db)
  const categories: string[] = [...TALENT_CATEGORY]
  for (const c of cells) if (!categories.includes(c.category)) categories.push(c.category)
  const rows = countsByCommunity(ctx.db).map((c) => ({
    community: c.community,
    total: c.n,
    counts: categories.map(
      (k) => cells.find((x) => x.community === c.community && x.category === k)?.n ?? 0,
    ),
  }))
  return { categories, rows }
}
