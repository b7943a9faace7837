package cli

import "runtime/debug"

// versionString reports the stamped version, or what the Go toolchain
// recorded for a `go install` build.
func versionString(b Build) string {
	v, c := b.Version, b.Commit
	if v == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			if info.Main.Version != "" && info.Main.Version != "(devel)" {
				v = info.Main.Version
			}
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && c == "" {
					c = s.Value
				}
			}
		}
	}
	if v == "" {
		v = "ontwikkelversie (gebouwd uit de broncode)"
	}
	out := "afstandswijzer " + v
	if c != "" {
		if len(c) > 12 {
			c = c[:12]
		}
		out += " (commit " + c + ")"
	}
	if b.Date != "" {
		out += ", " + b.Date
	}
	return out
}
