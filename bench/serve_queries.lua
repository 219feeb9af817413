-- wrk script for bench/run_serve.sh: each request is the next of a fixed mix of what the search page
-- asks (searches with and without facets, filters, sorts, a record, a citation), so the load is the
-- page's, not one cached query. Non-2xx answers are counted by wrk itself.
local paths = {
  "/api/search?q=naltrexone&limit=20&facets=year,design,condition",
  "/api/search?q=fibromyalgia&limit=20",
  "/api/search?q=%22low%20dose%20naltrexone%22%20pain&limit=20&facets=design",
  "/api/search?condition=fibromyalgia&design=rct&sort=date&limit=20",
  "/api/search?q=sleep%20quality&years=10&limit=20&facets=year",
  "/api/search?q=title:naltrexone%20OR%20abstract:ldn&sort=evidence&limit=20",
  "/api/search?q=fibromyalg*&offset=20&limit=20",
  "/api/search?q=(lupus%20OR%20sjogren)%20AND%20pain&limit=20&facets=condition",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
