// 推荐承办人: from an item's 类别, 内容, 网格 and 地点/楼栋, a ranked list across the five
// registers with the reasons for each. Chinese has no spaces, so 内容 is cut into every short
// run of characters and those are looked up as whole stored values (a 特长 「水电维修」 is
// found in 「楼道水管漏水，需要水电维修」); a skill or list-item match outranks place alone.
import type Database from 'better-sqlite3'
import type { ParsedInput } from '../../shared/contract'
import type { ResponderKind, Suggestion } from '../../shared/schemas/responders.schema'
import {
  byBuilding,
  byGrid,
  committeeByDomain,
  committeeByGrid,
  committeeOfUnits,
  reportedByTags,
  resourceItems,
  talentsByCategory,
  talentsBySkill,
  talentsBySkillInGrid,
  type Hit,
} from './responders.repo'

/**
 * How many open 民情事项 each responder already holds. The 民情事项 register supplies the real
 * one; until then every count is 0.
 */
export type OpenItemCounts = (kind: ResponderKind, ids: readonly number[]) => Map<number, number>
export const NO_OPEN_ITEMS: OpenItemCounts = () => new Map()

/** Why a candidate is suggested, strongest first; the weights make the order. */
const WEIGHT = {
  skill: 60,
  intent: 50,
  resource: 50,
  domain: 40,
  category: 30,
  unitResource: 20,
  building: 25,
  dutyGrid: 15,
  grid: 10,
} as const

const MIN_TERM = 2
const MAX_TERM = 12
/** Only the start of a long 内容 is cut into terms: what it is about is said first. */
const MAX_TEXT = 400

