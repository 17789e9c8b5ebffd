// A flag that turns on only after its source has stayed on for a moment. The table's
// loading mask enters with a transition that forces a whole-page reflow, and a page that
// comes back in 5–50 ms does not need a spinner flashing over it anyway.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

export function useDelayedFlag(source: () => boolean, delayMs = 300): Ref<boolean> {
  const flag = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    source,
    (on) => {
      clearTimeout(timer)
      if (!on) flag.value = false
      else timer = setTimeout(() => (flag.value = true), delayMs)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => clearTimeout(timer))
  return flag
}
