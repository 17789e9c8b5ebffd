// Where the eye and the cursor go in a form: the first field on open, the first red hint after a
// failed save (the dialog body scrolls, so a hint can be out of sight).
import { nextTick } from 'vue'

const FIELD = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled])'

export function focusFirstField(root: HTMLElement | null | undefined): void {
  for (const item of root?.querySelectorAll<HTMLElement>('.el-form-item') ?? []) {
    const input = item.querySelector<HTMLElement>(FIELD)
    if (input) return input.focus()
  }
}

export async function focusFirstError(root: HTMLElement | null | undefined): Promise<void> {
  await nextTick()
  const item = root?.querySelector<HTMLElement>('.el-form-item.is-error')
  if (!item) return
  item.scrollIntoView({ block: 'center' })
  item.querySelector<HTMLElement>(FIELD)?.focus({ preventScroll: true })
}
