-- tilemaker process script for the cockpit's OSM basemap (mock-data/geo/osm-pipeline.ts).
-- Works with tilemaker 2.x (Debian bookworm: object methods, way:Find) and 3.x (global
-- functions, Find): every call goes through the small shim below.

node_keys = { "place" }

local obj = nil
local function find(k) if obj then return obj:Find(k) else return Find(k) end end
local function holds(k) if obj then return obj:Holds(k) else return Holds(k) end end
local function layer(name, area) if obj then obj:Layer(name, area) else Layer(name, area) end end
local function attr(k, v) if obj then obj:Attribute(k, v) else Attribute(k, v) end end
local function attrNum(k, v) if obj then obj:AttributeNumeric(k, v) else AttributeNumeric(k, v) end end
local function minZoom(z) if obj then obj:MinZoom(z) else MinZoom(z) end end
local function isClosed() if obj then return obj:IsClosed() else return IsClosed() end end

local function names()
  local n = find("name")
  if n ~= "" then attr("name", n) end
  local en = find("name:en")
  if en ~= "" then attr("name_en", en) end
end

function init_function() end
function exit_function() end

function node_function(node)
  obj = node
  local place = find("place")
  if place == "city" or place == "town" or place == "suburb" or place == "district" or place == "neighbourhood" or place == "village" then
    layer("place", false)
    attr("class", place)
    names()
    if place == "city" then minZoom(6) elseif place == "town" or place == "district" then minZoom(9) else minZoom(12) end
  end
end

local ROAD_CLASS = {
  motorway = "motorway", motorway_link = "motorway", trunk = "trunk", trunk_link = "trunk",
  primary = "primary", primary_link = "primary", secondary = "secondary", secondary_link = "secondary",
  tertiary = "tertiary", tertiary_link = "tertiary", unclassified = "minor", residential = "minor",
  living_street = "minor", service = "service",
}
local ROAD_MINZOOM = { motorway = 6, trunk = 7, primary = 8, secondary = 10, tertiary = 11, minor = 13, service = 14 }

function way_function(way)
  obj = way
  local highway = find("highway")
  local railway = find("railway")
  local waterway = find("waterway")
  local natural = find("natural")
  local landuse = find("landuse")
  local leisure = find("leisure")
  local building = find("building")
  local boundary = find("boundary")

  if highway ~= "" and ROAD_CLASS[highway] then
    local class = ROAD_CLASS[highway]
    layer("transportation", false)
    attr("class", class)
    local ref = find("ref")
    if ref ~= "" then attr("ref", ref) end
    minZoom(ROAD_MINZOOM[class])
    if find("name") ~= "" then
      layer("transportation_name", false)
      attr("class", class)
      names()
      minZoom(math.max(10, ROAD_MINZOOM[class]))
    end
    return
  end
  if railway == "rail" or railway == "subway" or railway == "light_rail" then
    layer("transportation", false)
    attr("class", "rail")
    minZoom(10)
    return
  end
  if waterway == "river" or waterway == "canal" or waterway == "stream" then
    layer("waterway", false)
    attr("class", waterway)
    names()
    if waterway == "stream" then minZoom(13) end
    return
  end
  if isClosed() and (natural == "water" or landuse == "reservoir" or landuse == "basin" or waterway == "riverbank") then
    layer("water", true)
    attr("class", "lake")
    names()
    return
  end
  if building ~= "" and isClosed() then
    layer("building", true)
    local h = tonumber(find("height")) or 0
    local levels = tonumber(find("building:levels")) or 0
    if h == 0 and levels > 0 then h = levels * 3 end
    if h == 0 then h = 9 end
    attrNum("render_height", h)
    attrNum("render_min_height", tonumber(find("min_height")) or 0)
    return
  end
  if isClosed() and (leisure == "park" or landuse == "grass" or landuse == "forest" or landuse == "residential" or landuse == "industrial" or landuse == "commercial") then
    layer("landuse", true)
    attr("class", leisure ~= "" and leisure or landuse)
    return
  end
  if boundary == "administrative" then
    local level = tonumber(find("admin_level")) or 0
    if level >= 4 and level <= 8 then
      layer("boundary", false)
      attrNum("admin_level", level)
    end
  end
end
