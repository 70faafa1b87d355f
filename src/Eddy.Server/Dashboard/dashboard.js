// Eddy's dashboard: the models, their live learning curves with model events marked, metrics, feature drift,
// champion and challengers, and events. Data: GET /v1/models, /v1/models/{name}, /v1/models/{name}/history,
// /v1/models/{name}/features/drift, /v1/models/{name}/challengers, and the SSE stream /v1/models/{name}/events.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { model: null, source: null, sequences: [], metrics: {}, charts: {}, events: [] };
  // The features monitor's table: the PSI threshold from the spec, one refresh in flight at a time, and the learn a
  // features drift event was raised at (the figures come with the replica published after it).
  const features = { monitored: false, threshold: null, wanted: 0, busy: false, again: false, last: 0, timer: 0 };
  // The challengers table: polled like the features table while the model has challengers, at once after a promotion.
  const contest = { present: false, champion: null, rows: 0, busy: false, again: false, last: 0, timer: 0 };

  // For tests and the curious: what the page is showing.
  window.eddyDashboard = {
    model: () => state.model,
    points: () => state.sequences.length,
    lastSequence: () => (state.sequences.length ? state.sequences[state.sequences.length - 1] : 0),
    events: () => state.events.length,
    champion: () => contest.champion,
    contenders: () => contest.rows,
  };

  const format = (value) => (value === null || value === undefined ? "–" : Number(value).toPrecision(6));

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  async function loadModels() {
    const models = await getJson("/v1/models");
    const list = $("models");
    list.replaceChildren();
    for (const model of models) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#${encodeURIComponent(model.name)}`;
      link.textContent = model.name;
      link.dataset.model = model.name;
      item.append(link);
      list.append(item);
    }
    $("empty").hidden = models.length > 0;
    const wanted = decodeURIComponent(location.hash.slice(1));
    const chosen = models.find((m) => m.name === wanted) ?? models[0];
    if (chosen) await select(chosen.name);
  }

  async function select(name) {
    if (state.source) state.source.close();
    Object.values(state.charts).forEach((chart) => chart.destroy());
    Object.assign(state, { model: name, sequences: [], metrics: {}, charts: {}, events: [] });
    for (const link of document.querySelectorAll("#models a")) link.classList.toggle("selected", link.dataset.model === name);
    $("model").hidden = false;
    $("model-name").textContent = name;
    $("events").tBodies[0].replaceChildren();
    $("feature-panel").hidden = true;
    $("feature-drift").tBodies[0].replaceChildren();
    clearTimeout(features.timer);
    Object.assign(features, { monitored: false, threshold: null, wanted: 0, last: 0, timer: 0 });
    $("challenger-panel").hidden = true;
    $("challengers").tBodies[0].replaceChildren();
    clearTimeout(contest.timer);
    Object.assign(contest, { present: false, champion: null, rows: 0, last: 0, timer: 0 });

    const [description, history] = await Promise.all([
      getJson(`/v1/models/${encodeURIComponent(name)}`),
      getJson(`/v1/models/${encodeURIComponent(name)}/history`),
    ]);
    showDescription(description);
    refreshFeatures(true);
    refreshChallengers(true);
    for (const point of history.points) addPoint(point);
    for (const event of history.events) addEvent(event.type, event.data);
    drawCharts();
    listen(name);
  }

  function showDescription(description) {
    $("model-spec").textContent = description.model;
    $("fact-kind").textContent = description.kind;
    $("fact-sequence").textContent = description.sequence.toLocaleString();
    $("fact-features").textContent = description.features.toLocaleString();
    $("fact-pending").textContent = description.pendingPredictions.toLocaleString();
    $("fact-publication").textContent = description.publication;
    features.threshold = description.watch?.monitors?.features?.psi?.threshold ?? null;
  }

  function addPoint(point) {
    const last = state.sequences.length ? state.sequences[state.sequences.length - 1] : -1;
    if (point.sequence <= last) return false;
    const index = state.sequences.length;
    state.sequences.push(point.sequence);
    for (const [metric, values] of Object.entries(point.metrics)) {
      // A metric first seen now gets empty slots for the points before it.
      const series = (state.metrics[metric] ??= { global: new Array(index).fill(null), rolling: new Array(index).fill(null) });
      series.global.push(values.global);
      series.rolling.push(values.rolling);
    }
    showMetrics(point);
    $("fact-sequence").textContent = point.sequence.toLocaleString();
    return true;
  }

  function showMetrics(point) {
    const body = $("metrics").tBodies[0];
    body.replaceChildren();
    for (const [metric, values] of Object.entries(point.metrics)) {
      const row = body.insertRow();
      row.insertCell().textContent = metric;
      row.insertCell().textContent = format(values.global);
      row.insertCell().textContent = format(values.rolling);
    }
  }

  function addEvent(type, data) {
    state.events.push({ type, sequence: data.sequence ?? 0 });
    const row = $("events").tBodies[0].insertRow(0);
    row.insertCell().textContent = data.time ? new Date(data.time).toLocaleTimeString() : "";
    row.insertCell().textContent = type;
    row.insertCell().textContent = (data.sequence ?? 0).toLocaleString();
    const details = { ...data };
    delete details.sequence;
    delete details.time;
    row.insertCell().textContent = Object.keys(details).length ? JSON.stringify(details) : "";
  }

  // Polled at the curve's cadence (after learn progress, at most once a second) and at once on a features drift event.
  function refreshFeatures(now = false) {
    if (features.busy) {
      features.again = true;
      return;
    }
    const wait = now ? 0 : features.last + 1000 - Date.now();
    if (wait > 0) {
      features.timer ||= setTimeout(() => { features.timer = 0; refreshFeatures(); }, wait);
      return;
    }
    const name = state.model;
    Object.assign(features, { busy: true, last: Date.now() });
    getJson(`/v1/models/${encodeURIComponent(name)}/features/drift`)
      .then((report) => { if (name === state.model) showFeatures(report); })
      .catch(() => { /* a model deleted meanwhile, or the server restarting: the next learn or drift tries again */ })
      .finally(() => {
        features.busy = false;
        if (features.again) {
          features.again = false;
          refreshFeatures(true);
        }
      });
  }

  function showFeatures(report) {
    features.monitored = report.monitored;
    if (report.sequence < features.wanted) features.timer ||= setTimeout(() => { features.timer = 0; refreshFeatures(true); }, 250);
    $("feature-panel").hidden = false;
    $("feature-none").hidden = report.monitored;
    $("feature-drift").hidden = !report.monitored;
    const body = $("feature-drift").tBodies[0];
    body.replaceChildren();
    for (const feature of report.features) {
      // The monitor fires when the index exceeds the threshold (not at it).
      const breach = feature.psi !== null && features.threshold !== null && feature.psi > features.threshold;
      const row = body.insertRow();
      row.dataset.feature = feature.name;
      row.classList.toggle("drifting", breach || feature.drifts > 0);
      row.insertCell().textContent = feature.name;
      row.insertCell().textContent = feature.count.toLocaleString();
      const drifts = row.insertCell();
      drifts.textContent = feature.drifts.toLocaleString();
      drifts.classList.toggle("alarm", feature.drifts > 0);
      const psi = row.insertCell();
      psi.textContent = feature.psi === null ? "–" : feature.psi.toFixed(4);
      psi.classList.toggle("breach", breach);
      if (features.threshold !== null) psi.title = `threshold ${features.threshold}`;
      row.insertCell().textContent = format(feature.referenceMean);
      row.insertCell().textContent = format(feature.recentMean);
    }
  }

  // Same cadence as the features table: at most once a second while learns arrive, at once after a decision.
  function refreshChallengers(now = false) {
    if (contest.busy) {
      contest.again = true;
      return;
    }
    const wait = now ? 0 : contest.last + 1000 - Date.now();
    if (wait > 0) {
      contest.timer ||= setTimeout(() => { contest.timer = 0; refreshChallengers(); }, wait);
      return;
    }
    const name = state.model;
    Object.assign(contest, { busy: true, last: Date.now() });
    getJson(`/v1/models/${encodeURIComponent(name)}/challengers`)
      .then((report) => { if (name === state.model) showChallengers(report); })
      .catch(() => { /* the next learn or promotion tries again */ })
      .finally(() => {
        contest.busy = false;
        if (contest.again) {
          contest.again = false;
          refreshChallengers(true);
        }
      });
  }

  function showChallengers(report) {
    contest.present = report.champion !== null;
    $("challenger-panel").hidden = !contest.present;
    if (!contest.present) return;
    const rule = report.promotion;
    const direction = rule.biggerIsBetter ? "higher" : "lower";
    $("challenger-rule").textContent =
      `Promotion: ${rule.metric} over the last ${rule.window.toLocaleString()} examples ${direction} than the champion's by at least ${rule.margin}, ` +
      `after at least ${rule.min_examples.toLocaleString()} examples` +
      (report.holdout.size ? `, and not worse on the holdout (${report.holdout.held} of ${report.holdout.size} examples held).` : ".");
    const body = $("challengers").tBodies[0];
    body.replaceChildren();
    for (const contender of [report.champion, ...report.challengers]) {
      const row = body.insertRow();
      row.dataset.contender = contender.name;
      row.classList.toggle("champion", contender.champion);
      row.insertCell().textContent = contender.name;
      row.insertCell().textContent = contender.champion ? "champion" : "challenger";
      row.insertCell().textContent = contender.examples.toLocaleString();
      row.insertCell().textContent = format(contender.rolling);
      row.insertCell().textContent = format(contender.global);
      row.insertCell().textContent = format(contender.holdout);
    }
    contest.champion = report.champion.name;
    contest.rows = body.rows.length;
  }

  // Vertical lines at the learns where model events happened; promotions solid green, the rest dashed red.
  function eventMarkers() {
    return {
      hooks: {
        draw: (chart) => {
          const { ctx, bbox } = chart;
          ctx.save();
          for (const event of state.events) {
            const x = Math.round(chart.valToPos(event.sequence, "x", true));
            if (x < bbox.left || x > bbox.left + bbox.width) continue;
            const promotion = event.type === "promotion";
            ctx.strokeStyle = promotion ? "#1a7f37" : "#d1242f";
            ctx.lineWidth = promotion ? 2 : 1;
            ctx.setLineDash(promotion ? [] : [4, 4]);
            ctx.beginPath();
            ctx.moveTo(x, bbox.top);
            ctx.lineTo(x, bbox.top + bbox.height);
            ctx.stroke();
          }
          ctx.restore();
        },
      },
    };
  }

  function drawCharts() {
    const container = $("charts");
    for (const [metric, series] of Object.entries(state.metrics)) {
      const data = [state.sequences, series.global, series.rolling];
      const chart = state.charts[metric];
      if (chart) {
        chart.setData(data);
        continue;
      }
      const holder = document.createElement("div");
      holder.className = "chart";
      holder.dataset.metric = metric;
      container.append(holder);
      state.charts[metric] = new uPlot(
        {
          title: metric,
          width: Math.max(320, holder.clientWidth - 8),
          height: 240,
          scales: { x: { time: false } },
          axes: [{ label: "examples learned" }, {}],
          series: [
            { label: "learned" },
            { label: "global", stroke: "#1f6feb", width: 2, spanGaps: true },
            { label: "rolling", stroke: "#bf8700", width: 1.5, spanGaps: true },
          ],
          plugins: [eventMarkers()],
        },
        data,
        holder,
      );
    }
  }

  function listen(name) {
    const source = new EventSource(`/v1/models/${encodeURIComponent(name)}/events`);
    state.source = source;
    const status = $("status");
    source.onopen = () => { status.textContent = "live"; status.className = "status live"; };
    source.onerror = () => { status.textContent = "reconnecting…"; status.className = "status down"; };
    source.addEventListener("learn", (message) => {
      if (!addPoint(JSON.parse(message.data))) return;
      drawCharts();
      if (features.monitored) refreshFeatures();
      if (contest.present) refreshChallengers();
    });
    for (const type of ["snapshot", "publication", "storage-failure", "drift", "policy", "promotion", "challenger"]) {
      source.addEventListener(type, (message) => {
        const data = JSON.parse(message.data);
        addEvent(type, data);
        Object.values(state.charts).forEach((chart) => chart.redraw(false));
        if (type === "promotion" || type === "challenger") refreshChallengers(true);
        if (type === "promotion") getJson(`/v1/models/${encodeURIComponent(name)}`).then((d) => { if (name === state.model) showDescription(d); }).catch(() => {});
        if (type === "drift" && data.monitor === "features") {
          features.wanted = Math.max(features.wanted, data.sequence ?? 0);
          refreshFeatures(true);
        }
      });
    }
  }

  window.addEventListener("hashchange", () => {
    const name = decodeURIComponent(location.hash.slice(1));
    if (name && name !== state.model) select(name);
  });

  loadModels().catch((error) => {
    $("status").textContent = `error: ${error.message}`;
    $("status").className = "status down";
  });
})();
