// Idle session timeout (Security:IdleTimeoutMinutes). Work in any tab counts: the last activity is shared through
// localStorage. While the user works, a ping keeps the sign-in cookie sliding (a Blazor page makes no HTTP requests
// of its own); after the idle time, the page signs out.
(function () {
  const key = "guanxi.lastActivity";
  const pingEvery = 60000;
  let lastPing = 0;
  const last = () => Math.max(parseInt(localStorage.getItem(key) || "0", 10), 0);
  const touch = () => {
    const now = Date.now();
    localStorage.setItem(key, String(now));
    if (document.getElementById("logout-form") && now - lastPing > pingEvery) {
      lastPing = now;
      fetch("/account/keep-alive", { credentials: "same-origin", cache: "no-store" })
        .then(r => { if (r.redirected || r.status === 401) location.href = "/account/login"; })
        .catch(() => {});
    }
  };
  touch();
  ["mousemove", "mousedown", "keydown", "touchstart", "scroll"].forEach(e => document.addEventListener(e, touch, { passive: true }));
  setInterval(() => {
    const form = document.getElementById("logout-form");
    const minutes = form ? parseInt(form.dataset.idleMinutes || "0", 10) : 0;
    if (form && minutes > 0 && Date.now() - last() > minutes * 60000) {
      localStorage.setItem(key, String(Date.now()));
      form.submit();
    }
  }, 15000);
})();
