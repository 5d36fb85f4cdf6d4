//go:build !linux

package sandbox

// image is a snapshot's linear memory. Without Linux's memfd and
// copy-on-write mappings, every instance has its own copy and a reset
// copies the image back.
type image struct {
	b        []byte
	size     uint64
	resident int64
}

var osPage = uint64(4096)

func newImage(b []byte) (*image, error) {
	return &image{b: append([]byte(nil), b...), size: uint64(len(b)), resident: int64(len(b))}, nil
}

func (im *image) close() {}

func (im *image) mapMemory(reserve uint64) (*imageMemory, error) {
	m := &imageMemory{mapping: make([]byte, max(reserve, im.size)), img: im}
	copy(m.mapping, im.b)
	return m, nil
}

func (m *imageMemory) reset(used uint64) error {
	used = min(used, uint64(len(m.mapping)))
	m.written = int64(len(m.mapping)) / int64(osPage)
	n := copy(m.mapping[:used], m.img.b)
	clear(m.mapping[n:used])
	return nil
}

func (m *imageMemory) unmap() { m.mapping = nil }

// pageRegion is Linux's PAGEMAP_SCAN answer (image_linux.go); unused here.
type pageRegion struct{}
