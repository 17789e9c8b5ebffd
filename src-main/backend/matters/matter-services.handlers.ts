// committee:duties — a 兼职委员's 履职 from closed 民情事项, for the committee page's 双述双评.
import type { Output, ParsedInput } from '../../shared/contract'
import type { AppContext } from '../app/context'
import { committee } from '../committee/committee.handlers'
import { committeeDuties } from './matter-services.repo'

export function committeeDutiesOf(
  input: ParsedInput<'committee:duties'>,
  ctx: AppContext,
): Output<'committee:duties'> {
  committee.get(input, ctx) // a clear 不存在 message for an unknown member
  return committeeDuties(ctx.db, input.id)
}
