/** Whether the account is complete enough to try registering. */
export function isPhoneConfigured(settings: { serverUri: string; domain: string; extension: string }): boolean {
  return settings.serverUri !== '' && settings.domain !== '' && settings.extension !== '';
}
