// The status page: fetches the JSON API every second (or every batch interval, if longer) and redraws what
// changed. Every piece of data reaches the DOM through node() as a text node or as an attribute: never as
// markup, so a stream name or an error message cannot inject anything.
'use strict';
(function () {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const API = '/api/v1/';
  /** A request not answered within this long is given up: a hung request must not stop the refreshes. */
  const REQUEST_TIMEOUT_MS = 5000;
  const CHART_HEIGHT = 160;
  const TIMELINE_MARGIN = { left: 56, right: 10, top: 18, bottom: 22 };
  const HISTOGRAM_MARGIN = { left: 40, right: 10, top: 18, bottom: 22 };
  const HISTOGRAM_BINS = 10;
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

  /** What each part of the page was last drawn from, as JSON: a part whose data did not change is left alone. */
  const drawnFrom = new Map();

  function changed(part, data) {
    const json = JSON.stringify(data);
    if (drawnFrom.get(part) === json) {
      return false;
    }
    drawnFrom.set(part, json);
    return true;
  }

  function formatMs(ms) {
    if (ms === null || ms === undefined) {
      return '-';
    }
    return ms >= 1000 ? (ms / 1000).toFixed(ms >= 10000 ? 1 : 3) + ' s' : Math.round(ms) + ' ms';
  }

  function formatSeconds(ms) {
    return ms / 1000 + ' s';
  }

  function formatRate(perSecond) {
    return perSecond === null || perSecond === undefined ? '-' : perSecond.toFixed(2) + ' records/s';
  }

  function formatValue(value, spec) {
    return spec.unit === 'ms' ? formatMs(value) : formatRate(value);
  }

  // Times are shown in UTC, as the page's headings say: the same for every viewer, whatever their zone.
  function formatTime(ms) {
    return ms === null || ms === undefined ? '-' : new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  }

  function formatClock(ms) {
    return new Date(ms).toISOString().substring(11, 19) + ' UTC';
  }

  function formatCount(n) {
    return n === null || n === undefined ? '-' : n.toLocaleString('en-US');
  }

  /** Why a request failed: 'unreachable', 'timeout' or 'api' (the API answered with an error). */
  class RequestFailure extends Error {
    constructor(kind, message) {
      super(message);
      this.kind = kind;
    }
  }

  /** Fetches an API document, giving up after REQUEST_TIMEOUT_MS; fails with a RequestFailure. */
  async function fetchJson(path) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(API + path, { cache: 'no-store', signal: controller.signal });
      if (!response.ok) {
        throw new RequestFailure('api', 'the API answered ' + response.status + ': ' + await apiError(response));
      }
      return await response.json();
    } catch (error) {
      if (error instanceof RequestFailure) {
        throw error;
      }
      // fetch rejects with a TypeError when it cannot connect, and with an AbortError when the timer fired.
      throw new RequestFailure(controller.signal.aborted ? 'timeout' : 'unreachable', error.message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The API's own explanation of an error ({"error": ..., "status": ...}), else the status text. */
  async function apiError(response) {
    try {
      const body = await response.json();
      return typeof body.error === 'string' ? body.error : response.statusText;
    } catch (notJson) {
      return response.statusText;
    }
  }

  function renderStatistics(stats) {
    setText('start-time', stats.startTimeMs === null ? '-' : formatTime(stats.startTimeMs) + ' UTC');
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

  /** The width the charts of a class take on the page, so that drawings fill it without being stretched. */
  function chartWidth(selector) {
    return Math.max(200, Math.round(document.querySelector(selector).getBoundingClientRect().width));
  }

  /** A value's height in the plot; one below zero (which should not happen) is drawn at zero. */
  function yScale(margin, maxValue) {
    const plotHeight = CHART_HEIGHT - margin.top - margin.bottom;
    return (value) => margin.top + plotHeight - Math.max(0, value) / maxValue * plotHeight;
  }

  function timelineAxes(width, maxValue, spec, points) {
    const m = TIMELINE_MARGIN;
    const bottom = CHART_HEIGHT - m.bottom;
    const axes = [
      svg('line', { class: 'axis', x1: m.left, y1: m.top, x2: m.left, y2: bottom }),
      svg('line', { class: 'axis', x1: m.left, y1: bottom, x2: width - m.right, y2: bottom }),
      svg('text', { class: 'axis-label', x: m.left - 4, y: m.top + 8, 'text-anchor': 'end' },
        spec.unit === 'ms' ? formatMs(maxValue) : maxValue.toFixed(1)),
      svg('text', { class: 'axis-label', x: m.left - 4, y: bottom, 'text-anchor': 'end' }, '0'),
    ];
    if (spec.unit !== 'ms') {
      // The millisecond labels carry their unit (ms or s); a bare rate needs one.
      axes.push(svg('text', { class: 'axis-label axis-unit', x: m.left - 4, y: m.top - 6, 'text-anchor': 'end' },
        spec.unit));
    }
    if (points.length) {
      axes.push(svg('text', { class: 'axis-label', x: m.left, y: CHART_HEIGHT - 6 }, formatTime(points[0].time)));
      axes.push(svg('text', { class: 'axis-label', x: width - m.right, y: CHART_HEIGHT - 6, 'text-anchor': 'end' },
        formatTime(points[points.length - 1].time)));
    }
    return axes;
  }

  /** Draws a timeline in O(points): one polyline and one circle per point, no handler on any of them. */
  function renderTimeline(chart, width, points, intervalMs, spec) {
    const m = TIMELINE_MARGIN;
    const plotWidth = width - m.left - m.right;
    const maxValue = Math.max(1, spec.intervalLine ? intervalMs : 0, ...points.map((p) => p.value)) * 1.1;
    const minTime = points.length ? points[0].time : 0;
    const span = points.length > 1 ? points[points.length - 1].time - minTime : 1;
    const x = (time) => m.left + (points.length > 1 ? (time - minTime) / span * plotWidth : plotWidth / 2);
    const y = yScale(m, maxValue);
    const children = timelineAxes(width, maxValue, spec, points);
    if (spec.intervalLine) {
      children.push(svg('line', { class: 'batch-interval', 'data-batch-interval-ms': intervalMs,
        x1: m.left, x2: width - m.right, y1: y(intervalMs), y2: y(intervalMs) },
        svg('title', {}, 'batch interval ' + formatMs(intervalMs))));
    }
    children.push(svg('polyline', { class: 'series',
      points: points.map((p) => x(p.time).toFixed(1) + ',' + y(p.value).toFixed(1)).join(' ') }));
    for (const p of points) {
      children.push(svg('circle', { class: p.failed ? 'point failed' : 'point', 'data-batch-time': p.time,
        cx: x(p.time).toFixed(1), cy: y(p.value).toFixed(1), r: 3 },
        svg('title', {}, formatTime(p.time) + ' UTC: ' + formatValue(p.value, spec))));
    }
    chart.setAttribute('viewBox', '0 0 ' + width + ' ' + CHART_HEIGHT);
    chart.replaceChildren(...children);
  }

  /** Counts values into equal bins from 0 to maxValue; one outside (below 0) goes into the nearest bin. */
  function binCounts(values, maxValue) {
    const counts = new Array(HISTOGRAM_BINS).fill(0);
    for (const value of values) {
      const bin = Math.floor(value / maxValue * HISTOGRAM_BINS);
      counts[Math.min(HISTOGRAM_BINS - 1, Math.max(0, bin))]++;
    }
    return counts;
  }

  function renderHistogram(chart, width, values, spec) {
    const m = HISTOGRAM_MARGIN;
    const plotHeight = CHART_HEIGHT - m.top - m.bottom;
    const maxValue = Math.max(1, ...values);
    const counts = binCounts(values, maxValue);
    const maxCount = Math.max(1, ...counts);
    const barWidth = (width - m.left - m.right) / HISTOGRAM_BINS;
    const children = [
      svg('line', { class: 'axis', x1: m.left, y1: m.top + plotHeight, x2: width - m.right, y2: m.top + plotHeight }),
      svg('text', { class: 'axis-label', x: m.left - 4, y: m.top + 8, 'text-anchor': 'end' }, maxCount),
      svg('text', { class: 'axis-label', x: m.left, y: CHART_HEIGHT - 6 }, '0'),
      svg('text', { class: 'axis-label', x: width - m.right, y: CHART_HEIGHT - 6, 'text-anchor': 'end' },
        formatValue(maxValue, spec)),
    ];
    counts.forEach((count, bin) => {
      const height = count / maxCount * plotHeight;
      children.push(svg('rect', { class: 'bar', 'data-bin-count': count, x: (m.left + bin * barWidth + 1).toFixed(1),
        y: (m.top + plotHeight - height).toFixed(1), width: (barWidth - 2).toFixed(1), height: height.toFixed(1) },
        svg('title', {}, count + ' batches')));
    });
    chart.setAttribute('viewBox', '0 0 ' + width + ' ' + CHART_HEIGHT);
    chart.replaceChildren(...children);
  }

  /** Redraws the charts when the batches, the interval or the page's width changed since they were drawn. */
  function renderCharts(completed, intervalMs) {
    // Measured once, before drawing: reading a size after a change makes the browser lay out the page again.
    const widths = { timeline: chartWidth('svg[data-chart]'), histogram: chartWidth('svg[data-histogram]') };
    if (!changed('charts', [completedIdentity(completed), intervalMs, widths])) {
      return;
    }
    const oldestFirst = completed.slice().reverse();
    for (const [name, spec] of Object.entries(CHARTS)) {
      const points = oldestFirst
        .map((b) => ({ time: b.batchTimeMs, value: spec.value(b, intervalMs), failed: b.status === 'failed' }))
        .filter((p) => p.value !== null && p.value !== undefined);
      renderTimeline(document.querySelector('svg[data-chart="' + name + '"]'), widths.timeline, points, intervalMs,
        spec);
      renderHistogram(document.querySelector('svg[data-histogram="' + name + '"]'), widths.histogram,
        points.map((p) => p.value), spec);
    }
  }

  /**
   * The retained completed batches, identified cheaply: a completed batch never changes, and they come and go
   * in time order, so their count and the newest and oldest times tell whether the set changed.
   */
  function completedIdentity(completed) {
    return completed.length ? [completed.length, completed[0].batchTimeMs, completed[completed.length - 1].batchTimeMs]
      : [0];
  }

  function batchRow(batch, cells) {
    return html('tr', { 'data-batch-time': batch.batchTimeMs, class: batch.status === 'failed' ? 'failed' : null },
      ...cells);
  }

  function completedRow(b) {
    return batchRow(b, [
      html('td', {}, formatTime(b.batchTimeMs)), html('td', { class: 'number' }, formatCount(b.records)),
      html('td', { class: 'number' }, formatMs(b.schedulingDelayMs)),
      html('td', { class: 'number' }, formatMs(b.processingTimeMs)),
      html('td', { class: 'number' }, formatMs(b.totalDelayMs)), html('td', {}, b.status),
      html('td', { class: 'reason' }, b.failureReason)]);
  }

  function activeRow(b) {
    return batchRow(b, [
      html('td', {}, formatTime(b.batchTimeMs)), html('td', { class: 'number' }, formatCount(b.records)),
      html('td', { class: 'number' }, formatMs(b.schedulingDelayMs)),
      html('td', { class: 'number' }, formatMs(b.processingTimeMs)), html('td', {}, b.status)]);
  }

  /**
   * Makes a table body hold one row per batch, in order, keeping the rows it already has: a completed batch
   * never changes, so only the new batches' rows are built and only the forgotten ones' removed.
   */
  function syncRows(tbody, batches, buildRow) {
    const kept = new Map();
    for (const row of [...tbody.rows]) {
      kept.set(row.getAttribute('data-batch-time'), row);
    }
    const wanted = new Set(batches.map((b) => String(b.batchTimeMs)));
    for (const [time, row] of kept) {
      if (!wanted.has(time)) {
        row.remove();
      }
    }
    let next = tbody.firstElementChild;
    for (const batch of batches) {
      const row = kept.get(String(batch.batchTimeMs)) || buildRow(batch);
      if (row === next) {
        next = next.nextElementSibling;
      } else {
        tbody.insertBefore(row, next);
      }
    }
  }

  function renderBatches(batches) {
    const active = batches.filter((b) => b.status === 'queued' || b.status === 'processing');
    const completed = batches.filter((b) => b.status === 'succeeded' || b.status === 'failed');
    if (changed('active', active)) {
      setText('active-count', active.length);
      fillBody('active-batches', active.map(activeRow));
    }
    if (changed('completed', completedIdentity(completed))) {
      setText('completed-count', completed.length);
      syncRows(document.querySelector('#completed-batches tbody'), completed, completedRow);
    }
    return completed;
  }

  function lastError(item) {
    return item.lastErrorMessage === null ? '-' : formatTime(item.lastErrorTimeMs) + ': ' + item.lastErrorMessage;
  }

  function renderStreams(inputStreams, receivers, stateStreams) {
    if (!changed('streams', [inputStreams, receivers, stateStreams])) {
      return;
    }
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

  // The batch whose detail is open (null when closed): each refresh fetches it again, so the detail follows
  // its output operations while it runs and shows its end.
  let openBatchTime = null;

  function renderDetail(batch) {
    setText('detail-batch-time', formatTime(batch.batchTimeMs) + ' UTC');
    document.getElementById('detail-summary').className = '';
    setText('detail-summary', batch.status + ', ' + formatCount(batch.records) + ' records, scheduling delay '
      + formatMs(batch.schedulingDelayMs) + ', processing time ' + formatMs(batch.processingTimeMs)
      + ', total delay ' + formatMs(batch.totalDelayMs));
    fillBody('output-operations', batch.outputOperations.map((op) => html('tr',
      { 'data-output-operation-id': op.id, 'data-status': op.status, class: op.status === 'failed' ? 'failed' : null },
      html('td', { class: 'number' }, op.id), html('td', {}, op.name), html('td', {}, op.description),
      html('td', { class: 'number' }, formatMs(op.durationMs)), html('td', {}, op.status),
      html('td', { class: 'reason' }, op.failureReason))));
  }

  function renderDetailFailure(batchTimeMs, failure) {
    drawnFrom.delete('detail');
    setText('detail-batch-time', formatTime(batchTimeMs) + ' UTC');
    document.getElementById('detail-summary').className = 'error';
    setText('detail-summary', failure.kind === 'api' ? failure.message : 'cannot fetch the batch: ' + failure.message);
    fillBody('output-operations', []);
  }

  /** Fetches the open batch and redraws its detail if it changed; its failure is shown in the detail. */
  async function refreshDetail() {
    const time = openBatchTime;
    if (time === null) {
      return;
    }
    try {
      const batch = await fetchJson('batches/' + encodeURIComponent(time));
      if (time === openBatchTime && changed('detail', batch)) {
        renderDetail(batch);
      }
    } catch (failure) {
      if (time === openBatchTime) {
        renderDetailFailure(time, failure);
      }
    }
  }

  async function showBatch(batchTimeMs) {
    const section = document.getElementById('batch-detail');
    openBatchTime = batchTimeMs;
    drawnFrom.delete('detail');
    section.setAttribute('data-batch-time', batchTimeMs);
    await refreshDetail();
    section.hidden = false;
  }

  function closeBatch() {
    openBatchTime = null;
    document.getElementById('batch-detail').hidden = true;
  }

  /** One click handler per container, not one per row or point: a click on any batch in it opens its detail. */
  function openBatchOnClick(container) {
    container.addEventListener('click', (event) => {
      const batch = event.target.closest('[data-batch-time]');
      if (batch && container.contains(batch)) {
        showBatch(Number(batch.getAttribute('data-batch-time')));
      }
    });
  }

  let intervalMs = 1000;
  let contextStartMs;
  let refreshes = 0;
  let failedRefreshes = 0;
  let failingSinceMs = null;
  let latest = null;

  function refreshPeriodMs() {
    return Math.max(1000, intervalMs);
  }

  /** Another context serving this address (after a restart) has other batches: forget what was drawn. */
  function forgetAnotherContext(stats) {
    if (contextStartMs !== undefined && stats.startTimeMs !== contextStartMs) {
      drawnFrom.clear();
      fillBody('completed-batches', []);
    }
    contextStartMs = stats.startTimeMs;
  }

  function render(stats, batches, inputStreams, receivers, stateStreams) {
    forgetAnotherContext(stats);
    intervalMs = stats.batchIntervalMs;
    renderStatistics(stats);
    latest = { completed: renderBatches(batches), intervalMs };
    renderCharts(latest.completed, intervalMs);
    renderStreams(inputStreams, receivers, stateStreams);
  }

  function showRefreshed() {
    refreshes++;
    failedRefreshes = 0;
    failingSinceMs = null;
    const lastRefresh = document.getElementById('last-refresh');
    lastRefresh.textContent = formatClock(Date.now());
    lastRefresh.setAttribute('data-refresh-count', refreshes);
    const error = document.getElementById('refresh-error');
    error.textContent = '';
    error.setAttribute('data-failed-refreshes', 0);
  }

  function describeFailure(error) {
    const since = formatClock(failingSinceMs);
    switch (error.kind) {
      case 'unreachable':
        return 'cannot reach the context since ' + since + ' (has it stopped?)';
      case 'timeout':
        return 'the context has not answered within ' + formatSeconds(REQUEST_TIMEOUT_MS) + ' since ' + since;
      case 'api':
        return error.message;
      default:
        return 'the page could not show the answer: ' + error.message;
    }
  }

  function showRefreshFailed(error) {
    failedRefreshes++;
    if (failingSinceMs === null) {
      failingSinceMs = Date.now();
    }
    const element = document.getElementById('refresh-error');
    element.textContent = describeFailure(error) + '; trying again every ' + formatSeconds(refreshPeriodMs());
    element.setAttribute('data-failed-refreshes', failedRefreshes);
  }

  // A failure never ends the loop: the next refresh is scheduled whatever happened to this one.
  async function refresh() {
    try {
      const [stats, batches, inputStreams, receivers, stateStreams] = await Promise.all([
        fetchJson('statistics'), fetchJson('batches'), fetchJson('inputStreams'), fetchJson('receivers'),
        fetchJson('stateStreams')]);
      render(stats, batches, inputStreams, receivers, stateStreams);
      await refreshDetail();
      showRefreshed();
    } catch (error) {
      showRefreshFailed(error);
    }
    setTimeout(refresh, refreshPeriodMs());
  }

  /** Redraws the charts for the new width, at most once a frame however many resize events come. */
  function redrawOnResize() {
    let pending = false;
    window.addEventListener('resize', () => {
      if (!pending && latest !== null) {
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          renderCharts(latest.completed, latest.intervalMs);
        });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('detail-close').addEventListener('click', closeBatch);
    openBatchOnClick(document.getElementById('charts'));
    openBatchOnClick(document.querySelector('#active-batches tbody'));
    openBatchOnClick(document.querySelector('#completed-batches tbody'));
    redrawOnResize();
    refresh();
  });
})();
