// Grid Aid: Admin in Chinese (locales/zh.json is written by the build), English for a browser
// that asks for it; the product's name in the header (its mark: styles/user-styles.css).
export default {
  app: {
    vendor: '网格救助',
    name: '系统管理'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
