// Idle session timeout: after the configured minutes without keyboard, mouse or touch, sign out
// (the cookie's sliding expiry ends the session server-side as well).
(function () {
  let last = Date.now();
  const touch = () => { last = Date.now(); };
  ["mousemove", "mousedown", "keydown", "touchstart", "scroll"].forEach(e => document.addEventListener(e, touch, { passive: true }));
  setInterval(() => {
    const form = document.getElementById("logout-form");
    const minutes = form ? parseInt(form.dataset.idleMinutes || "0", 10) : 0;
    if (form && minutes > 0 && Date.now() - last > minutes * 60000) {
      last = Date.now();
      form.submit();
    }
  }, 15000);
})();
