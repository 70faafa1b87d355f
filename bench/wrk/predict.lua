-- POST /predict: the seed application's prediction route on the default model.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua").setup("POST", "/predict", false)
