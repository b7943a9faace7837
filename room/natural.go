package room

import "sort"

// naturalLess orders strings as people count: "deelnemer-2" before
// "deelnemer-10". Runs of ASCII digits compare by value; everything else
// byte by byte.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := trimZeros(a[:da]), trimZeros(b[:db])
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			if da != db { // same value, fewer leading zeros first
				return da < db
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// sortNatural sorts xs by key in natural order.
func sortNatural[T any](xs []T, key func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return naturalLess(key(xs[i]), key(xs[j])) })
}
