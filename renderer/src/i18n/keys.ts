import type { ParseKeys } from 'i18next';

/**
 * Any key of the desk's strings, with its namespace ('ticket:sections.transfer'). Codes and enums are turned into keys
 * through explicit records typed `Record<Code, TKey>`, never by gluing strings, so a missing wording is a compile error.
 */
export type TKey = ParseKeys;
