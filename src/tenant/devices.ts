/** A user's devices: a primary computer and often a phone, with consistent OS, browser and user agent. */
import { Rng, stableUuid } from '../core/random.ts';
import { DEVICE_PROFILES } from '../data/user-agents.ts';
import type { Device } from './types.ts';

const DESKTOP = DEVICE_PROFILES.filter((p) => !p.mobile).map((p) => [p, p.weight] as const);
const MOBILE = DEVICE_PROFILES.filter((p) => p.mobile).map((p) => [p, p.weight] as const);

export function buildDevices(rng: Rng, seed: string, userIndex: number, guest: boolean, owner: string): Device[] {
  const devices: Device[] = [];
  const desktop = rng.weighted(DESKTOP);
  const first = owner.split(' ')[0] ?? 'user';
  // Guests sign in from devices their own organisation manages: unknown to this tenant.
  const registered = !guest && rng.bool(0.92);
  const trust = desktop.os === 'Windows 10' ? rng.weighted([['Azure AD joined', 55], ['Hybrid Azure AD joined', 45]] as const) : 'Azure AD registered';
  devices.push({
    deviceId: registered ? stableUuid(`${seed}/device/${userIndex}/0`) : '',
    displayName: registered ? `${desktop.os === 'MacOs' ? 'MAC' : 'DESKTOP'}-${new Rng(`${seed}/dn/${userIndex}`).hex(7).toUpperCase()}` : '',
    operatingSystem: desktop.os,
    browser: desktop.browser,
    trustType: registered ? trust : '',
    isCompliant: registered && rng.bool(0.9),
    isManaged: registered,
    userAgent: desktop.userAgent,
  });
  if (rng.bool(guest ? 0.2 : 0.65)) {
    const phone = rng.weighted(MOBILE);
    const enrolled = !guest && rng.bool(0.7);
    devices.push({
      deviceId: enrolled ? stableUuid(`${seed}/device/${userIndex}/1`) : '',
      displayName: enrolled ? `${first}'s ${phone.os === 'Ios' ? 'iPhone' : 'Android'}` : '',
      operatingSystem: phone.os,
      browser: phone.browser,
      trustType: enrolled ? 'Azure AD registered' : '',
      isCompliant: enrolled && rng.bool(0.85),
      isManaged: enrolled,
      userAgent: phone.userAgent,
    });
  }
  return devices;
}
