import { z } from 'zod'
import { Id, optionalPhone, optionalText, requiredText, Timestamps } from './common'

// 网格: the community's subdivision; talents and households belong to one.
export const GridInput = z
  .object({
    name: requiredText('网格名称', 50),
    code: optionalText('网格编号', 30),
    leader: optionalText('网格长', 30),
    phone: optionalPhone,
    note: optionalText('备注', 500),
  })
  .strict()

export const Grid = GridInput.extend({ id: Id, ...Timestamps })

export const GridUpdate = z.object({ id: Id, data: GridInput }).strict()

export type GridInput = z.input<typeof GridInput>
export type Grid = z.output<typeof Grid>

/** Who belongs to a 网格, per register, before it is deleted. */
export const GridUsage = z.object({
  id: Id,
  name: z.string(),
  counts: z.array(
    z.object({
      register: z.enum(['talents', 'households', 'committee', 'reported_members']),
      /** 社区能人 / 党员中心户 / 兼职委员（联系网格） */
      label: z.string(),
      count: z.number(),
    }),
  ),
  /** Live records in the grid. */
  total: z.number(),
  /** Records in 回收站 that name the grid; they move along with the others. */
  trash: z.number(),
})

/** Delete a 网格; when records belong to it, `moveTo` names the 网格 they move to first. */
export const GridDelete = z
  .object({ id: Id, moveTo: Id.optional() })
  .strict()
  .refine((v) => v.moveTo !== v.id, { message: '不能移到要删除的网格本身', path: ['moveTo'] })

export type GridUsage = z.output<typeof GridUsage>
