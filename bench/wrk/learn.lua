-- POST /v1/models/default/learn: learns one labelled example (y varies 0/1), answers after publication.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua").setup("POST", "/v1/models/default/learn", true)
