-- POST /_bench/bare: reads and parses the same body as /predict, answers a constant (the baseline).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua").setup("POST", "/_bench/bare", false)
