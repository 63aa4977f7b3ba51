declare const __DESK_VERSION__: string | undefined;

/** Stamped by the build (scripts/build-electron.mjs); tests run unbundled and see the dev marker. */
export const deskVersion: string = typeof __DESK_VERSION__ === 'string' ? __DESK_VERSION__ : '0.0.0-dev';
