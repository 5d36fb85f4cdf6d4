//go:build !linux

package sandbox

func readImage(img *image, b []byte) (int, error) { return copy(b, img.b), nil }
