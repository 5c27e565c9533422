// Headless Chromium as heel's browser tests and the benchmark start it:
// Debian's build (or $HEEL_CHROMIUM) with the flags these machines need
// (see shared/TOOLCHAIN.md). tests/dist/browser.mjs keeps its own copy: it
// runs alone in an empty npm project.

export const CHROMIUM = process.env.HEEL_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches headless Chromium through playwright-core's `chromium`, passed in
 * so that each caller uses the install it resolves.
 */
export function launchChromium(chromium) {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
