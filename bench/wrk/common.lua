-- Shared by the wrk scripts: Phishing-like bodies (the nine features of River's Phishing dataset, values 0/0.5/1,
-- labels as in the dataset) cycled in order, requests pre-built once per wrk thread, and a machine-readable summary
-- line that run.sh parses.

local common = {}

local names = {
  "empty_server_form_handler", "popup_window", "https", "request_from_other_domain",
  "anchor_from_other_domain", "is_popular", "long_url", "age_of_domain", "ip_in_url",
}

-- Eight rows shaped like the dataset's (floats written as Python's json.dumps writes them), with both labels.
local rows = {
  { x = { "0.0", "0.0", "0.0", "0.0", "0.0", "0.5", "1.0", "1", "1" }, y = 1 },
  { x = { "1.0", "0.0", "0.5", "0.5", "0.0", "0.5", "0.0", "1", "0" }, y = 1 },
  { x = { "1.0", "0.0", "0.5", "1.0", "0.0", "0.5", "0.5", "1", "0" }, y = 0 },
  { x = { "0.0", "0.0", "1.0", "0.0", "0.5", "0.5", "0.0", "1", "0" }, y = 1 },
  { x = { "1.0", "0.5", "1.0", "1.0", "0.5", "0.5", "0.5", "1", "1" }, y = 0 },
  { x = { "0.0", "0.0", "1.0", "0.0", "0.0", "1.0", "0.5", "0", "0" }, y = 1 },
  { x = { "1.0", "0.5", "1.0", "1.0", "1.0", "0.0", "1.0", "1", "0" }, y = 0 },
  { x = { "0.0", "0.5", "0.0", "0.0", "1.0", "1.0", "0.5", "0", "0" }, y = 1 },
}

local function body(row, with_label)
  local parts = {}
  for i, name in ipairs(names) do
    parts[i] = string.format('"%s": %s', name, row.x[i])
  end
  local json = '{"x": {' .. table.concat(parts, ", ") .. "}"
  if with_label then
    json = json .. ', "y": ' .. row.y
  end
  return json .. "}"
end

-- Installs init/request/done for one route: method, path, and whether the bodies carry "y".
function common.setup(method, path, with_label)
  local requests = {}
  local next_index = 1

  function init(args)
    local headers = { ["Content-Type"] = "application/json" }
    for i, row in ipairs(rows) do
      requests[i] = wrk.format(method, path, headers, body(row, with_label))
    end
  end

  function request()
    local r = requests[next_index]
    next_index = next_index % #requests + 1
    return r
  end

  function done(summary, latency, requests_stats)
    local e = summary.errors
    io.write(string.format(
      "WRK_RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d "
        .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency:percentile(99.9), latency.max,
      e.status, e.connect, e.read, e.write, e.timeout))
  end
end

return common
