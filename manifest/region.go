package manifest

import (
	"math"
	"slices"
	"time"
)

// Region is a named area with a representative location, so that an
// auditor can tell a claimed region from an impossible one: a reply
// cannot come back faster than light in fibre (about 200 km per ms) can
// make the round trip.
type Region struct {
	Name     string
	Lat, Lon float64 // degrees
}

// Regions are the region names a manifest may claim.
var Regions = []Region{
	{"af-south", -26.2, 28.0},     // Johannesburg
	{"ap-northeast", 35.7, 139.7}, // Tokyo
	{"ap-south", 19.1, 72.9},      // Mumbai
	{"ap-southeast", 1.35, 103.8}, // Singapore
	{"au-east", -33.9, 151.2},     // Sydney
	{"eu-central", 50.1, 8.7},     // Frankfurt
	{"eu-north", 59.3, 18.1},      // Stockholm
	{"eu-west", 53.3, -6.3},       // Dublin
	{"sa-east", -23.5, -46.6},     // São Paulo
	{"us-central", 41.9, -87.6},   // Chicago
	{"us-east", 39.0, -77.5},      // Ashburn
	{"us-west", 37.4, -122.1},     // San Francisco Bay
}

// RegionNames lists Regions' names, sorted.
func RegionNames() []string {
	out := make([]string, len(Regions))
	for i, r := range Regions {
		out[i] = r.Name
	}
	slices.Sort(out)
	return out
}

// KnownRegion reports whether name is one of Regions' names.
func KnownRegion(name string) bool {
	_, ok := region(name)
	return ok
}

func region(name string) (Region, bool) {
	for _, r := range Regions {
		if r.Name == name {
			return r, true
		}
	}
	return Region{}, false
}

// InRegion reports whether region r is, or lies within, want: equal, or
// want is a prefix up to a dash ("eu" contains "eu-west").
func InRegion(r, want string) bool {
	return r == want || (len(r) > len(want) && r[:len(want)] == want && r[len(want)] == '-')
}

// MinRTT is the shortest round trip possible between regions a and b:
// their great-circle distance, there and back, at 200 km per ms. Unknown
// regions give 0 (no bound).
func MinRTT(a, b string) time.Duration {
	ra, ok1 := region(a)
	rb, ok2 := region(b)
	if !ok1 || !ok2 {
		return 0
	}
	const earthKM, kmPerMS = 6371.0, 200.0
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dlat, dlon := rad(rb.Lat-ra.Lat), rad(rb.Lon-ra.Lon)
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(rad(ra.Lat))*math.Cos(rad(rb.Lat))*math.Sin(dlon/2)*math.Sin(dlon/2)
	km := 2 * earthKM * math.Asin(math.Sqrt(h))
	return time.Duration(2 * km / kmPerMS * float64(time.Millisecond))
}
