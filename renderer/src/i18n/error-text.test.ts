import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { hubErrorReasons } from '../../../shared/hub/errors';
import { pushRejectReasons } from '../../../shared/hub/sync';
import type { DeskError } from '../../../shared/result';
import { deskErrorCodes, deskErrorReasons } from '../../../shared/result';
import { registrationFieldSchemas } from '../../../shared/tickets/registration-form';
import { validationCodes } from '../../../shared/validation';
import { errorCodeKeys, errorReasonKeys, pushRejectKeys, validationKeys } from './error-keys';
import { deskErrorText, issueText, rejectedEntryText, zodIssueText } from './error-text';
import { en, namespaces, zhCN } from './resources';

const HAN = /\p{Script=Han}/u;

/** A t() in one language, as the app's instance is set up. */
function tIn(lng: 'zh-CN' | 'en'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ resources: { 'zh-CN': zhCN, en }, ns: namespaces, defaultNS: 'common', lng, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}

const zh = tIn('zh-CN');
const english = tIn('en');

describe('every error code is worded in both languages', () => {
  const all = [
    ...deskErrorCodes.map((code) => [`code ${code}`, errorCodeKeys[code]] as const),
    ...deskErrorReasons.map((reason) => [`reason ${reason}`, errorReasonKeys[reason]] as const),
    ...validationCodes.map((code) => [`validation ${code}`, validationKeys[code]] as const),
    ...pushRejectReasons.map((reason) => [`push refusal ${reason}`, pushRejectKeys[reason]] as const),
  ];

  it.each(all)('%s has Chinese and English text, the English without Chinese characters', (_name, key) => {
    const facts = { max: 40, min: 5, minutes: 2, subject: 'A-017', refs: 'D-1, D-2', limit: 62, state: 'Closed' };
    const chinese = zh(key, facts);
    const inEnglish = english(key, facts);
    expect(chinese).not.toBe(key);
    expect(inEnglish).not.toBe(key);
    expect(chinese).toMatch(HAN);
    expect(inEnglish).not.toMatch(HAN);
    expect(inEnglish).not.toMatch(/\{\{/);
  });

  it('words every reason the hub sends', () => {
    for (const reason of hubErrorReasons) expect(deskErrorReasons).toContain(reason);
  });
});

describe('an error in the UI’s language, from its code alone', () => {
  it('says a wrong password, not the hub’s own sentence, in English and in Chinese', () => {
    const wrongPassword = { code: 'HUB_UNAUTHENTICATED', message: 'HTTP 401 UNAUTHENTICATED/BAD_CREDENTIALS', details: { reason: 'BAD_CREDENTIALS' } } as const;
    expect(deskErrorText(english, wrongPassword)).toBe('Wrong account or password');
    expect(deskErrorText(zh, wrongPassword)).toBe('账号或密码不正确');
  });

  it('words a code without a reason, and the wait of a lock-out in minutes', () => {
    expect(deskErrorText(english, { code: 'HUB_UNREACHABLE', details: { reason: 'HUB_NETWORK' } })).toBe('Cannot reach the hub');
    expect(deskErrorText(english, { code: 'HUB_NOT_CONFIGURED' })).toBe('No hub address is set');
    expect(deskErrorText(english, { code: 'HUB_REFUSED', details: { reason: 'SIGN_IN_LOCKED', retryAfterS: 90 } })).toBe('Too many failed sign-ins; try again in 2 min');
    expect(deskErrorText(zh, { code: 'HUB_REFUSED', details: { reason: 'SIGN_IN_LOCKED', retryAfterS: 90 } })).toBe('登录失败次数过多，请 2 分钟后再试');
  });

  it('names the fields of an invalid input in the language’s own punctuation', () => {
    const invalid: DeskError = { code: 'INVALID_INPUT', message: 'invalid input', issues: [{ path: 'shift.dayStart', message: 'x' }, { path: 'hubUrl', message: 'y' }] };
    expect(deskErrorText(english, invalid)).toBe('The input is not valid (shift.dayStart, hubUrl)');
    expect(deskErrorText(zh, invalid)).toBe('输入内容不符合要求（shift.dayStart, hubUrl）');
  });

  it('words the hub’s refusals with their facts, and its field issues at their paths, in the UI’s language', () => {
    const inUse: DeskError = { code: 'CONFLICT', message: 'HTTP 409', details: { reason: 'DEPARTMENT_IN_USE', subject: 'city-x', refs: ['D-1', 'D-2'] } };
    expect(deskErrorText(english, inUse)).toBe('The responsibility list still names department city-x (D-1, D-2); change those entries first');
    expect(deskErrorText(zh, inUse)).toBe('职责清单仍引用部门 city-x（D-1、D-2），请先修改这些条目');
    expect(deskErrorText(english, { code: 'INVALID_INPUT', details: { reason: 'RANGE_TOO_LONG', limit: 62 } })).toBe('At most 62 days at a time');
    expect(deskErrorText(zh, { code: 'NOT_FOUND', details: { reason: 'ACCOUNT_NOT_FOUND', subject: 'op09' } })).toBe('没有账号 op09');
    const shortPassword: DeskError = { code: 'INVALID_INPUT', message: 'HTTP 400', issues: [{ path: 'password', message: 'Too small', code: 'TOO_SHORT', params: { min: 8 } }] };
    expect(deskErrorText(english, shortPassword)).toBe('The input is not valid (password: At least 8 characters)');
    expect(deskErrorText(zh, shortPassword)).toBe('输入内容不符合要求（password：至少 8 个字）');
  });

  it('words a field issue by its code and limit', () => {
    expect(issueText(english, { code: 'ADDRESS_TOO_LONG', params: { max: 200 } })).toBe('The address has at most 200 characters');
    expect(issueText(zh, { code: 'ENROLMENT_CODE_FORMAT' })).toBe('登记码应为 12 位字母和数字（如 ABCD-EFGH-JKMN）');
    expect(issueText(english, {})).toBe('Not valid');
  });
});

describe('an entry the hub refused for good, in the UI’s language', () => {
  const entry = { author: 'op01', ticketId: '0190a000-0000-7000-8000-00000000e001' };

  it('words the reason code with its facts: the ticket’s state in the UI’s words, the fields refused', () => {
    const closed = { ...entry, reason: 'WRONG_STATE', details: { subject: entry.ticketId, state: 'closed' } };
    expect(rejectedEntryText(english, closed)).toBe('Not possible in the ticket’s state (Closed)');
    expect(rejectedEntryText(zh, closed)).toBe('工单当前状态为“已办结”，不能进行此操作');
    const short = { ...entry, reason: 'INVALID_ENTRY', details: { issues: [{ path: 'payload.description', message: 'Too small', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5 } }] } };
    expect(rejectedEntryText(english, short)).toBe('The content does not meet the requirements; the hub did not take it (payload.description: Describe the request in at least 5 characters)');
    expect(rejectedEntryText(zh, short)).toBe('内容不符合要求，中心服务器未接收（payload.description：诉求内容至少 5 个字）');
  });

  it('names the entry’s own author or ticket where the hub named none', () => {
    expect(rejectedEntryText(english, { ...entry, reason: 'UNKNOWN_AUTHOR' })).toBe('op01 has not signed in at this desk and cannot be the author');
    expect(rejectedEntryText(zh, { ...entry, reason: 'NOT_FOUND' })).toBe(`中心服务器没有这张工单（${entry.ticketId}）`);
  });

  it('shows a row kept from before the codes as the hub’s own sentence', () => {
    expect(rejectedEntryText(english, { ...entry, reason: '工单已办结，不能进行此操作' })).toBe('工单已办结，不能进行此操作');
  });
});

describe('the ticket form’s checks, worded from the shared schemas’ codes', () => {
  const first = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, value: unknown) =>
    schema.safeParse(value).error?.issues[0] as Parameters<typeof zodIssueText>[1];

  it('gives English for an English UI and Chinese for a Chinese one', () => {
    expect(zodIssueText(english, first(registrationFieldSchemas.callerNumber, ''))).toBe('Enter the caller’s number');
    expect(zodIssueText(zh, first(registrationFieldSchemas.callerNumber, ''))).toBe('请填写来电号码');
    expect(zodIssueText(english, first(registrationFieldSchemas.callerName, 'x'.repeat(41)))).toBe('A name has at most 40 characters');
    expect(zodIssueText(zh, first(registrationFieldSchemas.callerName, 'x'.repeat(41)))).toBe('姓名最多 40 字');
    expect(zodIssueText(english, first(registrationFieldSchemas.description, '短'))).toBe('Describe the request in at least 5 characters');
    expect(zodIssueText(english, first(registrationFieldSchemas.requestType, undefined))).toBe('Choose the request type');
  });

  it('words every check of the registration form without a Chinese character in English', () => {
    const bad: Record<keyof typeof registrationFieldSchemas, unknown> = {
      callerName: '张三3',
      callerNumber: '12ab',
      address: 'x'.repeat(201),
      requestType: '闲聊',
      category: ['城市管理'],
      description: '有控制字符\u0007在这里',
      urgency: 'whenever',
      unreasonableReason: '随便',
      relatedTicketId: 'not-a-ticket',
    };
    for (const [field, value] of Object.entries(bad)) {
      const issue = first(registrationFieldSchemas[field as keyof typeof registrationFieldSchemas], value);
      expect(issue, field).toBeDefined();
      const text = zodIssueText(english, issue);
      expect(text, field).not.toMatch(HAN);
      expect(text, field).not.toBe('Not valid');
    }
  });
});
