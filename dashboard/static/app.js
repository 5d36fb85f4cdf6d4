// The dashboard's only script: it asks the browser's wallet (EIP-1193,
// window.ethereum) to sign what the server prepared, and posts the
// signature back. The key stays in the wallet.
"use strict";

function post(url, fields) {
  const body = new URLSearchParams(fields);
  return fetch(url, { method: "POST", body, credentials: "same-origin" });
}

async function walletAccount() {
  if (!window.ethereum) throw new Error("No browser wallet found (EIP-1193 window.ethereum).");
  const accounts = await window.ethereum.request({ method: "eth_requestAccounts" });
  if (!accounts || !accounts.length) throw new Error("The wallet shared no account.");
  return accounts[0];
}

async function signTyped(account, typedData) {
  return window.ethereum.request({ method: "eth_signTypedData_v4", params: [account, JSON.stringify(typedData)] });
}

async function signIn(form, status) {
  const attempt = form.dataset.attempt;
  status.textContent = "Asking your wallet…";
  const account = await walletAccount();
  const ch = await post("/login/challenge", { attempt });
  if (!ch.ok) throw new Error("The dashboard refused to start a sign-in (" + ch.status + ").");
  const { nonce, typedData } = await ch.json();
  const signature = await signTyped(account, typedData);
  const res = await post("/login", { attempt, nonce, address: account, signature });
  if (res.status !== 204) throw new Error("Sign-in refused (" + res.status + ").");
  status.textContent = "Signed in.";
  window.location.assign("/functions");
}

async function readLogs(form, out) {
  const csrf = document.getElementById("main").dataset.csrf;
  const fn = form.dataset.fn, provider = form.dataset.provider;
  out.textContent = "Asking your wallet to sign the log read…";
  const account = await walletAccount();
  const rq = await post("/functions/" + fn + "/logs-request", { csrf, provider });
  if (!rq.ok) throw new Error("The dashboard refused to prepare the log read (" + rq.status + ").");
  const { expires, typedData } = await rq.json();
  const signature = await signTyped(account, typedData);
  const res = await post("/functions/" + fn + "/logs", { csrf, provider, expires: String(expires), signature });
  const html = await res.text();
  if (/^\s*<!doctype/i.test(html)) {
    // A whole page: the session or its CSRF token is gone.
    out.textContent = "The dashboard refused the log read (" + res.status + "): reload the page and try again.";
    return;
  }
  out.innerHTML = html; // a fragment rendered and escaped by the server's templates
}

// readAccount signs a ReadAccount (the form's data-scope: payer, or
// operator) for one provider and inserts what the provider answered.
async function readAccount(form, out) {
  const csrf = document.getElementById("main").dataset.csrf;
  const fields = { csrf, provider: form.dataset.provider, scope: form.dataset.scope };
  out.textContent = "Asking your wallet to sign the read…";
  const account = await walletAccount();
  const rq = await post("/account-request", fields);
  if (!rq.ok) throw await refusal(rq, "to prepare the read");
  const { expires, typedData } = await rq.json();
  const signature = await signTyped(account, typedData);
  const res = await post("/account", { ...fields, expires: String(expires), signature });
  const html = await res.text();
  if (/^\s*<!doctype/i.test(html)) {
    out.textContent = "The dashboard refused the read (" + res.status + "): reload the page and try again.";
    return;
  }
  out.innerHTML = html; // a fragment rendered and escaped by the server's templates
}

// changeName signs the name's next record: a rollback (the form's
// data-from), or requests to a function (its data-fn or "function" field)
// at a percentage (its "percent" field, else 100).
async function changeName(form, out) {
  const csrf = document.getElementById("main").dataset.csrf;
  const data = new FormData(form);
  const name = form.dataset.name || String(data.get("name") || "").trim();
  if (!name) throw new Error("Give the name.");
  const fields = { csrf };
  if (form.dataset.from) fields.from = form.dataset.from;
  else {
    fields.function = form.dataset.fn || String(data.get("function") || "").trim();
    fields.percent = String(data.get("percent") || "100");
  }
  out.textContent = "Asking your wallet to sign the new record…";
  const account = await walletAccount();
  const path = "/names/" + encodeURIComponent(name);
  const rq = await post(path + "/record-request", fields);
  if (!rq.ok) {
    const page = new DOMParser().parseFromString(await rq.text(), "text/html");
    const why = page.querySelector("main p");
    throw new Error("The dashboard refused to prepare the record (" + rq.status + ")" + (why ? ": " + why.textContent : "."));
  }
  const { created, seq, typedData } = await rq.json();
  const signature = await signTyped(account, typedData);
  const res = await post(path + "/record", { ...fields, created, seq: String(seq), signature });
  const html = await res.text();
  if (/^\s*<!doctype/i.test(html)) {
    out.textContent = "The dashboard refused the record (" + res.status + "): reload the page and try again.";
    return;
  }
  out.innerHTML = html; // a fragment rendered and escaped by the server's templates
}