/** Every run of 2–12 characters inside the text's phrases (split at punctuation and spaces). */
export function termsOf(...texts: string[]): string[] {
  const out = new Set<string>()
  for (const text of texts) {
    const phrases = text
      .slice(0, MAX_TEXT)
      .split(/[\s,.;:!?，。；：！？、（）()【】“”"'《》/\\|-]+/u)
    // Chinese characters are one UTF-16 unit each (the BMP), so plain slices cut them cleanly.
    for (const phrase of phrases)
      for (let i = 0; i < phrase.length; i++)
        for (let n = MIN_TERM; n <= MAX_TERM && i + n <= phrase.length; n++)
          out.add(phrase.slice(i, i + n))
  }
  return [...out]
}

const BUILDING = /([0-9０-９]+|[一二三四五六七八九十]+)\s*(栋|幢|号楼|座)/gu

/** The 楼栋 named in 地点, as they are written in the registers: 锦华苑3栋2单元 → 3栋. */
export function buildingsIn(location: string): string[] {
  const out = new Set<string>()
  for (const m of location.normalize('NFKC').matchAll(BUILDING)) {
    const [, no = '', word = ''] = m
    out.add(`${no}${word}`)
    // 3号楼 and 3栋 name the same building in different ledgers.
    out.add(`${no}${word === '栋' ? '号楼' : '栋'}`)
  }
  return [...out]
}

interface Candidate {
  kind: ResponderKind
  id: number
  name: string
  detail: string
  score: number
  reasons: string[]
}

function readable(detail: string): string {
  if (!detail.startsWith('[')) return detail
  try {
    return (JSON.parse(detail) as string[]).join('、')
  } catch {
    return detail
  }
}

export function suggestResponders(
  db: Database.Database,
  input: ParsedInput<'responders:suggest'>,
  openItems: OpenItemCounts = NO_OPEN_ITEMS,
): Suggestion[] {
  const found = new Map<string, Candidate>()
  const add = (kind: ResponderKind, hit: Hit, reason: string, weight: number) => {
    const key = `${kind}:${hit.id}`
    let c = found.get(key)
    if (!c) {
      c = { kind, id: hit.id, name: hit.name, detail: readable(hit.detail), score: 0, reasons: [] }
      found.set(key, c)
    }
    const note = (r: string, w: number) => {
      if (c.reasons.includes(r)) return
      c.reasons.push(r)
      c.score += w
    }
    note(reason, weight)
    // Whoever is found also gets the place they share with the item: the same 楼栋 (of the
    // 小区 named or the grid), the grid itself, or for 兼职委员 the grid they look after.
    const sameGrid = input.gridId !== null && hit.grid_id === input.gridId
    if (
      hit.building !== '' &&
      buildings.includes(hit.building) &&
      ((hit.estate !== '' && input.location.includes(hit.estate)) || sameGrid)
    )
      note('同楼栋', WEIGHT.building)
    if (sameGrid)
      if (kind === 'committee') note('联系本网格', WEIGHT.dutyGrid)
      else if (kind !== 'unit') note('同网格', WEIGHT.grid)
  }
  const buildings = buildingsIn(input.location)
  const terms = termsOf(input.content, input.category)
  const termsJson = JSON.stringify(terms)
  const category = input.category

  const bySkill = [
    ...(input.gridId !== null ? talentsBySkillInGrid(db, termsJson, input.gridId) : []),
    ...talentsBySkill(db, termsJson),
  ]
  for (const h of bySkill) add('talent', h, `技能匹配「${h.value}」`, WEIGHT.skill)
  if (category)
    for (const h of talentsByCategory(db, category, input.gridId))
      add('talent', h, `人才类别「${category}」`, WEIGHT.category)
  for (const h of reportedByTags(db, termsJson)) {
    const [field, value] = h.value.split(/:(.*)/su)
    if (field === 'skills') add('reported', h, `技能匹配「${value}」`, WEIGHT.skill)
    else add('reported', h, `服务意向「${value}」`, WEIGHT.intent)
  }
  const resourceUnits = new Set<number>()
  for (const h of resourceItems(db, category, termsJson)) {
    add('unit', h, `资源清单「${h.value}」`, WEIGHT.resource)
    resourceUnits.add(h.id)
  }
  if (category || terms.length)
    for (const h of committeeByDomain(db, JSON.stringify([...terms, category])))
      add('committee', h, `联系领域「${h.value}」`, WEIGHT.domain)
  if (resourceUnits.size)
    for (const h of committeeOfUnits(db, JSON.stringify([...resourceUnits].slice(0, 20))))
      add('committee', h, `所在单位「${h.value}」有相关资源`, WEIGHT.unitResource)

  // Place-only candidates: the same 楼栋, then a few of the grid (the weakest reason).
  if (buildings.length)
    for (const table of PEOPLE)
      for (const h of byBuilding(
        db,
        table,
        JSON.stringify(buildings),
        input.location,
        input.gridId,
      ))
        add(KIND_OF[table], h, '同楼栋', WEIGHT.building)
  if (input.gridId !== null) {
    for (const h of committeeByGrid(db, input.gridId))
      add('committee', h, '联系本网格', WEIGHT.dutyGrid)
    for (const table of PEOPLE)
      for (const h of byGrid(db, table, input.gridId)) add(KIND_OF[table], h, '同网格', WEIGHT.grid)
  }

  const ranked = [...found.values()]
  const open = countsOf(ranked, openItems)
  return ranked
    .map((c) => ({ ...c, open_items: open.get(`${c.kind}:${c.id}`) ?? 0 }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.open_items - b.open_items ||
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        a.id - b.id,
    )
    .slice(0, input.limit)
}

// Equal scores: people before units, then in order of registration. (Not by name: comparing
// hundreds of Chinese names with a collator took most of the time of a suggestion.)
const KIND_RANK: Record<ResponderKind, number> = {
  talent: 0,
  reported: 1,
  household: 2,
  committee: 3,
  unit: 4,
}
const PEOPLE = ['households', 'talents', 'reported_members'] as const
const KIND_OF = {
  households: 'household',
  talents: 'talent',
  reported_members: 'reported',
} as const

function countsOf(list: Candidate[], openItems: OpenItemCounts): Map<string, number> {
  const out = new Map<string, number>()
  const byKind = new Map<ResponderKind, number[]>()
  for (const c of list) {
    const ids = byKind.get(c.kind)
    if (ids) ids.push(c.id)
    else byKind.set(c.kind, [c.id])
  }
  for (const [kind, ids] of byKind)
    for (const [id, n] of openItems(kind, ids)) out.set(`${kind}:${id}`, n)
  return out
}
