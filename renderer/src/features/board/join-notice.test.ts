import { describe, expect, it } from 'vitest';
import { joinRefusals } from '../../../../shared/phone/join-call';
import { joinModes } from '../../../../shared/phone/phone-settings';
import { en, zhCN } from '../../i18n/resources';
import { joinNotice } from './join-notice';

describe('what the board says after a join request', () => {
  it('names the dialled string on success, the reason on refusal, the desk error otherwise', () => {
    expect(joinNotice({ ok: true, value: { status: 'dialling', dialString: '*2221001' } }, 'listen', '李话务')).toEqual({
      kind: 'success',
      key: 'board:join.dialling.listen',
      values: { name: '李话务', dialString: '*2221001' },
    });
    expect(joinNotice({ ok: true, value: { status: 'refused', reason: 'busy' } }, 'barge', '李话务')).toMatchObject({ kind: 'error', key: 'board:join.refused.busy' });
    expect(joinNotice({ ok: false, error: { code: 'TIMEOUT', message: 'late' } }, 'listen', '李话务')).toMatchObject({ kind: 'error', key: 'errors:TIMEOUT' });
  });

  it('has words for every mode and every refusal in both languages', () => {
    for (const dict of [zhCN, en]) {
      for (const mode of joinModes) {
        expect(dict.board.join.modes[mode]).toBeTruthy();
        expect(dict.board.join.dialling[mode]).toContain('{{dialString}}');
      }
      for (const reason of joinRefusals) expect(dict.board.join.refused[reason]).toBeTruthy();
    }
  });
});
