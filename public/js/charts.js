// Charts: progressive enhancement. Each <canvas data-chart-for="ID"> reads its figures from the JSON block ID
// (rendered by components/chart.edge); the same figures are in the table under it. Chart.js is loaded only on
// pages that have a chart, from this server (no CDN, strict CSP).
;(function () {
  const canvases = document.querySelectorAll('canvas[data-chart-for]')
  if (!canvases.length) return
  const lang = document.documentElement.lang === 'en' ? 'en-US' : 'vi-VN'
  const formatters = {
    number: (v) => new Intl.NumberFormat(lang).format(v),
    percent: (v) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v) + ' %',
    money: (v) => new Intl.NumberFormat(lang).format(v) + ' ₫',
  }
  const palette = ['#1e6fb8', '#d9822b', '#2e9e5b', '#c23b3b', '#7a4fb5', '#6b7b8c', '#b8a21e', '#1ea7b8']
  function draw() {
    canvases.forEach((canvas) => {
      const block = document.getElementById(canvas.dataset.chartFor)
      if (!block) return
      const spec = JSON.parse(block.textContent || '{}')
      const format = formatters[spec.format] || formatters.number
      const round = spec.type === 'doughnut'
      new window.Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map((ds, i) => ({
            ...ds,
            backgroundColor: round ? palette : palette[i % palette.length],
            borderColor: round ? '#fff' : palette[i % palette.length],
            tension: 0.2,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: round || spec.datasets.length > 1 },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.parsed.y ?? c.parsed)}` } },
          },
          scales: round ? {} : { y: { beginAtZero: true, ticks: { callback: (v) => format(v) } } },
        },
      })
    })
  }
  if (window.Chart) return draw()
  const script = document.createElement('script')
  script.src = '/vendor/chart.umd.min.js'
  script.onload = draw
  document.head.appendChild(script)
})()