async function deploy(form, out) {
  const csrf = document.getElementById("main").dataset.csrf;
  out.textContent = "Packing the module…";
  const account = await walletAccount();
  const prep = await fetch("/deploy/prepare", {
    method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "X-CSRF-Token": csrf },
  });
  if (!prep.ok) {
    const page = new DOMParser().parseFromString(await prep.text(), "text/html");
    const why = page.querySelector("main p");
    throw new Error("The dashboard refused the module (" + prep.status + ")" + (why ? ": " + why.textContent : "."));
  }
  const { upload, typedData } = await prep.json();
  out.textContent = "Asking your wallet to sign the function's spec…";
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

// refusal turns a page the dashboard answered instead of JSON into an
// error saying why.
async function refusal(res, what) {
  const page = new DOMParser().parseFromString(await res.text(), "text/html");
  const why = page.querySelector("main p");
  return new Error("The dashboard refused " + what + " (" + res.status + ")" + (why ? ": " + why.textContent : "."));
}

// escrowTx changes the escrow (a provider's cap, a deposit, a withdrawal
// request): the dashboard prepares the transactions, the wallet signs and
// sends each (eth_sendTransaction), and the dashboard waits for it to be
// mined before the next is sent, then shows what the escrow says.
async function escrowTx(form, out) {
  const csrf = document.getElementById("main").dataset.csrf;
  const fields = { csrf, action: form.dataset.action };
  if (form.dataset.provider) fields.provider = form.dataset.provider;
  for (const [k, v] of new FormData(form)) fields[k] = String(v).trim();
  const account = await walletAccount();
  const rq = await post("/payments/tx-request", fields);
  if (!rq.ok) throw await refusal(rq, "to prepare the transaction");
  const { chainId, txs } = await rq.json();
  const on = await window.ethereum.request({ method: "eth_chainId" });
  if (BigInt(on) !== BigInt(chainId)) {
    throw new Error("Your wallet is on chain " + BigInt(on) + "; this dashboard's escrow is on chain " + BigInt(chainId) + ": switch networks in the wallet.");
  }
  for (const [i, tx] of txs.entries()) {
    out.textContent = "Asking your wallet to send: " + tx.what + " (" + (i + 1) + " of " + txs.length + ")…";
    const hash = await window.ethereum.request({ method: "eth_sendTransaction", params: [{ from: account, to: tx.to, data: tx.data }] });
    out.textContent = "Waiting for " + tx.what + " to be mined…";
    const res = await post("/payments/tx", { ...fields, hash });
    const html = await res.text();
    if (/^\s*<!doctype/i.test(html)) {
      out.textContent = "The dashboard refused the transaction (" + res.status + "): reload the page and try again.";
      return;
    }
    out.innerHTML = html; // a fragment rendered and escaped by the server's templates
    if (res.status !== 200) return;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const txOut = document.getElementById("tx-result");
  for (const form of document.querySelectorAll("form.wallet-tx")) {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      escrowTx(form, txOut).catch((err) => { txOut.textContent = err.message || String(err); });
    });
  }
  const dep = document.getElementById("deploy");
  if (dep) {
    const out = document.getElementById("deploy-result");
    dep.addEventListener("submit", (e) => {
      e.preventDefault();
      deploy(dep, out).catch((err) => { out.textContent = err.message || String(err); });
    });
  }
  const login = document.getElementById("wallet-login");
  if (login) {
    const status = document.getElementById("login-status");
    login.addEventListener("submit", (e) => {
      e.preventDefault();
      signIn(login, status).catch((err) => { status.textContent = err.message || String(err); });
    });
  }
  const out = document.getElementById("logs");
  for (const form of document.querySelectorAll("form.logs")) {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      readLogs(form, out).catch((err) => { out.textContent = err.message || String(err); });
    });
  }
  for (const form of document.querySelectorAll("form.account-read")) {
    const to = document.getElementById(form.dataset.out);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      readAccount(form, to).catch((err) => { to.textContent = err.message || String(err); });
    });
  }
  const changed = document.getElementById("name-result");
  for (const form of document.querySelectorAll("form.name-change")) {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      changeName(form, changed).catch((err) => { changed.textContent = err.message || String(err); });
    });
  }
});
