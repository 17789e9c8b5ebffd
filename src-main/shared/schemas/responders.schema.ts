// 推荐承办人: who in the registers could take a 民情事项, and why (responders:suggest).
import { z } from 'zod'

export const RESPONDER_KINDS = ['talent', 'unit', 'committee', 'household', 'reported'] as const
export type ResponderKind = (typeof RESPONDER_KINDS)[number]

export const SuggestInput = z
  .object({
    /** 类别 of the item (shared with talents' 人才类别 and the 资源清单 categories). */
    category: z.string().trim().max(30, '类别不超过 30 个字').default(''),
    /** 内容: skills and list items are found as words inside it, no spaces needed. */
    content: z.string().max(2000, '内容不超过 2000 个字').default(''),
    gridId: z.number().int().positive().nullable().default(null),
    /** 地点/楼栋, e.g. 锦华苑3栋2单元. */
    location: z.string().trim().max(100, '地点不超过 100 个字').default(''),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict()

export const Suggestion = z.object({
  kind: z.enum(RESPONDER_KINDS),
  id: z.number(),
  name: z.string(),
  /** A short line saying who this is (特长, 单位, 住址 …). */
  detail: z.string(),
  /** Why suggested: 技能匹配「水电维修」, 资源清单「义诊服务」, 同网格, 同楼栋, 联系领域「…」. */
  reasons: z.array(z.string()),
  score: z.number(),
  /** Open 民情事项 this responder already holds. */
  open_items: z.number(),
})
export type Suggestion = z.output<typeof Suggestion>

/** One 履职 of a 兼职委员 from a closed 民情事项 (written at close; feeds 双述双评). */
export const CommitteeDuty = z.object({
  matter_id: z.number(),
  code: z.string(),
  done_on: z.string(),
  item: z.string(),
})
