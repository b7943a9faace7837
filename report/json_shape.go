package report

// JSONShape returns an empty value of the type JSON marshals, so that
// schema/ can derive the summary's JSON Schema from the Go types and the
// schema cannot drift from the output (issue 18).
func JSONShape() any { return jsonSummary{} }
