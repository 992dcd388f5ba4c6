// Grid Aid: Cockpit in Chinese (locales/zh.json is written by the build), English for a browser
// that asks for it.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
