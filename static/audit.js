// The auditor's page: verifies an export bundle entirely in this browser; the file is read
// locally and sent nowhere. The only trust is the verifier key in the page's field (this
// ledger's key as the page shows it, or one the auditor pasted), never the bundle itself.
//
// The checks are those of `recourse verify --bundle` (src/verification.rs,
// events/src/verify.rs), in the same order, reporting the same first bad position:
// the header; the checkpoint's note signature by the verifier key (C2SP signed note, Ed25519);
// the header's size against the checkpoint's; then entry by entry: the envelope's fields and
// its canonical (RFC 8785) form, the key that may sign it (the ledger key for position 0 and
// the org stream; otherwise a key registered earlier by key.registered, not revoked, and a
// complainant's key only in its own case), its Ed25519 signature, its stream chain (seq and
// prev); then the count of entries and the RFC 9162 Merkle root against the checkpoint's.
// Not checked here, as the page says: that registered keys are free of a torsion component
// (the command line does), and the calendar validity of timestamps and UUID versions beyond
// their syntax. Every word shown comes from the page (#audit-messages), in its language.
"use strict";

(() => {
  const form = document.getElementById("audit-form");
  if (!form) return;
  form.hidden = false;

  const messages = {};
  for (const li of document.querySelectorAll("#audit-messages [data-id]")) {
    messages[li.dataset.id] = li.textContent;
  }
  const say = (id, values = {}) => {
    let text = messages[id] || id;
    for (const [name, value] of Object.entries(values)) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  };

  const result = document.getElementById("audit-result");
  const progress = document.getElementById("audit-progress");
  const show = (text, ok) => {
    result.replaceChildren();
    const p = document.createElement("p");
    p.className = ok === true ? "notice" : ok === false ? "error-summary" : "";
    p.textContent = text;
    result.append(p);
    result.dataset.outcome = ok === true ? "ok" : ok === false ? "failed" : "running";
  };

  // A failure: which message says why, and the first bad position when there is one.
  class Failure extends Error {
    constructor(why, position) {
      super(why);
      this.why = why;
      this.position = position;
    }
  }

  const enc = new TextEncoder();
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const subtle = globalThis.crypto && globalThis.crypto.subtle;

  const sha256 = async (bytes) => new Uint8Array(await subtle.digest("SHA-256", bytes));
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  };
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const b64decode = (s) => {
    if (typeof s !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
    try {
      return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    } catch (_) {
      return null;
    }
  };
  const b64encode = (bytes) => btoa(String.fromCharCode(...bytes));
  const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  // RFC 8785 canonical JSON: sorted keys (by UTF-16 code units), no spaces, ECMAScript
  // string and number forms.
  const canonical = (v) => {
    if (v === null || typeof v !== "object") {
      if (typeof v === "number" && !Number.isSafeInteger(v)) throw new Failure("audit-why-entry");
      return JSON.stringify(v);
    }
    if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
    return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
  };

  // Ed25519 via WebCrypto; keys imported once.
  const imported = new Map();
  const importKey = (raw) => {
    const id = b64encode(raw);
    if (!imported.has(id)) {
      imported.set(id, subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]));
    }
    return imported.get(id);
  };
  const ed25519Verify = async (raw, sig, msg) => {
    try {
      return await subtle.verify({ name: "Ed25519" }, await importKey(raw), sig, msg);
    } catch (_) {
      return false;
    }
  };
  // Whether this browser's WebCrypto has Ed25519 (Chromium, Firefox and Safari do in their
  // recent versions): importing the verifier key tells.
  const ed25519Supported = async (raw) => {
    if (!subtle) return false;
    try {
      await importKey(raw);
      return true;
    } catch (e) {
      imported.clear();
      if (e && e.name === "NotSupportedError") return false;
      throw new Failure("audit-why-vkey");
    }
  };

  // The verifier key `name+<8 hex id>+<base64(0x01 || key)>`, its id checked.
  const parseVkey = async (text) => {
    const parts = text.trim().split("+");
    if (parts.length < 3) throw new Failure("audit-why-vkey");
    const name = parts[0];
    const id = parts[1];
    const data = b64decode(parts.slice(2).join("+"));
    if (!name || /\s/.test(name) || !/^[0-9a-f]{8}$/i.test(id) || !data || data.length !== 33 || data[0] !== 1) {
      throw new Failure("audit-why-vkey");
    }
    const key = data.slice(1);
    const want = (await sha256(concat(enc.encode(name), new Uint8Array([0x0a, 0x01]), key))).slice(0, 4);
    if (hex(want) !== id.toLowerCase()) throw new Failure("audit-why-vkey");
    return { name, id: want, key };
  };

  // A signed checkpoint note, its signature by `vkey` checked; returns origin, size, root.
  const openCheckpoint = async (note, vkey) => {
    if (typeof note !== "string" || /[\u0000-\u0009\u000b-\u001f]/.test(note)) throw new Failure("audit-why-checkpoint");
    const split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) throw new Failure("audit-why-checkpoint");
    const text = note.slice(0, split + 1);
    const lines = note.slice(split + 2, -1).split("\n");
    let verified = false;
    for (const line of lines) {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m) throw new Failure("audit-why-checkpoint");
      const data = b64decode(m[2]);
      if (!data || data.length < 5) throw new Failure("audit-why-checkpoint");
      if (m[1] !== vkey.name || !equal(data.slice(0, 4), vkey.id)) continue;
      if (data.length !== 68 || !(await ed25519Verify(vkey.key, data.slice(4), enc.encode(text)))) {
        throw new Failure("audit-why-note");
      }
      verified = true;
    }
    if (!verified) throw new Failure("audit-why-note");
    const body = text.slice(0, -1).split("\n");
    const root = b64decode(body[2] || "");
    if (body.length < 3 || !body[0] || !/^(0|[1-9][0-9]*)$/.test(body[1]) || !root || root.length !== 32) {
      throw new Failure("audit-why-checkpoint");
    }
    if (body[0] !== vkey.name) throw new Failure("audit-why-checkpoint");
    return { origin: body[0], size: Number(body[1]), root };
  };

  // RFC 9162 tree: a compact range of perfect subtree roots, merged as leaves are pushed.
  class Tree {
    constructor() { this.stack = []; this.size = 0; }
    async push(leaf) {
      let node = leaf;
      let n = this.size;
      while (n & 1) {
        node = await sha256(concat(new Uint8Array([1]), this.stack.pop(), node));
        n >>= 1;
      }
      this.stack.push(node);
      this.size += 1;
    }
    async root() {
      if (this.stack.length === 0) return sha256(new Uint8Array(0));
      let node = this.stack[this.stack.length - 1];
      for (let i = this.stack.length - 2; i >= 0; i--) {
        node = await sha256(concat(new Uint8Array([1]), this.stack[i], node));
      }
      return node;
    }
  }

  const FIELDS = ["actor", "at", "data", "id", "prev", "seq", "sig", "stream", "type", "v"].join(",");
  const STREAM = /^(?=.{1,100}$)[a-z0-9-]+(\/[a-z0-9-]+)?$/;
  const TYPE = /^(?=.{1,64}$)[a-z_]+(\.[a-z_]+)+$/;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const PREFIX = enc.encode("recourse/event/v1\n");

  // One entry's envelope: fields, syntax, canonical form; returns it with its signing bytes.
  const parseEntry = (bytes) => {
    if (bytes.length >= 65536) throw new Failure("audit-why-entry");
    let text;
    let e;
    try {
      text = utf8.decode(bytes);
      e = JSON.parse(text);
    } catch (_) {
      throw new Failure("audit-why-entry");
    }
    if (e === null || typeof e !== "object" || Array.isArray(e) || Object.keys(e).sort().join(",") !== FIELDS) {
      throw new Failure("audit-why-entry");
    }
    const ok = e.v === 1 && typeof e.id === "string" && UUID.test(e.id)
      && typeof e.stream === "string" && STREAM.test(e.stream)
      && Number.isSafeInteger(e.seq) && e.seq >= 0
      && typeof e.type === "string" && TYPE.test(e.type)
      && typeof e.at === "string" && !Number.isNaN(Date.parse(e.at))
      && typeof e.actor === "string" && /^[0-9a-f]{16}$/.test(e.actor)
      && (e.prev === null || (typeof e.prev === "string" && /^[0-9a-f]{64}$/.test(e.prev)))
      && (e.seq === 0) === (e.prev === null)
      && e.data !== null && typeof e.data === "object" && !Array.isArray(e.data);
    const sig = b64decode(e.sig);
    if (!ok || !sig || sig.length !== 64) throw new Failure("audit-why-entry");
    if (canonical(e) !== text) throw new Failure("audit-why-entry");
    const unsigned = Object.assign({}, e);
    delete unsigned.sig;
    return { e, sig, signing: concat(PREFIX, enc.encode(canonical(unsigned))) };
  };

  const keyId = async (raw) => hex((await sha256(raw)).slice(0, 8));
  const publicKey = (s) => {
    const raw = b64decode(s);
    if (!raw || raw.length !== 32) throw new Failure("audit-why-key");
    return raw;
  };

  // Which key may sign an event here (events/src/registry.rs), and what it registers.
  class Registry {
    constructor(ledger, ledgerId) { this.ledger = ledger; this.ledgerId = ledgerId; this.keys = new Map(); }
    authorize(e, position) {
      const byLedger = e.actor === this.ledgerId;
      const initializing = e.type === "ledger.initialized";
      if (position === 0) {
        if (initializing && byLedger && e.stream === "org" && e.seq === 0) return this.ledger;
        throw new Failure("audit-why-key");
      }
      if (initializing) throw new Failure("audit-why-key");
      if (byLedger) return this.ledger;
      if (e.stream === "org") throw new Failure("audit-why-key");
      const r = this.keys.get(e.actor);
      if (!r || r.revoked || (r.scope !== null && r.scope !== e.stream)) throw new Failure("audit-why-key");
      return r.key;
    }
    async insert(raw, scope) {
      const id = await keyId(raw);
      if (id === this.ledgerId || this.keys.has(id)) throw new Failure("audit-why-key");
      this.keys.set(id, { key: raw, scope, revoked: false });
      return id;
    }
    async observe(e) {
      if (e.stream !== "org") {
        if (e.type === "complaint.filed") await this.insert(publicKey(e.data.complainant_key), e.stream);
        return;
      }
      if (e.type === "ledger.initialized") {
        if (!equal(publicKey(e.data.ledger_key), this.ledger)) throw new Failure("audit-why-key");
      } else if (e.type === "key.registered") {
        const id = await this.insert(publicKey(e.data.public_key), null);
        if (id !== e.data.key_id) throw new Failure("audit-why-key");
      } else if (e.type === "key.revoked") {
        const r = this.keys.get(e.data.key_id);
        if (!r || r.revoked) throw new Failure("audit-why-key");
        r.revoked = true;
      }
    }
  }

  const BATCH = 256;

  const verify = async (bytes, vkeyText) => {
    if (!subtle) throw new Failure("audit-js-no-ed25519");
    const vkey = await parseVkey(vkeyText);
    if (!(await ed25519Supported(vkey.key))) throw new Failure("audit-js-no-ed25519");
    // Lines: split at every newline; a final newline ends the last line.
    const lines = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) { lines.push(bytes.subarray(start, i)); start = i + 1; }
    }
    if (start < bytes.length) lines.push(bytes.subarray(start));
    if (lines.length === 0) throw new Failure("audit-why-unreadable");
    let header;
    try {
      header = JSON.parse(utf8.decode(lines[0]));
    } catch (_) {
      throw new Failure("audit-why-header");
    }
    if (header === null || typeof header !== "object" || Object.keys(header).sort().join(",") !== "checkpoint,format,origin,size"
        || header.format !== "recourse-bundle/v1" || !Number.isSafeInteger(header.size) || header.size < 0
        || typeof header.origin !== "string") {
      throw new Failure("audit-why-header");
    }
    const cp = await openCheckpoint(header.checkpoint, vkey);
    if (cp.size !== header.size) throw new Failure("audit-why-size");
    const entries = lines.slice(1);
    const ledgerId = await keyId(vkey.key);
    const registry = new Registry(vkey.key, ledgerId);
    const heads = new Map();
    const tree = new Tree();
    const total = entries.length;
    progress.hidden = false;
    progress.max = Math.max(total, 1);
    let spoken = -1;
    for (let from = 0; from < total; from += BATCH) {
      const batch = entries.slice(from, from + BATCH);
      const leaves = await Promise.all(batch.map((b) => sha256(concat(new Uint8Array([0]), b))));
      const pending = [];
      let problem = null;
      for (let i = 0; i < batch.length; i++) {
        const position = from + i;
        try {
          const { e, sig, signing } = parseEntry(batch[i]);
          const key = registry.authorize(e, position);
          const head = heads.get(e.stream) || { next: 0, last: null };
          if (e.seq !== head.next || e.prev !== head.last) throw new Failure("audit-why-chain");
          heads.set(e.stream, { next: head.next + 1, last: hex(leaves[i]) });
          await registry.observe(e);
          await tree.push(leaves[i]);
          pending.push(ed25519Verify(key, sig, signing));
        } catch (err) {
          if (!(err instanceof Failure)) throw err;
          problem = new Failure(err.why, position);
          break;
        }
      }
      const results = await Promise.all(pending);
      const bad = results.indexOf(false);
      if (bad >= 0) throw new Failure("audit-why-signature", from + bad);
      if (problem) throw problem;
      progress.value = from + batch.length;
      // The live region speaks at each tenth, not at every batch.
      const tenth = Math.floor((10 * (from + batch.length)) / total);
      if (tenth !== spoken) {
        spoken = tenth;
        show(say("audit-js-progress", { done: from + batch.length, total }), null);
      }
    }
    if (total < cp.size) throw new Failure("audit-why-truncated", total);
    if (total > cp.size) throw new Failure("audit-why-extra", cp.size);
    if (!equal(await tree.root(), cp.root)) throw new Failure("audit-why-root");
    return { size: total };
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = document.getElementById("audit-file").files[0];
    if (!file) { show(say("audit-js-no-file"), false); return; }
    const button = document.getElementById("audit-run");
    button.disabled = true;
    progress.value = 0;
    show(say("audit-js-reading"), null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const done = await verify(bytes, document.getElementById("audit-vkey").value);
      show(say("audit-js-ok", { size: done.size }), true);
    } catch (err) {
      const why = err instanceof Failure ? err.why : "audit-why-unreadable";
      if (why === "audit-js-no-ed25519") {
        show(say(why), false);
      } else if (err instanceof Failure && err.position !== undefined) {
        show(say("audit-js-failed-at", { position: err.position, reason: say(why) }), false);
      } else {
        show(say("audit-js-failed", { reason: say(why) }), false);
      }
    } finally {
      button.disabled = false;
    }
  });
})();
