// Package permitting holds the pure rules of withdrawal permitting (取水许可):
// the working-day calendar and statutory clocks, the application lifecycle as
// a state machine, which level of government decides, every 限批 refusal rule
// as one decision over numbers the store supplies, the online-metering
// compliance classification and point-in-polygon over GeoJSON areas.
//
// It does no I/O and reads no clock: callers pass the time.
package permitting
