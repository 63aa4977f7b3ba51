/**
 * The ring tone, generated (no audio file to ship) and played on the ringer
 * device chosen in settings, separately from the headset, so the ring is heard
 * on the desk speaker while the headset is on. Chinese ring cadence: 450 Hz,
 * 1 s on, 4 s off.
 */
export class Ringer {
  private context: AudioContext | null = null;
  private element: HTMLAudioElement | null = null;
  private gain: GainNode | null = null;
  private cadence: ReturnType<typeof setInterval> | undefined;
  private sinkId = '';

  constructor() {
    // Browsers start an AudioContext suspended until a user gesture; take the first one of the shift
    // so the first ring of the day sounds (Electron is also started with autoplay allowed).
    const unlock = (): void => {
      void this.ensureContext().resume();
    };
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
  }

  get ringing(): boolean {
    return this.cadence !== undefined;
  }

  async setDevice(sinkId: string): Promise<void> {
    this.sinkId = sinkId;
    if (this.element) await applySink(this.element, sinkId);
  }

  async start(): Promise<void> {
    if (this.cadence !== undefined) return;
    const context = this.ensureContext();
    await context.resume().catch(() => undefined);
    if (!this.element) {
      const destination = context.createMediaStreamDestination();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = 450;
      this.gain = context.createGain();
      this.gain.gain.value = 0;
      oscillator.connect(this.gain).connect(destination);
      oscillator.start();
      this.element = new Audio();
      this.element.srcObject = destination.stream;
      await applySink(this.element, this.sinkId);
    }
    const on = (): void => {
      const gain = this.gain?.gain;
      if (!gain) return;
      gain.setValueAtTime(0.25, context.currentTime);
      gain.setValueAtTime(0, context.currentTime + 1);
    };
    on();
    this.cadence = setInterval(on, 5_000);
    await this.element.play().catch(() => undefined);
  }

  stop(): void {
    clearInterval(this.cadence);
    this.cadence = undefined;
    if (this.gain && this.context) this.gain.gain.setValueAtTime(0, this.context.currentTime);
    this.element?.pause();
  }

  private ensureContext(): AudioContext {
    this.context ??= new AudioContext();
    return this.context;
  }
}

/** A ringer or headset device that vanished (unplugged) falls back to the system default instead of going silent. */
export async function applySink(element: HTMLAudioElement, sinkId: string): Promise<void> {
  try {
    if (element.sinkId !== sinkId) await element.setSinkId(sinkId);
  } catch {
    await element.setSinkId('').catch(() => undefined);
  }
}
