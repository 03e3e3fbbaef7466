// Package desk holds the use cases: every operation the clerk starts at
// the desk that needs the store and the exporters together, or that the
// command line and the workstation share. Open an organ-year into one
// immutable Year snapshot with its derived data (table 三, the log's fees,
// the findings and their index by cell, the 图解 page laid out once), export
// it (the one gate on errors and drafts), read,
// compare, import and write bundles, start a new year, aggregate a folder
// of bundles, back up and restore the database; and the request desk's
// work: the letters a clerk writes for a request (告知书) and the request
// log taken out to and brought in from a spreadsheet.
//
// cmd/nianbao and tui call this package (and model) only; db and export
// are reached through it. Store embeds the SQLite store, so the plain
// saves of one field or one entry (a block, a cell, a request) are the
// store's own methods; the names of the store's and the exporters' types
// that callers need are re-exported in types.go.
package desk
