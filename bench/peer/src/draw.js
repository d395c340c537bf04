// Chart.js drawing of a chart spec: only the controllers, elements, scales and plugins used,
// so the bundler leaves the rest of Chart.js out. A small plugin draws targets (a line for a
// score, a band up to rank 1 for a rank).

import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from "chart.js";
import { format } from "./specs.js";

const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7a7a7a", "#000000"];

const targets = {
  id: "targets",
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales } = chart;
    for (const r of options.rules ?? []) {
      const y = scales.y.getPixelForValue(r.value);
      ctx.save();
      ctx.strokeStyle = ctx.fillStyle = PALETTE[r.color];
      if (r.bandTo !== null) {
        const y2 = scales.y.getPixelForValue(r.bandTo);
        ctx.globalAlpha = 0.12;
        ctx.fillRect(area.left, Math.min(y, y2), area.width, Math.abs(y2 - y));
        ctx.globalAlpha = 1;
      }
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(area.left, y);
      ctx.lineTo(area.right, y);
      ctx.stroke();
      ctx.font = "12px system-ui, sans-serif";
      ctx.textAlign = "right";
      ctx.fillText(r.label, area.right - 4, y - 4);
      ctx.restore();
    }
  },
};

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, targets);
Chart.defaults.animation = false;
Chart.defaults.font.family = "system-ui, sans-serif";

function dataset(s) {
  const color = PALETTE[s.color % PALETTE.length];
  const axis = s.side === "right" ? "y1" : "y";
  const common = { label: s.name, data: s.values, borderColor: color, backgroundColor: color, yAxisID: axis };
  switch (s.mark) {
    case "bar":
      return { ...common, type: "bar", stack: "parts", order: 2 };
    case "total":
      // The published total: a tick across the bar, so a shortfall of the parts shows.
      return { ...common, type: "line", stack: "total", showLine: false, pointStyle: "line", pointRadius: 16, pointHoverRadius: 16, pointBorderWidth: 3, pointHoverBorderWidth: 3, order: 0 };
    default:
      return { ...common, type: "line", stack: s.id, spanGaps: true, pointRadius: s.mark === "dashed" ? 0 : 3, borderDash: s.mark === "dashed" ? [6, 4] : [], order: 1 };
  }
}

function axis(spec, a, position) {
  const stacked = position === "left" && spec.series.some((s) => s.mark === "bar");
  return {
    position,
    stacked,
    reverse: !!a.inverted,
    beginAtZero: a.fromZero,
    min: a.domain?.[0],
    max: a.domain?.[1],
    title: { display: true, text: a.title },
    ticks: { callback: (v) => format(v, { ...a.style, decimals: Number.isInteger(v) ? 0 : a.style.decimals }, spec.lang) },
    grid: { drawOnChartArea: position === "left" },
  };
}

function config(spec) {
  const scales = { x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true } }, y: axis(spec, spec.left, "left") };
  if (spec.right) scales.y1 = axis(spec, spec.right, "right");
  return {
    type: "bar",
    data: { labels: spec.axisLabels, datasets: spec.series.map(dataset) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales,
      plugins: {
        legend: { position: "top", labels: { boxWidth: 12 } },
        targets: { rules: spec.rules },
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0].dataIndex],
            label: (item) => {
              const s = spec.series[item.datasetIndex];
              const source = s.sources[item.dataIndex];
              return `${s.name}: ${format(item.raw, s.style, spec.lang)}${source ? ` (${source})` : ""}`;
            },
          },
        },
      },
    },
  };
}

/** Draws `spec` on `canvas`, or redraws `chart` with it; returns the chart. */
export function draw(canvas, spec, chart) {
  if (!chart) return new Chart(canvas, config(spec));
  const next = config(spec);
  chart.data = next.data;
  chart.options = next.options;
  chart.update();
  return chart;
}
