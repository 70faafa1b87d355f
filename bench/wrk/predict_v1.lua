-- POST /v1/models/default/predict: the same prediction on the versioned route.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua").setup("POST", "/v1/models/default/predict", false)
