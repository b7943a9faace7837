// Package report turns a decision.Summary into what people read: the
// summary document (In het kort first), Markdown, inert HTML hand-outs,
// JSON, the terminal rendering with Glamour, and the comparison of several
// answer files. Text from outside is escaped here before it reaches
// Markdown or HTML.
//
// It may import decision and content; no presenter, no files.
package report
