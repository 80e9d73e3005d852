// A small line chart on a canvas for the dashboard: messages per second in (solid) and out
// (dashed) over the last minutes. Hand-written so the panel needs no library and no network.
'use strict';

class RateChart {
  constructor(canvas, maxPoints) {
    this.canvas = canvas;
    this.maxPoints = maxPoints;
    this.points = [];
    const styles = getComputedStyle(document.documentElement);
    this.colors = {
      in: styles.getPropertyValue('--in').trim() || '#0b5cad',
      out: styles.getPropertyValue('--out').trim() || '#b4490b',
      grid: '#d0d7de',
      text: '#57606a',
    };
    window.addEventListener('resize', () => this.draw());
  }

  push(time, rateIn, rateOut) {
    this.points.push({ time, rateIn, rateOut });
    if (this.points.length > this.maxPoints) this.points.shift();
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

    const left = 48, right = 12, top = 10, bottom = 26;
    const plotWidth = Math.max(10, width - left - right);
    const plotHeight = Math.max(10, height - top - bottom);
    const peak = Math.max(1, ...this.points.map(p => Math.max(p.rateIn, p.rateOut)));
    const tick = niceStep(peak / 4);
    const scale = tick * 4;

    g.font = '12px system-ui, sans-serif';
    g.fillStyle = this.colors.text;
    g.strokeStyle = this.colors.grid;
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
      g.fillText(formatRate(tick * i), left - 6, y);
    }
    g.textAlign = 'left';
    g.textBaseline = 'top';
    g.fillText('msg/s, last ' + Math.round((this.maxPoints * 2) / 60) + ' min', left, top + plotHeight + 8);

    const step = plotWidth / Math.max(1, this.maxPoints - 1);
    const offset = this.maxPoints - this.points.length;
    const line = (key, color, dash) => {
      if (this.points.length === 0) return;
      g.strokeStyle = color;
      g.lineWidth = 2.5;
      g.setLineDash(dash);
      g.beginPath();
      this.points.forEach((p, i) => {
        const x = left + (offset + i) * step;
        const y = top + plotHeight - (plotHeight * p[key]) / scale;
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      });
      g.stroke();
    };
    line('rateIn', this.colors.in, []);
    line('rateOut', this.colors.out, [7, 5]);
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

function formatRate(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}
