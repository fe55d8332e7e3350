/**
 * Debian Chromium and the flags verified on this machine (docs/toolchain.md): headless=new,
 * SwiftShader WebGL, no background networking. Shared by the e2e helpers (e2e/browser.ts)
 * and the benchmark (bench/lib/browser.ts); no vitest import, so plain Node can use it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-features=Translate,MediaRouter',
];
