// Grid Aid: Chinese for this webapp (zh.json is added at build time), English where a text is missing.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
