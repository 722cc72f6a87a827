document.addEventListener("DOMContentLoaded", function () {
  var consent = document.getElementById("consent");
  if (consent && localStorage.getItem("gazette-consent")) consent.remove();
});
