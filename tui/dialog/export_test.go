package dialog

// LineCount is the number of rows of the overlay's list (tests).
func (d *Keys) LineCount() int { return len(d.lines()) }
