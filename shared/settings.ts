import { z } from 'zod';
import type { ValidationCode } from './validation';
import { shiftRotationSchema } from './shifts';
import { closingRules } from './tickets/closing-rules';

export const locales = ['zh-CN', 'en'] as const;
export const themes = ['light', 'dark'] as const;

/** A key combination in tinykeys syntax, e.g. `F1`, `$mod+Shift+KeyK`, `Alt+Digit1`. */
export const keyComboSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9$+\-_ /?]+$/, 'key combination may use letters, digits, + and $mod only');

export const settingsSchema = z.object({
  locale: z.enum(locales),
  theme: z.enum(themes),
  /** Seat number printed on the desk, e.g. `A-017`; empty until the desk is set up. */
  seatId: z.string().max(20),
  /** Operator overrides of the default key bindings, by action id. */
  shortcuts: z.record(z.string().max(60), keyComboSchema),
  shift: shiftRotationSchema,
  /** Whether the knowledge pane lives in its own window (second monitor). */
  knowledgePaneDetached: z.boolean(),
  /** 实训引导: the call-stage guide for anyone at this desk (a trainee's account always has it). */
  trainingGuide: z.boolean(),
  /** The desk stops taking new calls this many minutes before the shift ends (0: never). */
  stopCallsBeforeShiftEndMinutes: z.number().int().min(0).max(60),
  /** The centre's hub, e.g. `https://hub.12345.example:8720`; empty: the desk works alone. */
  hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'HUB_URL_SCHEME' satisfies ValidationCode }).max(200)]),
  /** Lab switch: allow http:// hubs and ws:// SIP proxies other than this machine (shown in the status bar while on). */
  labInsecureTransport: z.boolean(),
  /** 办结 after a callback: when the callback form offers to close the ticket (the hub applies the centre's rule again). */
  closeAfterCallback: z.enum(closingRules),
  /**
   * Folder of an optional sentence-embedding model a centre installs (`model.onnx` + `tokenizer.json`), fused with
   * the lexical knowledge ranking; empty: none.
   */
  semanticModelPath: z.string().trim().max(500),
});

export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
