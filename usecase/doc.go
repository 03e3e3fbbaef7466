// Package usecase holds every operation the clerk can start that needs the
// store and the exporters together, or that the command line and the
// workstation share: open an organ-year into one immutable Year snapshot
// with its derived data (table 三, the log's fees, the findings and their
// index by cell), export it (the one gate on errors and drafts), read,
// compare, import and write bundles, start a new year, aggregate a folder
// of bundles, back up and restore the database.
//
// cmd/nianbao and tui call this package (and model) only; db and export
// are reached through it. Store embeds the SQLite store, so the plain
// saves of one field or one entry (a block, a cell, a request) are the
// store's own methods; the names of the store's and the exporters' types
// that callers need are re-exported in types.go.
package usecase
