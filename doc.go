// Package sishui holds the domain vocabulary of the sishui water-resources platform
// (四水四定: the city, land, people and industry sized by the water there is) and the
// contracts that storage engines, gateways and services implement.
//
// It imports only the standard library. Technology lives in internal/ packages and
// cmd/sishui is the only place where they meet.
package sishui
