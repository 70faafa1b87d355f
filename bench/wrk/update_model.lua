-- PUT /update_model: the seed application's learn route (predict_proba, learn, metric) on the default model.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua").setup("PUT", "/update_model", true)
