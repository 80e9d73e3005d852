// Small line charts on a canvas for the dashboard: each series a line over the same steps of the
// server's traffic history, the first solid, the others dashed or dotted so they differ without
// colour too. Times on the axis are UTC, written the ISO way. Hand-written so the panel needs no
// library and no network.
'use strict';

class LineChart {
  /**
   * @param canvas the canvas to draw on
   * @param unit   what the values are, for the axis, e.g. "msg/s" or "ms"
   */
  constructor(canvas, unit) {
    this.canvas = canvas;
    this.unit = unit;
    this.start = 0;
    this.stepMillis = 10_000;
    this.series = [];
    const styles = getComputedStyle(document.documentElement);
    this.palette = ['--in', '--out', '--brand', '--bad'].map(name => styles.getPropertyValue(name).trim());
    this.grid = '#d0d7de';
    this.text = '#57606a';
    window.addEventListener('resize', () => this.draw());
  }

  /**
   * Replaces what is drawn.
   *
   * @param start      unix ms at which the first step starts
   * @param stepMillis the length of a step
   * @param series     [{ values: [number|null], dash: [..] }]: null is a gap in the line
   */
  show(start, stepMillis, series) {
    this.start = start;
    this.stepMillis = stepMillis;
    this.series = series;
    this.draw();
  }

  draw() {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);

    const left = 52, right = 12, top = 10, bottom = 26;
    const plotWidth = Math.max(10, width - left - right);
    const plotHeight = Math.max(10, height - top - bottom);
    const points = Math.max(0, ...this.series.map(s => s.values.length));
    const values = this.series.flatMap(s => s.values).filter(v => v !== null && Number.isFinite(v));
    const peak = Math.max(1, ...values);
    const tick = niceStep(peak / 4);
    const scale = tick * 4;

    g.font = '12px system-ui, sans-serif';
    g.fillStyle = this.text;
    g.strokeStyle = this.grid;
    g.lineWidth = 1;
    g.setLineDash([]);
    for (let i = 0; i <= 4; i++) {
      const y = top + plotHeight - (plotHeight * i) / 4;
      g.beginPath();
      g.moveTo(left, y);
      g.lineTo(left + plotWidth, y);
      g.stroke();
      g.textAlign = 'right';
      g.textBaseline = 'middle';
      g.fillText(formatValue(tick * i), left - 6, y);
    }
    g.textBaseline = 'top';
    if (points > 0) {
      g.textAlign = 'left';
      g.fillText(isoMinute(this.start) + ' ' + this.unit + (values.length === 0 ? ', nothing in range' : ''), left,
        top + plotHeight + 8);
      g.textAlign = 'right';
      g.fillText(isoMinute(this.start + (points - 1) * this.stepMillis), left + plotWidth, top + plotHeight + 8);
    } else {
      g.textAlign = 'left';
      g.fillText('no history yet: the server samples every 10 s', left, top + plotHeight + 8);
    }

    const step = plotWidth / Math.max(1, points - 1);
    this.series.forEach((s, index) => {
      g.strokeStyle = s.color || this.palette[index % this.palette.length] || '#1b1f24';
      g.lineWidth = 2.5;
      g.setLineDash(s.dash || []);
      g.beginPath();
      let drawing = false;
      s.values.forEach((value, i) => {
        if (value === null || !Number.isFinite(value)) {
          drawing = false;
          return;
        }
        const x = left + i * step;
        const y = top + plotHeight - (plotHeight * Math.min(value, scale)) / scale;
        if (drawing) g.lineTo(x, y); else g.moveTo(x, y);
        drawing = true;
      });
      g.stroke();
    });
  }
}

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least value: readable grid steps. */
function niceStep(value) {
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (value <= factor * power) return factor * power;
  }
  return 10 * power;
}

function formatValue(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/** 2026-12-08T01:16Z: an instant in UTC to the minute. */
function isoMinute(millis) {
  return new Date(millis).toISOString().slice(0, 16) + 'Z';
}
