// Paired devices on More: the phones that reach daybreak over the home
// network, each with when it was paired and last seen, and a way to revoke it.
// On the computer daybreak runs on, also "Pair a phone": a one-time code, its
// QR code and the address to open on the phone (public/pair.html takes it
// from there). Self-contained, so the More screen only places it.
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Device, devicesApi, deviceStatus, type PairingCode, secondsLeft, validityText } from '../api_devices';
import { Alert } from '../components/controls';
import { errorText } from '../format';
import { announce } from '../components/toast';
import { call, useDiaryZone, useLoad } from '../state';

// What went wrong, as a sentence; a network failure in words.
export function PairedDevicesSection() {
  const list = useLoad(() => devicesApi.list(), []);
  const { zone } = useDiaryZone(); // never the browser's own
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const revokeButtons = useRef(new Map<number, HTMLButtonElement>());
  const [confirming, setConfirming] = useState<number | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);
  const data = list.data;
  if (!data) return null;

  const ask = (id: number) => {
    setProblem(null);
    setConfirming(confirming === id ? null : id);
  };
  const keep = (id: number) => {
    setConfirming(null);
    revokeButtons.current.get(id)?.focus();
  };
  const revoke = async (d: Device) => {
    setRevoking(true);
    setProblem(null);
    try {
      await call(() => devicesApi.revoke(d.id));
      setConfirming(null);
      list.reload();
      announce(
        d.this_device
          ? 'Revoked this device. To use daybreak here again, pair it again from your computer.'
          : `Revoked ${d.name}. It can no longer reach daybreak.`,
      );
      heading.current?.focus();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setRevoking(false);
    }
  };

  const now = new Date();
  return (
    <section class="card" id="devices" aria-labelledby="devices-title">
      <h2 id="devices-title" ref={heading} tabIndex={-1}>
        Paired devices
      </h2>
      {data.can_pair ? (
        <p class="muted">
          Pair your phone to use daybreak from it at home: it reaches this computer over your home network, never the
          internet. The connection is not encrypted, so pair only on a network you trust, such as your own Wi-Fi.
        </p>
      ) : (
        <p class="muted">
          The devices that can reach daybreak on your computer. To pair another one, use More on the computer.
        </p>
      )}
      {data.devices.length === 0 ? (
        <p id="device-list-empty">No devices are paired yet.</p>
      ) : (
        <ul class="item-list device-list" id="device-list">
          {data.devices.map((d) => (
            <li key={d.id} class={`device${d.revoked_at ? ' revoked' : ''}`} data-device-id={d.id}>
              <div class="device-line">
                <span class="device-about">
                  <strong class="device-name">{d.name}</strong>
                  {d.this_device && <span class="pill pill-info this-device">this device</span>}
                  {d.revoked_at && <span class="pill pill-warn">revoked</span>}
                  <span class="hint">{deviceStatus(d, zone, now)}</span>
                </span>
                {!d.revoked_at && (
                  <button
                    type="button"
                    class="button danger-outline device-revoke"
                    aria-expanded={confirming === d.id}
                    ref={(b) => {
                      if (b) revokeButtons.current.set(d.id, b);
                      else revokeButtons.current.delete(d.id);
                    }}
                    onClick={() => ask(d.id)}
                  >
                    Revoke<span class="visually-hidden"> {d.name}</span>
                  </button>
                )}
              </div>
              {confirming === d.id && (
                <div
                  class="notice warn revoke-confirm"
                  id="revoke-confirm"
                  role="group"
                  aria-labelledby="revoke-confirm-text"
                  tabIndex={-1}
                  ref={confirmRef}
                >
                  <p id="revoke-confirm-text">
                    Revoke {d.name}? {d.this_device ? 'This device' : 'It'} will no longer reach daybreak; to use it
                    again, pair it again. Entries already sent from it stay in your diary.
                  </p>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button danger"
                      id="revoke-yes"
                      disabled={revoking}
                      onClick={() => void revoke(d)}
                    >
                      {revoking ? 'Revoking…' : 'Revoke it'}
                    </button>
                    <button type="button" class="button" id="revoke-no" disabled={revoking} onClick={() => keep(d.id)}>
                      Keep it
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Alert text={problem} />
      {data.can_pair && <PairPhone devices={data.devices} reload={list.reload} />}
    </section>
  );
}

// "Pair a phone": asks for a code, shows it until it expires or a new device
// appears in the list (looked for every few seconds meanwhile), then says so.
function PairPhone({ devices, reload }: { devices: Device[]; reload: () => void }) {
  // `until`: when the code stops working by this device's clock (the server's
  // may differ), from how long it is valid when it arrived.
  const [pairing, setPairing] = useState<{ code: PairingCode; known: number[]; until: string } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const pairButton = useRef<HTMLButtonElement>(null);
  const wasShown = useRef(false);
  const left = pairing ? secondsLeft(pairing.until, now) : 0;
  const live = pairing !== null && left > 0;
  const paired = pairing ? devices.find((d) => !pairing.known.includes(d.id)) : undefined;

  useEffect(() => {
    if (!live) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    const look = window.setInterval(reload, 3000);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(look);
    };
  }, [live, reload]);
  useEffect(() => {
    if (!paired) return;
    setPairing(null);
    announce(`${paired.name} is paired.`);
  }, [paired?.id]);
  // Focus follows the code: to its heading when it appears, back to the button
  // when it goes (hidden, or a phone paired) if it was inside it.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (pairing) title.current?.focus();
    else if (wasShown.current && lost) pairButton.current?.focus();
    wasShown.current = pairing !== null;
  }, [pairing]);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const code = await call(() => devicesApi.startPairing());
      setNow(Date.now());
      const until = new Date(Date.now() + code.valid_seconds * 1000).toISOString();
      setPairing({ code, known: devices.map((d) => d.id), until });
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!pairing || paired) {
    return (
      <>
        <div class="button-row">
          <button
            type="button"
            class="button primary"
            id="pair-phone"
            ref={pairButton}
            disabled={busy}
            onClick={() => void start()}
          >
            {busy ? 'Asking for a code…' : 'Pair a phone'}
          </button>
        </div>
        <Alert text={problem} />
      </>
    );
  }
  const { code } = pairing;
  return (
    <div class="pairing" id="pairing" role="group" aria-labelledby="pairing-title">
      <h3 id="pairing-title" ref={title} tabIndex={-1}>
        Pair a phone
      </h3>
      {left > 0 ? (
        <>
          <ol class="pairing-steps">
            <li>Connect the phone to the same Wi-Fi as this computer.</li>
            <li>
              Scan this QR code with the phone's camera, or open{' '}
              <strong class="pairing-address" id="pairing-address">
                {code.address}
              </strong>{' '}
              in its browser and type the code.
            </li>
            <li>Give the phone a name and tap Pair.</li>
          </ol>
          <QrCode svg={code.qr_svg} />
          <p class="pairing-code-line">
            Code <code class="pairing-code" id="pairing-code">{code.code}</code>
          </p>
          <p class="muted pairing-validity" id="pairing-expiry">
            {validityText(left)}
          </p>
          <div class="button-row">
            <button type="button" class="button" id="pairing-hide" onClick={() => setPairing(null)}>
              Hide the code
            </button>
          </div>
        </>
      ) : (
        <>
          <p id="pairing-expiry" role="status">
            This code has expired, so it can no longer pair a phone.
          </p>
          <div class="button-row">
            <button type="button" class="button primary" id="pairing-new" disabled={busy} onClick={() => void start()}>
              {busy ? 'Asking for a code…' : 'New code'}
            </button>
            <button type="button" class="button" id="pairing-hide" onClick={() => setPairing(null)}>
              Cancel
            </button>
          </div>
        </>
      )}
      <Alert text={problem} />
    </div>
  );
}

// The QR code: an SVG document from daybreak's own server (libqrencode),
// parsed as SVG and appended as an element, never inserted as HTML markup.
function QrCode({ svg }: { svg: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const image = svgElement(svg);
    if (image) el.replaceChildren(image);
    else el.replaceChildren();
    setShown(image !== null);
  }, [svg]);
  return (
    <>
      <div
        class="qr-box"
        id="pairing-qr"
        ref={box}
        role="img"
        aria-label="QR code with the pairing address and code"
        hidden={!shown}
      />
      {!shown && <p class="muted">The QR code cannot be shown: type the address and the code instead.</p>}
    </>
  );
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(markup: string): Element | null {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) {
    return null;
  }
  for (const n of Array.from(root.querySelectorAll('script, foreignObject'))) n.remove();
  // It scales with its box (styles.css): a viewBox from a size in pixels if it has none.
  if (!root.hasAttribute('viewBox')) {
    const w = pixels(root.getAttribute('width'));
    const h = pixels(root.getAttribute('height'));
    if (w && h) root.setAttribute('viewBox', `0 0 ${w} ${h}`);
  }
  if (root.hasAttribute('viewBox')) {
    root.removeAttribute('width');
    root.removeAttribute('height');
  }
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute('focusable', 'false');
  return document.importNode(root, true);
}

// "232" or "232px" as a number; 0 for anything else ("6cm", none).
function pixels(value: string | null): number {
  const m = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(value ?? '');
  return m ? Number(m[1]) : 0;
}
