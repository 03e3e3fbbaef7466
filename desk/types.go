package desk

import (
	"nianbao/db"
	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/export/summary"
	"nianbao/export/tujie"
)

// Names of the store's types that callers of the use cases need.
type (
	// Options configure opening the database.
	Options = db.Options
	// RequestQuery selects one page of the request log.
	RequestQuery = db.RequestQuery
	// ItemQuery selects one page of the 主动公开信息 register.
	ItemQuery = db.ItemQuery
	// RequestField names one field of a request saved on its own.
	RequestField = db.RequestField
	// BackupInfo is one backup file.
	BackupInfo = db.BackupInfo
	// DBError is the store's error, a Chinese sentence with its kind.
	DBError = db.Error
)

// Kinds of the store's errors and the lists of the item register.
const (
	ErrNotFound  = db.ErrNotFound
	ErrCorrupt   = db.ErrCorrupt
	ListCategory = db.ListCategory
	ListChannel  = db.ListChannel
	// StatusOpen selects the requests still open (办理中) in a RequestQuery.
	StatusOpen = db.StatusOpen
)

// SerialKey is the keyset position of a log entry in the request pages.
var SerialKey = db.SerialKey

// KindOf is the kind of a store error.
var KindOf = db.KindOf

// ChangedRequestFields lists the fields of a request that differ, for
// saving them one by one (Store.SaveRequestField).
var ChangedRequestFields = db.ChangedRequestFields

// Names of the exporters' types that callers need.
type (
	// TujiePage is the 图解 of a year (Year.Tujie): key figures, charts in
	// sections, measures.
	TujiePage = tujie.Page
	// TujieChart is one chart of the 图解: groups of bars.
	TujieChart = tujie.Chart
	// ExportProgress reports one file of a running export.
	ExportProgress = export.Progress
	// ExportResult lists the files written and the manifest.
	ExportResult = export.Result
	// FileResult is one file written and read back.
	FileResult = export.FileResult
	// Drive is a removable drive the export may write to.
	Drive = export.Drive
	// MediaError is a classified failure of writing to a drive.
	MediaError = export.MediaError
	// BundleKind is a public or a full bundle.
	BundleKind = bundle.Kind
	// BundleMeta describes a bundle: organ, year, kind, findings.
	BundleMeta = bundle.Meta
	// Aggregation is a folder's aggregation: totals, workbook, and the
	// organ list and unused files kept on disk until Close.
	Aggregation = summary.Aggregation
	// FileKind names a list of files an aggregation did not count as they are.
	FileKind = summary.FileKind
	// Rejected is a file of the folder that was not counted.
	Rejected = summary.Rejected
)

// Bundle kinds, the export formats and encodings, and the media error
// kinds callers tell apart.
const (
	// The lists of files an aggregation did not count as they are.
	AggNotUsed     = summary.NotUsed
	AggOtherYear   = summary.OtherYear
	AggFullCounted = summary.FullCounted

	PublicBundle  = bundle.Public
	FullBundle    = bundle.Full
	EncodingUTF8  = export.EncodingUTF8
	FormatTujie   = export.FormatTujie
	ErrFileExists = export.ErrExists
	ErrDeviceGone = export.ErrGone
)

// Formats lists the export formats in order.
var Formats = export.Formats

// Drives lists the removable drives.
var Drives = export.Drives

// BundleFileName is the file name of an organ-year's bundle.
var BundleFileName = bundle.FileName

// ChineseNumber writes n in Chinese numerals (for sentences).
var ChineseNumber = export.ChineseNumber

// TujieMeasuresHeading heads the measures of the 图解.
const TujieMeasuresHeading = tujie.MeasuresHeading
