import { defineRegisterStore } from './register-store'

export const useCommitteeStore = defineRegisterStore('committee')
