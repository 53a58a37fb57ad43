// Draws the model panel's survival curve with its uncertainty band (Chart.js from the WebJar; no inline script,
// so the Content-Security-Policy can forbid inline code).
(function () {
  var canvas = document.getElementById('survival-chart');
  if (!canvas || typeof Chart === 'undefined') { return; }
  function column(name) { return canvas.dataset[name].split(',').map(Number); }
  var days = column('days');
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: days,
      datasets: [
        { label: 'upper bound', data: column('upper'), borderWidth: 0, pointRadius: 0, fill: '+2', backgroundColor: 'rgba(31,95,153,0.15)' },
        { label: 'survival', data: column('survival'), borderColor: '#1f5f99', pointRadius: 0, fill: false },
        { label: 'lower bound', data: column('lower'), borderWidth: 0, pointRadius: 0, fill: false }
      ]
    },
    options: {
      animation: false,
      scales: { x: { title: { display: true, text: 'days since diagnosis' } },
                y: { min: 0, max: 1, title: { display: true, text: 'survival probability' } } }
    }
  });
})();
