// The 民情事项 state machine: the only place that says which step may follow which. Every step
// handler asks `transition` first; anything not in this table is refused with a Chinese message
// naming the current state and what can be done instead.
import { MATTER_OPEN_STATUS, type MATTER_STATUS } from '../../shared/dictionaries'
import { AppError } from '../../shared/result'

export type MatterStatus = (typeof MATTER_STATUS)[number]
export type Step =
  | 'dispatch'
  | 'accept'
  | 'progress'
  | 'feedback'
  | 'close'
  | 'evaluate'
  | 'reopen'
  | 'cancel'
  | 'merge'

const OPEN: readonly MatterStatus[] = MATTER_OPEN_STATUS

/** Each step: the states it may start from, the state it leads to, and its name on screen. */
export const STEPS: Record<
  Step,
  { from: readonly MatterStatus[]; to: MatterStatus; label: string }
> = {
  dispatch: { from: ['待派单'], to: '已派单', label: '派单' },
  accept: { from: ['已派单'], to: '已接单', label: '接单（报到）' },
  progress: { from: ['已接单', '办理中'], to: '办理中', label: '记录办理进展' },
  feedback: { from: ['办理中'], to: '已反馈', label: '反馈办理结果' },
  close: { from: ['已反馈'], to: '已结项', label: '核实结项' },
  evaluate: { from: ['已结项'], to: '已评价', label: '评价' },
  // 不满意 sends the item back to work; recorded as its own step on the timeline.
  reopen: { from: ['已结项'], to: '办理中', label: '不满意重新办理' },
  cancel: { from: OPEN, to: '已取消', label: '取消' },
  merge: { from: OPEN, to: '已合并', label: '合并' },
}

/** What she can do next from a state (the detail page offers these). */
export function nextSteps(status: MatterStatus): Step[] {
  return (Object.keys(STEPS) as Step[]).filter(
    (s) => s !== 'reopen' && STEPS[s].from.includes(status),
  )
}

export function isOpen(status: string): boolean {
  return (OPEN as readonly string[]).includes(status)
}

/** The state `step` leads to from `status`, or a CONFLICT saying why not and what to do. */
export function transition(status: MatterStatus, step: Step): MatterStatus {
  const s = STEPS[step]
  if (s.from.includes(status)) return s.to
  const next = nextSteps(status).map((n) => `「${STEPS[n].label}」`)
  const hint = next.length ? `现在可以${next.join('或')}` : '这条事项已办结，不能再改变状态'
  throw new AppError('CONFLICT', `这条事项当前为「${status}」，不能${s.label}。${hint}。`)
}
