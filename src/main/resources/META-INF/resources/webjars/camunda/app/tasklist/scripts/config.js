// Grid Aid: Camunda's default Tasklist settings plus Chinese (locales/zh.json is written by the
// build), English for a browser that asks for it; the product's name in the header (its mark:
// styles/user-styles.css); dates in the webapp's language (gridaid/language.js).
export default {
  app: {
    vendor: '网格救助',
    name: '任务中心'
  },
  customScripts: [
    '../gridaid/language'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
