/** The choices a ticket's fields take, as the forms list them and ticket.ts's schemas check them. */

export const requestTypes = ['咨询', '求助', '投诉', '举报', '建议', '表扬'] as const;
export type RequestType = (typeof requestTypes)[number];

/** 一般 / 紧急 / 特急. */
export const urgencies = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

/** 督办级别: none, ordinary supervision (一般督办), key supervision (重点督办). */
export const supervisionLevels = ['none', 'ordinary', 'key'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];

/** 回访: how satisfied the caller was. */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
