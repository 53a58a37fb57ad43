// Draws one line chart per metric of a training run: x the round, one line per site (and "global"). The data
// comes from each canvas's data-series attribute (JSON), as the Content-Security-Policy forbids inline scripts.
(function () {
  if (typeof Chart === 'undefined') { return; }
  var colours = ['#1f5f99', '#b5473a', '#2e7d32', '#8e44ad', '#c77c00', '#00838f', '#555555'];
  document.querySelectorAll('canvas.metric-chart').forEach(function (canvas) {
    var series = JSON.parse(canvas.dataset.series);
    var sites = Object.keys(series.sites);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: series.rounds,
        datasets: sites.map(function (site, i) {
          var global = site === 'global';
          return { label: site, data: series.sites[site], spanGaps: true,
                   borderColor: global ? '#000000' : colours[i % colours.length],
                   borderWidth: global ? 3 : 1.5, borderDash: global ? [] : [4, 2] };
        })
      },
      options: { animation: false,
                 scales: { x: { title: { display: true, text: 'round' } },
                           y: { title: { display: true, text: canvas.dataset.metric } } } }
    });
  });
})();
