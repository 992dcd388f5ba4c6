// Grid Aid: Cockpit in Chinese (locales/zh.json is written by the build), English for a browser
// that asks for it; the product's name (its mark: styles/user-styles.css); dates and a few texts
// Camunda's locale files miss (gridaid/language.js).
export default {
  app: {
    vendor: '网格救助',
    name: '监控中心'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  customScripts: [
    '../gridaid/language'
  ]
};
