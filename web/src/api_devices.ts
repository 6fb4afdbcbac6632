// Paired devices over the API: the person's phone reaches `daybreak serve` on
// their computer over the home network once it is paired with a short code
// that the computer shows (More > Paired devices). Plus the words the section
// uses for times and for how long a code stays valid.
import { request } from './api';
import { dayMonth, shortDate, zoned } from './format';

export interface Device {
  id: number;
  name: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  this_device: boolean; // the device this page runs on
}

export interface DeviceList {
  devices: Device[];
  can_pair: boolean; // true on the computer daybreak runs on, false on a paired phone
}

// A pairing code, valid once until expires_at; `url` (in the QR code) carries
// it in the fragment, `address` is the same page without it, to type.
export interface PairingCode {
  code: string;
  expires_at: string;
  valid_seconds: number; // how long from now, whatever this device's clock says
  url: string;
  address: string;
  qr_svg: string;
}

export interface PairedDevice {
  id: number;
  name: string;
  created_at: string;
}

export const devicesApi = {
  list: () => request<DeviceList>('GET', '/api/devices'),
  startPairing: () => request<PairingCode>('POST', '/api/pairing', { body: {} }),
  revoke: (id: number) => request<void>('DELETE', `/api/devices/${id}`),
  // The phone's pairing page (public/pair.js) makes the same call without the app.
  pair: (code: string, name: string) => request<PairedDevice>('POST', '/api/pair', { body: { code, name } }),
};

// Whole seconds until an instant (RFC 3339), never below 0; 0 when unreadable.
export function secondsLeft(expiresAt: string, now: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

// "Valid for 5 minutes, once." while a code can be used; '' once it expired.
export function validityText(seconds: number): string {
  if (seconds <= 0) return '';
  if (seconds < 60) return 'Valid for less than a minute, once.';
  const minutes = Math.round(seconds / 60);
  return `Valid for ${minutes} minute${minutes === 1 ? '' : 's'}, once.`;
}

// When a device was paired or last seen, in the diary's zone: "just now",
// "today at 10:05", "yesterday at 22:10", "Thu 3 Dec at 10:05", or
// "3 Dec 2025" for another year.
export function deviceTime(iso: string, zone: string | undefined, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const ago = now.getTime() - at.getTime();
  if (ago >= 0 && ago < 60_000) return 'just now';
  const { date, time } = zoned(iso, zone);
  const today = zoned(now.toISOString(), zone).date;
  if (date === today) return `today at ${time}`;
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  if (date === yesterday.toISOString().slice(0, 10)) return `yesterday at ${time}`;
  if (date.slice(0, 4) !== today.slice(0, 4)) return `${dayMonth(date)} ${date.slice(0, 4)}`;
  return `${shortDate(date)} at ${time}`;
}

// One line under a device's name: when it was paired, and when it was last
// seen or revoked.
export function deviceStatus(device: Device, zone: string | undefined, now: Date): string {
  const paired = `Paired ${deviceTime(device.created_at, zone, now)}`;
  if (device.revoked_at) return `${paired}; revoked ${deviceTime(device.revoked_at, zone, now)}.`;
  if (device.last_seen_at) return `${paired}; last seen ${deviceTime(device.last_seen_at, zone, now)}.`;
  return `${paired}; not used since.`;
}
