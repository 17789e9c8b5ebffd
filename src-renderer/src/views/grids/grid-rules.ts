import { GridInput } from '@shared/schemas/grids.schema'
import { rulesFrom } from '../../utils/zod-rules'

export const gridRules = rulesFrom(GridInput, ['name'])
