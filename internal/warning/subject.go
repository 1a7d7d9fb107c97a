package warning

// The subjects of the observations of monitoring points, by the point's code
// (terminal address): the warning service observes them and the point-status
// map marks the points with an open alert on any of them.

// PointSubject is a point's subject (terminal_offline, data_quality, terminal_security).
func PointSubject(code string) string { return "point:" + code }

// WellSubject is a monitoring well's subject (groundwater_level).
func WellSubject(code string) string { return "well:" + code }

// GeothermalSubject is a geothermal well's subject (geothermal_reinjection).
func GeothermalSubject(code string) string { return "geothermal:" + code }
