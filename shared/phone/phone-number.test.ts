import { describe, expect, it } from 'vitest';
import { canonicalPhoneNumber, formatPhoneNumber, parsePhoneNumber, phoneLine, phoneLineOf } from './phone-number';

describe('phone number: the forms callers and caller IDs use fold to one stored form', () => {
  it.each([
    // landline with its area code, every way it is written
    ['05398123456', '05398123456'],
    ['0539-8123456', '05398123456'],
    ['0539 8123456', '05398123456'],
    ['(0539) 8123456', '05398123456'],
    ['（0539）8123456', '05398123456'],
    ['0539—812 3456', '05398123456'],
    ['+86 539 8123456', '05398123456'],
    ['+86-539-8123456', '05398123456'],
    ['+86 (0)539 8123456', '05398123456'],
    ['0086 539 8123456', '05398123456'],
    ['0086 (0)539-8123456', '05398123456'],
    ['+86 0539 8123456', '05398123456'],
    ['０５３９－８１２３４５６', '05398123456'],
    ['010-12345678', '01012345678'],
    ['+86 10 1234 5678', '01012345678'],
    ['(021) 6123-4567', '02161234567'],
    // mobiles
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['013812345678', '13812345678'],
    ['＋８６ １３８１２３４５６７８', '13812345678'],
    // extensions
    ['0539-8123456转123', '05398123456#123'],
    ['0539-8123456 转 123', '05398123456#123'],
    ['0539-8123456 分机 8001', '05398123456#8001'],
    ['0539-8123456 ext. 12', '05398123456#12'],
    ['0539-8123456 x12', '05398123456#12'],
    ['0539-8123456#12', '05398123456#12'],
    ['010-12345678-123', '01012345678#123'],
    ['+86 539 8123456 ext 9', '05398123456#9'],
    // local, service and foreign numbers
    ['8123456', '8123456'],
    ['812 3456', '8123456'],
    ['12345', '12345'],
    ['95598', '95598'],
    ['400-812-3456', '4008123456'],
    ['+852 2123 4567', '0085221234567'],
  ])('%s is stored as %s', (raw, canonical) => {
    const parsed = parsePhoneNumber(raw);
    expect(parsed.ok && parsed.value.canonical).toBe(canonical);
    expect(canonicalPhoneNumber(raw)).toBe(canonical);
  });

  it('folds every written form of one landline to the same caller-history key', () => {
    const forms = ['0539-8123456', '05398123456', '+86 539 8123456', '0086 539-8123456', '(0539) 812 3456', '0539-8123456 转 123'];
    expect(new Set(forms.map(phoneLineOf))).toEqual(new Set(['05398123456']));
  });

  it('is idempotent: a stored number reads back as itself', () => {
    for (const stored of ['05398123456', '13812345678', '05398123456#123', '8123456', '0085221234567', '4008123456']) {
      expect(canonicalPhoneNumber(stored)).toBe(stored);
    }
  });

  it('tells the kind and keeps the extension apart from the line', () => {
    const parsed = parsePhoneNumber('0539-8123456 转 123');
    expect(parsed).toEqual({ ok: true, value: { canonical: '05398123456#123', line: '05398123456', extension: '123', kind: 'landline' } });
    expect(phoneLine('05398123456#123')).toBe('05398123456');
    expect(phoneLine('13812345678')).toBe('13812345678');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1'.repeat(41), 'too_long'],
    ['abc', 'bad_characters'],
    ['138-abcd-5678', 'bad_characters'],
    ['+86 138 1234 5678 转 123456789', 'bad_characters'],
    ['1381234567', 'bad_format'],
    ['23812345678', 'bad_format'],
    ['0539-81', 'bad_format'],
    ['138123456789', 'bad_format'],
  ])('refuses %j as %s', (raw, problem) => {
    expect(parsePhoneNumber(raw)).toEqual({ ok: false, problem });
  });

  it('keeps a number outside the numbering plan in digits (older rows, other channels), but refuses text', () => {
    expect(canonicalPhoneNumber('+8623')).toBe('023');
    expect(canonicalPhoneNumber('123')).toBe('123');
    expect(canonicalPhoneNumber('12')).toBeNull();
    expect(canonicalPhoneNumber('not a number')).toBeNull();
  });

  it('formats a stored number the way it is read aloud', () => {
    expect(formatPhoneNumber('05398123456')).toBe('0539-8123456');
    expect(formatPhoneNumber('01012345678')).toBe('010-12345678');
    expect(formatPhoneNumber('13812345678')).toBe('138 1234 5678');
    expect(formatPhoneNumber('05398123456#123')).toBe('0539-8123456 转 123');
    expect(formatPhoneNumber('05398123456#123', 'ext.')).toBe('0539-8123456 ext. 123');
    expect(formatPhoneNumber('12345')).toBe('12345');
  });
});
