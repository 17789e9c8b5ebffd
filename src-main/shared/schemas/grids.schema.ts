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
