/* audience measurement stub (saved copy) */
window.hcAnalytics = window.hcAnalytics || [];
window.hcAnalytics.push(["pageview", {section: "energy", story: 58213}]);
