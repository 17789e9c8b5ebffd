import { defineRegisterStore } from './register-store'

export const useTalentsStore = defineRegisterStore('talents')
