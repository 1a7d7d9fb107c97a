package sqlstore

import "sync"

// syncMap is a typed string cache.
type syncMap struct{ m sync.Map }

func (c *syncMap) Load(k string) (string, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		return "", false
	}
	return v.(string), true
}

func (c *syncMap) Store(k, v string) { c.m.Store(k, v) }
