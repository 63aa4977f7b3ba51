import 'i18next';
import type { namespaces, zhCN } from './resources';

// Typed keys: t() accepts only keys that exist in zh-CN (the source of truth), each written with its namespace.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof namespaces;
    resources: typeof zhCN;
  }
}
