// The secrets page: seals a function's secrets in the browser with the
// project's own sealing code (seal.wasm, package seal built for
// GOOS=js), so the values never leave the page; the dashboard gets the
// sealed block and grants, prepares the function's next spec, and the
// wallet signs it. app.js's helpers (walletAccount, signTyped, refusal,
// post) are loaded before this file.
"use strict";

(function () {
  const form = document.getElementById("secrets-form");
  if (!form) return;
  const status = document.getElementById("seal-status");
  const button = document.getElementById("seal-button");
  const out = document.getElementById("secrets-result");
  const ready = new Promise((resolve) => window.addEventListener("wfseal", resolve, { once: true }));
  const go = new Go();
  WebAssembly.instantiateStreaming(fetch("/static/seal.wasm"), go.importObject)
    .then((r) => { go.run(r.instance); return ready; })
    .then(() => { button.disabled = false; status.textContent = "Ready to seal."; })
    .catch((err) => { status.textContent = "The sealing code could not be loaded: " + (err.message || err); });

  async function sealAndSign() {
    const csrf = document.getElementById("main").dataset.csrf;
    const cfg = JSON.parse(form.dataset.seal);
    const secrets = {};
    const names = form.querySelectorAll(".secret-name"), values = form.querySelectorAll(".secret-value");
    names.forEach((n, i) => {
      const name = n.value.trim();
      if (!name) return;
      if (name in secrets) throw new Error("The secret " + name + " is named twice.");
      secrets[name] = values[i].value;
    });
    if (!Object.keys(secrets).length) throw new Error("Give at least one secret's name and value.");
    const account = await walletAccount();
    const sealed = JSON.parse(window.wfSealSecrets(JSON.stringify({ ...cfg, secrets })));
    if (sealed.error) throw new Error(sealed.error);
    values.forEach((v) => { v.value = ""; }); // sealed: the page keeps no value
    out.textContent = "Sealed in the page; preparing the new spec…";
    const prep = await fetch("/functions/" + form.dataset.fn + "/secrets", {
      method: "POST", credentials: "same-origin", body: JSON.stringify({ block: sealed.block, grants: sealed.grants }),
      headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" },
    });
    if (!prep.ok) throw await refusal(prep, "the sealed secrets");
    const { upload, typedData } = await prep.json();
    out.textContent = "Asking your wallet to sign the function's new spec…";
    const signature = await signTyped(account, typedData);
    out.textContent = "Deploying…";
    const res = await post("/deploy", { csrf, upload, signature });
    const html = await res.text();
    if (/^\s*<!doctype/i.test(html)) {
      out.textContent = "The dashboard refused the deploy (" + res.status + "): reload the page and try again.";
      return;
    }
    out.innerHTML = html; // a fragment rendered and escaped by the server's templates
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    sealAndSign().catch((err) => { out.textContent = err.message || String(err); });
  });
})();
