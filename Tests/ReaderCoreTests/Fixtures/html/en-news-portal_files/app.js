/* Harbour Courier front-end bundle (saved copy, trimmed) */
(function () {
  "use strict";
  var banner = document.getElementById("cookie-banner");
  if (banner && document.cookie.indexOf("hc_consent=1") !== -1) {
    banner.parentNode.removeChild(banner);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains("cookie-accept")) {
      document.cookie = "hc_consent=1; max-age=31536000; path=/";
      banner.style.display = "none";
    }
    if (target && target.classList && target.classList.contains("share--copy")) {
      navigator.clipboard.writeText(location.href);
      target.textContent = "Link copied";
    }
  });
  window.hcMeter = { remaining: 4, message: "You have four free articles left this month." };
})();
