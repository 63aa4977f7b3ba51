import type { UserAgentOptions } from 'sip.js';
import { SIPExtension, UserAgent, Web } from 'sip.js';
import type { SipCredentials } from '../../../../../shared/phone/phone-settings';

/**
 * sip.js options for the desk's account. Reconnection is left off in sip.js (its default): the
 * RegistrationKeeper owns it (backoff with jitter, network and resume events,
 * keep-alive), because sip.js's own loop gives up after a fixed count and never
 * re-registers.
 */
export function userAgentOptions(credentials: SipCredentials, delegate: UserAgentOptions['delegate'], mediaStreamFactory?: Web.MediaStreamFactory): UserAgentOptions {
  const { settings, password } = credentials;
  const uri = UserAgent.makeURI(`sip:${settings.extension}@${settings.domain}`);
  if (!uri) throw new Error('phone.errors.badAccount');
  return {
    uri,
    displayName: settings.displayName || settings.extension,
    authorizationUsername: settings.authUser || settings.extension,
    authorizationPassword: password,
    transportOptions: { server: settings.serverUri, connectionTimeout: 5 },
    sipExtensionReplaces: SIPExtension.Supported,
    logLevel: 'warn',
    logBuiltinEnabled: false,
    // The microphone may already be open for a ringing call (MicrophoneWarmer).
    ...(mediaStreamFactory ? { sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(mediaStreamFactory) } : {}),
    sessionDescriptionHandlerFactoryOptions: {
      // Never the sip.js default (a public STUN server): only what the centre configured.
      peerConnectionConfiguration: { iceServers: settings.iceServers.map(({ urls, username, credential }) => ({ urls, username, credential })) },
      // Loopback/LAN candidates arrive in a few ms; waiting sip.js's default 5 s would delay every call.
      iceGatheringTimeout: 500,
    },
    delegate,
  };
}

/** Media constraints for a call, with the operator's microphone when one is chosen. */
export function audioConstraints(microphoneId: string): MediaStreamConstraints {
  return { audio: microphoneId ? { deviceId: { ideal: microphoneId } } : true, video: false };
}
