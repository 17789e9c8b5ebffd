// The input schemas of the channels generic forms send to (registers, child lists, 会议): their
// part of the contract only, loaded when a form is first sent, so the first page does not wait
// for them.
import type { Channel } from '@shared/contract'
import { mattersContract } from '@shared/schemas/matters.schema'
import { meetingsContract } from '@shared/schemas/meetings.schema'
import { registerContract } from '@shared/schemas/registers.schema'

export const FORMS = { ...registerContract, ...meetingsContract, ...mattersContract }
export type FormChannel = keyof typeof FORMS & Channel
