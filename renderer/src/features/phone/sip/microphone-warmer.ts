import type { Web } from 'sip.js';

/** A ring nobody answers is dropped by the PBX long before this; the device is closed at the latest then. */
const WARM_LIMIT_MS = 120_000;

interface Warm {
  callId: string;
  key: string;
  stream: Promise<MediaStream | null>;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Opens the microphone while a call rings, so answering does not wait for the device.
 *
 * Answering builds the call's media: microphone, peer connection, offer/answer, ICE candidates, and only then
 * the 200 OK leaves. Opening the device is the first step and the slowest one the desk controls (12 ms on a
 * fake device in Chromium, often 50–200 ms on a real headset whose driver wakes up), so it starts when the call
 * starts ringing. The stream carries nothing anywhere until sip.js adds it to the answered call's connection;
 * a ring that ends unanswered closes it. One ring is kept warm at a time (the newest); any other call opens the
 * device when it needs it, as before.
 */
export class MicrophoneWarmer {
  private warm: Warm | null = null;

  /** Starts opening the microphone for a ringing call. A failure here is left for the answer to meet and report. */
  prepare(callId: string, constraints: MediaStreamConstraints): void {
    this.release();
    const stream = navigator.mediaDevices.getUserMedia(constraints).catch(() => null);
    const timer = setTimeout(() => {
      this.release(callId);
    }, WARM_LIMIT_MS);
    this.warm = { callId, key: JSON.stringify(constraints), stream, timer };
  }

  /** Closes the warmed device (of `callId` only, when given): the ring ended without an answer. */
  release(callId?: string): void {
    const warm = this.warm;
    if (!warm || (callId !== undefined && warm.callId !== callId)) return;
    this.warm = null;
    clearTimeout(warm.timer);
    void warm.stream.then((stream) => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    });
  }

  /**
   * sip.js's media factory: the warmed stream when it was opened with the same constraints (once: the call's
   * connection owns it from then on and stops its tracks when the call ends), otherwise the device opened now.
   */
  readonly factory: Web.MediaStreamFactory = async (constraints) => {
    const warm = this.warm;
    if (warm && warm.key === JSON.stringify(constraints)) {
      this.warm = null;
      clearTimeout(warm.timer);
      const stream = await warm.stream;
      if (stream?.getAudioTracks().every((track) => track.readyState === 'live')) return stream;
    }
    if (!constraints.audio && !constraints.video) return new MediaStream();
    return navigator.mediaDevices.getUserMedia(constraints);
  };
}
