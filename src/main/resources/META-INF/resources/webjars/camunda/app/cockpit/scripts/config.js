// Grid Aid: Cockpit in Chinese (locales/zh.json is written by the build), English for a browser
// that asks for it; dates and a few texts Camunda's locale files miss (gridaid/language.js).
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  customScripts: [
    '../gridaid/language'
  ]
};
