import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/** Digit runs as long as a phone number (a caller's number in a path such as /v1/callers/…/history). */
const NUMBER_RUN = /\d{5,}/g;
/** Query values that must never be written down wherever they appear. */
const SECRET_QUERY = /([?&](?:token|password|deskCredential|code)=)[^&#]*/gi;

/** A request URL fit for a log: secrets in the query and phone numbers anywhere replaced. */
export function redactedUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]').replace(NUMBER_RUN, '[number]');
}

/**
 * The hub's logger. Request lines carry the method, the redacted URL and the
 * client's address only (no headers: the token travels in one); any field
 * named like a secret is censored wherever it is logged.
 */
export function hubLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: {
        req: (request: { method?: string; url?: string; ip?: string }) => ({ method: request.method, url: redactedUrl(request.url ?? ''), remoteAddress: request.ip }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', '*.headers.authorization', 'deskCredential', '*.deskCredential', 'callerNumber', '*.callerNumber'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
