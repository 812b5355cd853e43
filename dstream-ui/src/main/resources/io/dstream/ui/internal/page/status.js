// The status page: fetches the JSON API every second (or every batch interval, if longer) and redraws.
// Every piece of data reaches the DOM through node() as a text node or as an attribute: never as
// markup, so a stream name or an error message cannot inject anything.
'use strict';
(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const API = '/api/v1/';
  const TIMELINE = { width: 560, height: 160, left: 56, right: 10, top: 10, bottom: 22 };
  const HISTOGRAM = { width: 260, height: 160, left: 40, right: 10, top: 10, bottom: 22, bins: 10 };
  const CHARTS = {
    inputRate: { unit: 'records/s', value: (b, interval) => b.records * 1000 / interval, intervalLine: false },
    schedulingDelay: { unit: 'ms', value: (b) => b.schedulingDelayMs, intervalLine: true },
    processingTime: { unit: 'ms', value: (b) => b.processingTimeMs, intervalLine: true },
    totalDelay: { unit: 'ms', value: (b) => b.totalDelayMs, intervalLine: true },
  };

  /** Creates an element with attributes and children; strings and numbers become text nodes. */
  function node(namespace, tag, attributes, children) {
    const element = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) {
        element.setAttribute(name, String(value));
      }
    }
    for (const child of children || []) {
      if (child === null || child === undefined) {
        continue;
      }
      element.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
    return element;
  }
  const html = (tag, attributes, ...children) => node(null, tag, attributes, children);
  const svg = (tag, attributes, ...children) => node(SVG_NS, tag, attributes, children);

  function setText(id, value) {
    document.getElementById(id).textContent = value;
  }

  function fillBody(tableId, rows) {
    document.querySelector('#' + tableId + ' tbody').replaceChildren(...rows);
  }

  function formatMs(ms) {
    if (ms === null || ms === undefined) {
      return '-';
    }
    return ms >= 1000 ? (ms / 1000).toFixed(ms >= 10000 ? 1 : 3) + ' s' : Math.round(ms) + ' ms';
  }

  function formatRate(perSecond) {
    return perSecond === null || perSecond === undefined ? '-' : perSecond.toFixed(2) + ' records/s';
  }

  function formatTime(ms) {
    return ms === null || ms === undefined ? '-' : new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  }

  function formatCount(n) {
    return n === null || n === undefined ? '-' : n.toLocaleString('en-US');
  }

  function renderStatistics(stats) {
    setText('start-time', formatTime(stats.startTimeMs));
    setText('batch-interval', formatMs(stats.batchIntervalMs));
    setText('batches-completed', formatCount(stats.batchesCompleted));
    setText('failed-batches', formatCount(stats.failedBatches));
    setText('records-processed', formatCount(stats.recordsProcessed));
    setText('blocks-waiting', formatCount(stats.blocksWaiting));
    setText('avg-inputRate', formatRate(stats.averageInputRecordsPerSecond));
    setText('avg-schedulingDelay', formatMs(stats.averageSchedulingDelayMs));
    setText('avg-processingTime', formatMs(stats.averageProcessingTimeMs));
    setText('avg-totalDelay', formatMs(stats.averageTotalDelayMs));
  }

  function renderTimeline(chart, points, intervalMs, spec) {
    const t = TIMELINE;
    const plotWidth = t.width - t.left - t.right;
    const plotHeight = t.height - t.top - t.bottom;
    const maxValue = Math.max(1, spec.intervalLine ? intervalMs : 0, ...points.map((p) => p.value)) * 1.1;
    const minTime = points.length ? points[0].time : 0;
    const span = points.length > 1 ? points[points.length - 1].time - minTime : 1;
    const x = (time) => t.left + (points.length > 1 ? (time - minTime) / span * plotWidth : plotWidth / 2);
    const y = (value) => t.top + plotHeight - value / maxValue * plotHeight;
    const children = [
      svg('line', { class: 'axis', x1: t.left, y1: t.top, x2: t.left, y2: t.top + plotHeight }),
      svg('line', { class: 'axis', x1: t.left, y1: t.top + plotHeight, x2: t.width - t.right, y2: t.top + plotHeight }),
      svg('text', { class: 'axis-label', x: t.left - 4, y: t.top + 8, 'text-anchor': 'end' },
        spec.unit === 'ms' ? formatMs(maxValue) : maxValue.toFixed(1)),
      svg('text', { class: 'axis-label', x: t.left - 4, y: t.top + plotHeight, 'text-anchor': 'end' }, '0'),
    ];
    if (points.length) {
      children.push(svg('text', { class: 'axis-label', x: t.left, y: t.height - 6 }, formatTime(minTime)));
      children.push(svg('text', { class: 'axis-label', x: t.width - t.right, y: t.height - 6, 'text-anchor': 'end' },
        formatTime(points[points.length - 1].time)));
    }
    if (spec.intervalLine) {
      children.push(svg('line', { class: 'batch-interval', 'data-batch-interval-ms': intervalMs,
        x1: t.left, x2: t.width - t.right, y1: y(intervalMs), y2: y(intervalMs) },
        svg('title', {}, 'batch interval ' + formatMs(intervalMs))));
    }
    children.push(svg('polyline', { class: 'series',
      points: points.map((p) => x(p.time).toFixed(1) + ',' + y(p.value).toFixed(1)).join(' ') }));
    for (const p of points) {
      const circle = svg('circle', { class: p.failed ? 'point failed' : 'point', 'data-batch-time': p.time,
        cx: x(p.time).toFixed(1), cy: y(p.value).toFixed(1), r: 3 },
        svg('title', {}, formatTime(p.time) + ': ' + (spec.unit === 'ms' ? formatMs(p.value) : formatRate(p.value))));
      circle.addEventListener('click', () => showBatch(p.time));
      children.push(circle);
    }
    chart.replaceChildren(...children);
  }

  function renderHistogram(chart, values, spec) {
    const h = HISTOGRAM;
    const plotWidth = h.width - h.left - h.right;
    const plotHeight = h.height - h.top - h.bottom;
    const maxValue = Math.max(1, ...values);
    const counts = new Array(h.bins).fill(0);
    for (const value of values) {
      counts[Math.min(h.bins - 1, Math.floor(value / maxValue * h.bins))]++;
    }
    const maxCount = Math.max(1, ...counts);
    const barWidth = plotWidth / h.bins;
    const children = [
      svg('line', { class: 'axis', x1: h.left, y1: h.top + plotHeight, x2: h.width - h.right, y2: h.top + plotHeight }),
      svg('text', { class: 'axis-label', x: h.left - 4, y: h.top + 8, 'text-anchor': 'end' }, maxCount),
      svg('text', { class: 'axis-label', x: h.left, y: h.height - 6 }, '0'),
      svg('text', { class: 'axis-label', x: h.width - h.right, y: h.height - 6, 'text-anchor': 'end' },
        spec.unit === 'ms' ? formatMs(maxValue) : maxValue.toFixed(1)),
    ];
    counts.forEach((count, bin) => {
      const height = count / maxCount * plotHeight;
      children.push(svg('rect', { class: 'bar', 'data-bin-count': count, x: (h.left + bin * barWidth + 1).toFixed(1),
        y: (h.top + plotHeight - height).toFixed(1), width: (barWidth - 2).toFixed(1), height: height.toFixed(1) },
        svg('title', {}, count + ' batches')));
    });
    chart.replaceChildren(...children);
  }

  function renderCharts(completed, intervalMs) {
    const oldestFirst = completed.slice().reverse();
    for (const [name, spec] of Object.entries(CHARTS)) {
      const points = oldestFirst
        .map((b) => ({ time: b.batchTimeMs, value: spec.value(b, intervalMs), failed: b.status === 'failed' }))
        .filter((p) => p.value !== null && p.value !== undefined);
      renderTimeline(document.querySelector('svg[data-chart="' + name + '"]'), points, intervalMs, spec);
      renderHistogram(document.querySelector('svg[data-histogram="' + name + '"]'), points.map((p) => p.value), spec);
    }
  }

  function batchRow(batch, cells) {
    const row = html('tr', { 'data-batch-time': batch.batchTimeMs, class: batch.status === 'failed' ? 'failed' : null },
      ...cells);
    row.addEventListener('click', () => showBatch(batch.batchTimeMs));
    return row;
  }

  function renderBatches(batches) {
    const active = batches.filter((b) => b.status === 'queued' || b.status === 'processing');
    const completed = batches.filter((b) => b.status === 'succeeded' || b.status === 'failed');
    setText('active-count', active.length);
    setText('completed-count', completed.length);
    fillBody('active-batches', active.map((b) => batchRow(b, [
      html('td', {}, formatTime(b.batchTimeMs)), html('td', { class: 'number' }, formatCount(b.records)),
      html('td', { class: 'number' }, formatMs(b.schedulingDelayMs)),
      html('td', { class: 'number' }, formatMs(b.processingTimeMs)), html('td', {}, b.status)])));
    fillBody('completed-batches', completed.map((b) => batchRow(b, [
      html('td', {}, formatTime(b.batchTimeMs)), html('td', { class: 'number' }, formatCount(b.records)),
      html('td', { class: 'number' }, formatMs(b.schedulingDelayMs)),
      html('td', { class: 'number' }, formatMs(b.processingTimeMs)),
      html('td', { class: 'number' }, formatMs(b.totalDelayMs)), html('td', {}, b.status),
      html('td', { class: 'reason' }, b.failureReason)])));
    return completed;
  }

  function lastError(item) {
    return item.lastErrorMessage === null ? '-' : formatTime(item.lastErrorTimeMs) + ': ' + item.lastErrorMessage;
  }

  function renderStreams(inputStreams, receivers, stateStreams) {
    fillBody('input-streams', inputStreams.map((s) => html('tr', { 'data-stream-id': s.id },
      html('td', { class: 'number' }, s.id), html('td', {}, s.name), html('td', {}, s.operation),
      html('td', {}, s.receiverName === null ? '-' : s.receiverName + ' (' + s.receiverStatus + ')'),
      html('td', { class: 'number' }, formatCount(s.latestBatchRecords)),
      html('td', { class: 'number' }, formatRate(s.averageRecordsPerSecond)), html('td', { class: 'reason' }, lastError(s)))));
    fillBody('receivers', receivers.map((r) => html('tr', { 'data-stream-id': r.streamId },
      html('td', {}, r.streamName === null ? r.streamId : r.streamName), html('td', {}, r.name),
      html('td', {}, r.status), html('td', { class: 'number' }, formatRate(r.averageRecordsPerSecond)),
      html('td', {}, formatTime(r.lastErrorTimeMs)), html('td', { class: 'reason' }, r.lastErrorMessage))));
    fillBody('state-streams', stateStreams.map((s) => html('tr', { 'data-stream-id': s.id },
      html('td', { class: 'number' }, s.id), html('td', {}, s.name),
      html('td', { class: 'number' }, s.keys === null ? 'not known yet' : formatCount(s.keys)))));
  }

  async function fetchJson(path) {
    const response = await fetch(API + path, { cache: 'no-store' });
    if (!response.ok) {
      throw new Error(path + ': HTTP ' + response.status);
    }
    return response.json();
  }

  async function showBatch(batchTimeMs) {
    const section = document.getElementById('batch-detail');
    try {
      const batch = await fetchJson('batches/' + encodeURIComponent(batchTimeMs));
      setText('detail-batch-time', formatTime(batch.batchTimeMs));
      section.setAttribute('data-batch-time', batch.batchTimeMs);
      setText('detail-summary', batch.status + ', ' + formatCount(batch.records) + ' records, scheduling delay '
        + formatMs(batch.schedulingDelayMs) + ', processing time ' + formatMs(batch.processingTimeMs)
        + ', total delay ' + formatMs(batch.totalDelayMs));
      fillBody('output-operations', batch.outputOperations.map((op) => html('tr',
        { 'data-output-operation-id': op.id, class: op.status === 'failed' ? 'failed' : null },
        html('td', { class: 'number' }, op.id), html('td', {}, op.name), html('td', {}, op.description),
        html('td', { class: 'number' }, formatMs(op.durationMs)), html('td', {}, op.status),
        html('td', { class: 'reason' }, op.failureReason))));
    } catch (error) {
      setText('detail-summary', 'batch ' + batchTimeMs + ' is no longer retained (' + error.message + ')');
      fillBody('output-operations', []);
    }
    section.hidden = false;
  }

  let refreshes = 0;
  let intervalMs = 1000;

  async function refresh() {
    try {
      const [stats, batches, inputStreams, receivers, stateStreams] = await Promise.all([
        fetchJson('statistics'), fetchJson('batches'), fetchJson('inputStreams'), fetchJson('receivers'),
        fetchJson('stateStreams')]);
      intervalMs = stats.batchIntervalMs;
      renderStatistics(stats);
      renderCharts(renderBatches(batches), stats.batchIntervalMs);
      renderStreams(inputStreams, receivers, stateStreams);
      refreshes++;
      const lastRefresh = document.getElementById('last-refresh');
      lastRefresh.textContent = new Date().toLocaleTimeString();
      lastRefresh.setAttribute('data-refresh-count', refreshes);
      setText('refresh-error', '');
    } catch (error) {
      setText('refresh-error', 'refresh failed: ' + error.message + ' (has the context stopped?)');
    }
    setTimeout(refresh, Math.max(1000, intervalMs));
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('detail-close').addEventListener('click', () => {
      document.getElementById('batch-detail').hidden = true;
    });
    refresh();
  });
})();
